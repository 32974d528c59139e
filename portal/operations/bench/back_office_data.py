"""The back office's share of the benchmark data: translation work and the staff.

The benchmark's articles are filled complete in both languages, with no stored
translation summaries (bulk_create skips `save()`). Before the back office is
measured, `prepare` adds what an office has at that size, and only what is
missing, so that it can run again on the same database as the sizes grow:

- every record's `TranslationSummary` (what the completeness matrix reads);
- one article in `STALE_EVERY` whose Chinese original was updated since its
  English was written (English stale: 250 articles, 1,000 XLIFF units, at
  100,000), saved as an editor saves;
- one in `PENDING_EVERY` of those with an English title awaiting a publisher's
  approval (50 at 100,000), proposed by the benchmark's translator;
- a translator and a publisher (the latter with a confirmed authenticator app,
  as the back office requires of publishers), signed in by `sessions`.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Exists, OuterRef
from django.test import Client, override_settings
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.editorial import pending
from portal.editorial.glossary import Glossary
from portal.editorial.summaries import BATCH, TranslationSummary, kinds, owner_field, store
from portal.editorial.summaries import summarise as summary_of

STALE_EVERY = 400
PENDING_EVERY = 2000
OFFSET = 200  # bench-200, bench-600, …: records in the middle of each stretch
UPDATE_ZH = "<p>双方商定下一轮会谈于明年举行。</p>"
ROLES = {"translator": "Translators", "publisher": "Publishers"}


def staff(role):
    """The benchmark's member of staff in `role` ("translator", "publisher")."""
    user, created = get_user_model().objects.get_or_create(
        username=f"bench-{role}", defaults={"is_staff": True}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name=ROLES[role]))
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    return user


def sessions(secret_key):
    """`{role: session key}` of each member of staff, signed in with both steps done (as
    `tests/two_factor.sign_in_fully`): made under the servers' `secret_key`, which signs
    the session and its authentication hash."""
    keys = {}
    with override_settings(SECRET_KEY=secret_key):
        for role in ROLES:
            user = staff(role)
            client = Client()
            client.force_login(user)
            session = client.session
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()
            keys[role] = session.session_key
    return keys


def fill_summaries(progress=None):
    """The summary of every record that has none yet, `BATCH` records a time."""
    filled, glossary = 0, Glossary()
    for model in kinds():
        kind = ContentType.objects.get_for_model(model)
        stored = TranslationSummary.objects.filter(content_type=kind, object_id=OuterRef("pk"))
        queryset = model._base_manager.filter(~Exists(stored)).order_by("pk")
        owner = owner_field(model)
        if owner is not None:
            queryset = queryset.select_related(owner.name)
        batch = []
        for record in queryset.iterator(chunk_size=BATCH):
            batch.append(summary_of(record, glossary))
            if len(batch) == BATCH:
                store(batch)
                filled += len(batch)
                batch = []
                if progress:
                    progress(filled)
        store(batch)
        filled += len(batch)
    return filled


def make_work(articles):
    """Stale and pending English translations among the first `articles` benchmark
    articles (see the module's docstring); those made before are left as they are."""
    from news.models import Article

    translator, editor = staff("translator"), staff("publisher")
    slugs = [f"bench-{n}" for n in range(OFFSET, articles, STALE_EVERY)]
    fresh = Article.objects.filter(slug__in=slugs).exclude(body_zh_hans__endswith=UPDATE_ZH)
    for article in fresh:
        article.body_zh_hans += UPDATE_ZH
        article._change_reason = "Benchmark: the original updated"
        article._history_user = editor
        article.save()
    proposing = [f"bench-{n}" for n in range(OFFSET, articles, PENDING_EVERY)]
    for article in Article.objects.filter(slug__in=proposing):
        title = f"{article.title_en} (revised)"
        if pending.proposed(article, "en").get("title_en") != title:
            pending.propose(article, {"title_en": title}, translator)
    return len(slugs), len(proposing)


def prepare(articles, progress=None):
    """Summaries, translation work and staff for a back office of `articles` articles:
    `(stale articles, pending changes)`. On PostgreSQL the tables just written are
    vacuumed, as autovacuum would after a while: the counts of the matrix read their
    indexes alone only once the table's pages are known all-visible."""
    fill_summaries(progress)
    work = make_work(articles)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for table in ("portal_translationsummary", "news_article", "portal_pendingchange"):
                cursor.execute(f"VACUUM ANALYZE {table}")
    return work
