"""Load the partner cities of `data/shenyang-partners.json` with their facts, stages
and sources, and the office's stated totals; see `portal.demo.partners`.

Like the rest of the demo loader it only adds: a city that exists is kept as
it is, and its facts and stages are added only while it has none.
"""

import datetime
import json
from decimal import Decimal
from pathlib import Path

from modeltranslation.utils import build_localized_fieldname

from cities.models import City, Country, Exchange, Fact, SourceKind, Stage, StatedTotal
from cities.models.facts import STAGE_FIGURES
from portal.demo import partners
from portal.demo.partner_sources import SourceBook, partial_date
from portal.demo.profiles import PROFILES

DATA = Path(__file__).parent / "data"
# Collected on 2026-11-29 (data/README.md): the records go live as of then.
PUBLISHED_AT = datetime.datetime(
    2026, 11, 29, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=8))
)
STAGE_OF = {"sister": "sister", "friendly cooperative": "friendly"}


class PartnerLoader:
    def __init__(self, loader):
        self.loader = loader
        self.book = SourceBook(loader)
        self.source = self.book.source
        self.sources_for = self.book.sources_for
        self.find_source = self.book.find_source

    def load(self):
        records = json.loads((DATA / "shenyang-partners.json").read_text(encoding="utf-8"))
        countries = {name: self.country(name) for name in partners.COUNTRIES}
        for record in records:
            self.city(record, countries[record["country_en"]])
        self.home_facts()
        self.totals()

    def country(self, name):
        iso, continent, chinese = partners.COUNTRIES[name]
        spec = {
            "continent": continent,
            "name": {"en": partners.COUNTRY_NAMES_EN.get(iso, name), "zh-hans": chinese},
        }
        return self.loader.ensure(Country, {"iso_code": iso}, spec)[0]

    def city(self, record, country):
        name = record["name_en"]
        slug, latitude, longitude = partners.POSITIONS[name]
        chinese = record.get("name_zh") or partners.EXONYMS.get(name, "")
        spec = {
            "country": country,
            "status": "published",
            "published_at": PUBLISHED_AT,
            "name": {"en": name, "zh-hans": chinese},
            "relationship": STAGE_OF[record["relationship"]],
        }
        if name in PROFILES:
            spec["summary"] = PROFILES[name]
        city = (
            City.objects.filter(slug=slug).first()
            or self.loader.ensure(City, {"slug": slug}, spec)[0]
        )
        if city.facts.exists() or city.stages.exists():
            return city
        self.facts(city, record, Decimal(latitude), Decimal(longitude))
        self.stages(city, record)
        city.apply_stages()
        city.apply_public_facts()
        city.full_clean()
        city.save()
        return city

    def add_fact(self, city, figure, value, sources, **fields):
        if not sources:
            return None
        if isinstance(value, datetime.date):
            fields["date"] = value
        else:
            fields["number"] = value
        fact = Fact(city=city, figure=figure, **fields)
        fact.full_clean(exclude=["sources"])
        fact.save()
        fact.sources.set(sources)
        return fact

    def facts(self, city, record, latitude, longitude):
        name = record["name_en"]
        alternatives = {
            figure: alternative
            for (city_name, figure), alternative in partners.ALTERNATIVES.items()
            if city_name == name
        }
        # A source that states another value of a figure does not back its public value.
        excluded = {figure: {url} for figure, (_value, url, _note) in alternatives.items()}
        position = [self.source(partners.POSITION_SOURCE)]
        self.add_fact(city, "latitude", latitude, position)
        self.add_fact(city, "longitude", longitude, position)
        if name in partners.POPULATIONS:
            people, approximate, year = partners.POPULATIONS[name]
            as_of = {"as_of": datetime.date(year, 1, 1), "as_of_precision": "year"} if year else {}
            self.add_fact(
                city,
                "population",
                people,
                self.sources_for(record, "population", excluded.get("population", ())),
                approximate=approximate,
                **as_of,
            )
        if "area_km2" in record:
            self.add_fact(
                city,
                "area",
                Decimal(str(record["area_km2"])),
                self.sources_for(record, "area_km2", excluded.get("area", ())),
            )
        if "ordinal" in record:
            # A disputed ordinal stays on record, not public (two cities called the 22nd).
            disputed = alternatives.pop("ordinal", None)
            self.add_fact(
                city,
                "ordinal",
                record["ordinal"],
                self.sources_for(record, "ordinal"),
                is_public=disputed is None,
                note=disputed[2] if disputed else "",
            )
        for figure, (value, url, note) in alternatives.items():
            source = self.source(self.find_source(record, url))
            self.add_fact(city, figure, value, [source], is_public=False, note=note)

    def stages(self, city, record):
        name = record["name_en"]
        excluded = {
            url
            for (city_name, _f), (_v, url, _n) in partners.ALTERNATIVES.items()
            if city_name == name
        }
        earlier = record.get("earlier_relationship")
        if name == "Karachi":
            self.karachi_stages(city, record, earlier)
            return
        if earlier:
            self.stage(
                city,
                STAGE_OF[earlier["relationship"]],
                earlier.get("since"),
                [self.source(spec) for spec in earlier["sources"]],
            )
        since = record.get("since")
        kind = STAGE_OF[record["relationship"]]
        derived = [item for item in record.get("derived", ()) if item["fact"] == "since"]
        if since is None and derived:
            # Worked out, not stated: the stage's date stays unknown, and the figure
            # keeps the worked-out year with the anniversary the source states.
            self.stage(city, kind, None, [])
            date, precision = partial_date(derived[0]["value"])
            self.add_fact(
                city,
                STAGE_FIGURES[kind],
                date,
                [self.source(derived[0]["source"])],
                date_precision=precision,
                anniversary=partners.ANNIVERSARIES[name],
                note=("Worked out: " + derived[0]["how"])[:300],
            )
            return
        sources = self.sources_for(record, "since", excluded) if since else []
        self.stage(city, kind, since, sources)

    def stage(self, city, kind, since, sources, note="", **fields):
        date, precision = partial_date(since) if since else (None, "day")
        stage = Stage(city=city, stage=kind, date=date, precision=precision, **fields)
        stage.full_clean()
        stage.save()
        if date is not None:
            self.add_fact(
                city, STAGE_FIGURES[kind], date, sources, date_precision=precision, note=note[:300]
            )
        return stage

    def karachi_stages(self, city, record, earlier):
        seed = self.source(partners.SEED_PROFILE)
        exchanges = {exchange.date: exchange for exchange in Exchange.objects.filter(city=city)}
        intent = partners.KARACHI_STAGES["intent"]
        self.stage(
            city,
            "intent",
            "2018-08",
            [seed],
            exchange=exchanges.get(intent["exchange_date"]),
            **localized("document", intent),
            **localized("signatories", intent),
        )
        self.stage(
            city, "friendly", earlier["since"], [self.source(spec) for spec in earlier["sources"]]
        )
        sister = partners.KARACHI_STAGES["sister"]
        from news.models import Article

        self.stage(
            city,
            "sister",
            record["since"],
            self.sources_for(record, "since"),
            exchange=exchanges.get(sister["exchange_date"]),
            article=Article.objects.filter(slug=sister["article"]).first(),
            **localized("document", sister),
            **localized("signatories", sister),
        )
        for figure, value in (
            ("winter_low", city.winter_low_c),
            ("summer_high", city.summer_high_c),
            ("precipitation", city.precipitation_mm),
        ):
            if value is not None:
                self.add_fact(city, figure, value, [seed])

    def home_facts(self):
        home = City.objects.filter(is_home=True).first()
        if home is None or home.facts.exists():
            return
        for spec in partners.SHENYANG_FACTS:
            as_of = {}
            if "as_of" in spec:
                as_of = {"as_of": spec["as_of"][0], "as_of_precision": spec["as_of"][1]}
            self.add_fact(
                home,
                spec["figure"],
                spec["number"],
                [self.source(spec["source"])],
                note=spec.get("note", ""),
                **as_of,
            )
            alternative = spec.get("alternative")
            if alternative:
                self.add_fact(
                    home,
                    spec["figure"],
                    alternative["number"],
                    [self.source(alternative["source"])],
                    is_public=False,
                    note=alternative["note"],
                )
        home.apply_public_facts()
        home.full_clean()
        home.save()

    def totals(self):
        data = json.loads((DATA / "shenyang-partner-totals.json").read_text(encoding="utf-8"))
        for total in data["totals"]:
            if total["source"].get("kind") == SourceKind.REPOST:
                continue  # a repost shows a total was seen, not who stated it
            try:
                as_of, precision = partial_date(total["as_of"][:10])
            except (ValueError, KeyError):
                continue  # no date printed: not shown as of a date it does not have
            source = self.source(total["source"])
            StatedTotal.objects.get_or_create(
                as_of=as_of,
                source=source,
                defaults={
                    "as_of_precision": precision,
                    "sister_cities": total["sister_cities"],
                    "friendly_cities": total.get("friendly_cooperative_cities"),
                    "countries": total.get("countries"),
                },
            )


def localized(name, spec):
    return {build_localized_fieldname(name, code): text for code, text in spec[name].items()}
