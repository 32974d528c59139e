"""Keep `SearchEntry` in step with articles and cities.

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
from portal.formatting.i18n import LANGUAGE_CODES, localized_value
from portal.formatting.richtext import plain_text
from portal.search.backends import optimize
from portal.search.models import ABSENT, SearchEntry
from portal.search.tokens import index_tokens, scope_tokens

ARTICLE_FIELDS = ["standfirst", "body", "source", "author"]
CITY_FIELDS = ["province", "summary", "basic_info", "geography", "climate", "pillar_industries"]


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


def index_record(kind, record):
    entries = list(article_entries(record) if kind == "article" else city_entries(record))
    with transaction.atomic():
        SearchEntry.objects.filter(kind=kind, object_id=record.pk).delete()
        SearchEntry.objects.bulk_create(entries)


def rebuild(batch_size=500):
    """Recreate the whole index; returns the number of entries written."""
    written = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for _kind, queryset, make in (
            ("article", Article.objects.order_by("pk"), article_entries),
            (
                "city",
                City.objects.select_related("country").prefetch_related("exchanges").order_by("pk"),
                city_entries,
            ),
        ):
            batch = []
            for record in queryset.iterator(chunk_size=batch_size):
                batch.extend(make(record))
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


@receiver(post_delete, sender=Article)
@receiver(post_delete, sender=City)
def _record_deleted(sender, instance, **kwargs):
    kind = "article" if sender is Article else "city"
    SearchEntry.objects.filter(kind=kind, object_id=instance.pk).delete()


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
