"""Keep `SearchEntry` in step with articles, cities, service guides and office pages.

Each record is indexed once per language with the text a visitor of that
language sees (falling back to the other language where a translation is
missing), and with the status ABSENT in a language it has no edition in.
Signals reindex on save and delete; `rebuild()` redoes everything.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from cities.models import City, Country, Exchange
from news.models import Article
from office.models import OfficePage, ServiceGuide
from portal.formatting.i18n import LANGUAGE_CODES, localized_value
from portal.formatting.richtext import plain_text
from portal.search.backends import optimize
from portal.search.models import ABSENT, SearchEntry
from portal.search.tokens import index_tokens, scope_tokens

ARTICLE_FIELDS = ["standfirst", "body", "source", "author"]
CITY_FIELDS = ["province", "summary", "basic_info", "geography", "climate", "pillar_industries"]
GUIDE_FIELDS = [
    "summary", "eligibility", "materials", "steps", "processing_time", "fees",
    "legal_basis", "location", "hours", "contact",
]  # fmt: skip
PAGE_FIELDS = ["summary", "body", "responsibilities", "short_history", "leadership"]
# The office's service guides and pages share one kind, so that a search asks the
# index once for both: a guide's entry has the guide's id, a page's the negative
# of the page's (`office_id`).
OFFICE_KIND = "office"
OFFICE_FIELDS = {ServiceGuide: GUIDE_FIELDS, OfficePage: PAGE_FIELDS}


def office_id(record):
    return -record.pk if isinstance(record, OfficePage) else record.pk


def _text(obj, field, language):
    return plain_text(localized_value(obj, field, language)[0])


def _status(record, language):
    """The record's status in `language`: ABSENT where it has no edition in it."""
    return ABSENT if record.edition(language) == ABSENT else record.status


def article_entries(article):
    for language in LANGUAGE_CODES:
        status = _status(article, language)
        body = " ".join(_text(article, field, language) for field in ARTICLE_FIELDS)
        yield SearchEntry(
            kind="article",
            object_id=article.pk,
            language=language,
            status=status,
            published_at=article.published_at,
            scope_tokens=scope_tokens("article", language, status),
            title_tokens=index_tokens(_text(article, "title", language)),
            body_tokens=index_tokens(body),
        )


def city_entries(city):
    for language in LANGUAGE_CODES:
        status = _status(city, language)
        parts = [_text(city, field, language) for field in CITY_FIELDS]
        parts.append(_text(city.country, "name", language))
        parts.extend(_text(exchange, "title", language) for exchange in city.exchanges.all())
        yield SearchEntry(
            kind="city",
            object_id=city.pk,
            language=language,
            status=status,
            published_at=city.published_at,
            scope_tokens=scope_tokens("city", language, status),
            title_tokens=index_tokens(_text(city, "name", language)),
            body_tokens=index_tokens(" ".join(parts)),
        )


def office_entries(record):
    """A guide or an office page: its title and its own text fields."""
    fields = OFFICE_FIELDS[type(record)]
    for language in LANGUAGE_CODES:
        status = _status(record, language)
        yield SearchEntry(
            kind=OFFICE_KIND,
            object_id=office_id(record),
            language=language,
            status=status,
            published_at=record.published_at,
            scope_tokens=scope_tokens(OFFICE_KIND, language, status),
            title_tokens=index_tokens(_text(record, "title", language)),
            body_tokens=index_tokens(" ".join(_text(record, f, language) for f in fields)),
        )


def entries_for(kind, record):
    if kind == "article":
        return article_entries(record)
    if kind == "city":
        return city_entries(record)
    return office_entries(record)


def index_record(kind, record):
    entries = list(entries_for(kind, record))
    object_id = office_id(record) if kind == OFFICE_KIND else record.pk
    with transaction.atomic():
        SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()
        SearchEntry.objects.bulk_create(entries)


def rebuild(batch_size=500):
    """Recreate the whole index; returns the number of entries written."""
    written = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for kind, queryset in (
            ("article", Article.objects.order_by("pk")),
            (
                "city",
                City.objects.select_related("country").prefetch_related("exchanges").order_by("pk"),
            ),
            *((OFFICE_KIND, model.objects.order_by("pk")) for model in OFFICE_FIELDS),
        ):
            batch = []
            for record in queryset.iterator(chunk_size=batch_size):
                batch.extend(entries_for(kind, record))
                if len(batch) >= batch_size:
                    SearchEntry.objects.bulk_create(batch)
                    written += len(batch)
                    batch = []
            SearchEntry.objects.bulk_create(batch)
            written += len(batch)
    optimize()
    return written


@receiver(post_save, sender=Article)
def _article_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index_record("article", instance)


@receiver(post_save, sender=City)
def _city_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index_record("city", instance)


@receiver([post_save, post_delete], sender=Exchange)
def _exchange_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    city = City.objects.filter(pk=instance.city_id).first()
    if city is not None:
        index_record("city", city)


@receiver(post_save, sender=ServiceGuide)
@receiver(post_save, sender=OfficePage)
def _office_record_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        index_record(OFFICE_KIND, instance)


KINDS = {Article: "article", City: "city", ServiceGuide: OFFICE_KIND, OfficePage: OFFICE_KIND}


@receiver(post_delete, sender=Article)
@receiver(post_delete, sender=City)
@receiver(post_delete, sender=ServiceGuide)
@receiver(post_delete, sender=OfficePage)
def _record_deleted(sender, instance, **kwargs):
    kind = KINDS[sender]
    object_id = office_id(instance) if kind == OFFICE_KIND else instance.pk
    SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()


@receiver(post_save, sender=Country)
def _country_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for city in City.objects.filter(country=instance).select_related("country"):
        index_record("city", city)


def fill_if_empty(**kwargs):
    """After `migrate`: build the index when there is content but no index yet
    (a database that predates search, or one restored without its index)."""
    if SearchEntry.objects.exists():
        return
    if Article.objects.exists() or City.objects.exists():
        rebuild()
