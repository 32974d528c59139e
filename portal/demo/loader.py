"""Load the demo content, creating only what is missing.

Records are found by their natural keys (ISO code, slug, city and date); one
that exists is left exactly as it is, so a second run changes nothing and
staff edits to demo records survive. Every record is validated with
`full_clean()`, the same rules the admin applies.
"""

from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from cities.models import City, Country, Exchange
from news.models import Article, Category
from portal.demo.glossary import FORBIDDEN, TERMS
from portal.demo.news import CATEGORIES, DRAFT_ARTICLE, SIGNING_ARTICLE
from portal.demo.office_loader import OfficeLoader
from portal.demo.partner_loader import PartnerLoader
from portal.demo.places import COUNTRIES, KARACHI, KARACHI_EXCHANGES, OFFICE, SHENYANG
from portal.models import Office, Term

# The seeds are English, so English is the original of every demo record.
ORIGINAL_LANGUAGE = "en"


def localized_fields(spec):
    """`{"name": {"en": "Karachi", "zh-hans": "卡拉奇"}}` → `name_en`, `name_zh_hans`."""
    fields = {}
    for name, value in spec.items():
        if isinstance(value, dict):
            for language, text in value.items():
                fields[build_localized_fieldname(name, language)] = text
        else:
            fields[name] = value
    return fields


class DemoLoader:
    def __init__(self):
        self.created = []
        self.kept = []

    def ensure(self, model, lookup, spec):
        """The record matching `lookup`, created from `spec` if there is none."""
        existing = model.objects.filter(**lookup).first()
        if existing is not None:
            self.kept.append(existing)
            return existing, False
        record = model(original_language=ORIGINAL_LANGUAGE, **lookup, **localized_fields(spec))
        record.full_clean()
        record.save()
        self.created.append(record)
        return record, True

    @transaction.atomic
    def load(self):
        self.ensure(Office, {}, OFFICE)
        countries = {
            spec["iso_code"]: self.ensure(
                Country, {"iso_code": spec["iso_code"]}, without(spec, "iso_code")
            )[0]
            for spec in COUNTRIES
        }
        categories = {
            spec["slug"]: self.ensure(Category, {"slug": spec["slug"]}, without(spec, "slug"))[0]
            for spec in CATEGORIES
        }
        cities = {spec["slug"]: self.ensure_city(spec, countries) for spec in (SHENYANG, KARACHI)}
        article = self.ensure_article(SIGNING_ARTICLE, categories, cities)
        for spec in KARACHI_EXCHANGES:
            self.ensure_exchange(spec, cities["karachi"], {article.slug: article})
        self.ensure_terms()
        self.ensure_article(DRAFT_ARTICLE, categories, cities)
        PartnerLoader(self).load()
        # Last: the yearly report counts what the demo holds.
        OfficeLoader(self).load()
        return self

    def ensure_terms(self):
        """The official names of the seed documents, each kept as staff left it."""
        for chinese, english, kind, note, source in TERMS:
            term, created = Term.objects.get_or_create(
                chinese=chinese,
                defaults={
                    "english": english,
                    "kind": kind,
                    "note": note,
                    "source": source,
                    "forbidden": FORBIDDEN.get(chinese, {}),
                },
            )
            (self.created if created else self.kept).append(term)

    def ensure_city(self, spec, countries):
        fields = without(spec, "slug", "country")
        fields["country"] = countries[spec["country"]]
        return self.ensure(City, {"slug": spec["slug"]}, fields)[0]

    def ensure_article(self, spec, categories, cities):
        fields = without(spec, "slug", "category", "cities")
        fields["category"] = categories[spec["category"]]
        article, created = self.ensure(Article, {"slug": spec["slug"]}, fields)
        if created:
            article.cities.set(cities[slug] for slug in spec["cities"])
        if created and article.published_at is not None:
            # Loading the demo is no edit: the report reads as it was published.
            Article.objects.filter(pk=article.pk).update(updated_at=article.published_at)
            article.updated_at = article.published_at
        return article

    def ensure_exchange(self, spec, city, articles):
        lookup = {"city": city, "date": spec["date"], "kind": spec["kind"]}
        fields = without(spec, "date", "kind", "article")
        if "article" in spec:
            fields["article"] = articles[spec["article"]]
        return self.ensure(Exchange, lookup, fields)[0]


def without(spec, *keys):
    return {key: value for key, value in spec.items() if key not in keys}


def load_demo():
    """Load the demo content; returns the loader with its `created` and `kept` records."""
    return DemoLoader().load()
