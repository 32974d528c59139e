"""The sources of the partner data, each made a `Source` once (found by URL)."""

import datetime

from cities.models import Source, SourceKind
from portal.demo import partners


def partial_date(text):
    """ "1984-09-22" / "2007-06" / "2011" → (date, precision)."""
    parts = [int(part) for part in text.split("-")]
    precision = {1: "year", 2: "month", 3: "day"}[len(parts)]
    return datetime.date(*(parts + [1] * (3 - len(parts)))), precision


class SourceBook:
    def __init__(self, loader):
        self.loader = loader
        self.sources = {}

    def source(self, spec):
        """The `Source` for a data source (found by URL), created if missing."""
        url = spec.get("url", "")
        key = url or spec.get("publisher_en")
        if key in self.sources:
            return self.sources[key]
        if url:
            existing = Source.objects.filter(url=url).first()
        else:
            existing = Source.objects.filter(url="", publisher_en=spec["publisher_en"]).first()
        if existing is None:
            if url == partners.SEED_PROFILE["url"]:
                fields = dict(partners.SEED_PROFILE)
            else:
                fields = self.source_fields(spec)
            existing = Source(**fields)
            existing.full_clean()
            existing.save()
            self.loader.created.append(existing)
        self.sources[key] = existing
        return existing

    def source_fields(self, spec):
        # `publisher` is the name to print; `note` is the data's remark for staff.
        publisher = spec.get("publisher", "")
        fields = {
            "url": spec.get("url", ""),
            "title_en": spec.get("title_en", ""),
            "publisher_en": spec.get("publisher_en", publisher),
            "kind": spec.get("kind", SourceKind.OFFICIAL),
            "note": spec.get("note", "")[:300],
        }
        chinese = spec.get("publisher_zh_hans") or next(
            (zh for start, zh in partners.PUBLISHERS_ZH.items() if publisher.startswith(start)),
            "",
        )
        fields["publisher_zh_hans"] = chinese
        if spec.get("date"):
            date = spec["date"]
            fields["date"], fields["date_precision"] = (
                partial_date(date) if isinstance(date, str) else (date, "day")
            )
        return fields

    def sources_for(self, record, fact_name, exclude=()):
        return [
            self.source(spec)
            for spec in record.get("sources", {}).get(fact_name, [])
            if spec.get("url") not in exclude
        ]

    @staticmethod
    def find_source(record, url):
        for specs in record.get("sources", {}).values():
            for spec in specs:
                if spec.get("url") == url:
                    return spec
        raise LookupError(url)
