"""What a city knows about where its figures come from (a mixin of `City`).

The city's fields hold the public values; its facts and stages hold the
values with their sources. `apply_public_facts()` and `apply_stages()` copy
the public side onto the fields; `provenance()` numbers the sources of what a
page prints (and of the claims that dispute it), for footnote markers and the
closing "Sources" list.
"""

from dataclasses import dataclass, field

from django.db import models

from cities.models.disputes import ordinal_disputes
from cities.models.facts import CITY_FIELDS, DATE_FIGURES, STAGE_FIGURES, Figure
from cities.models.sources import SourceKind
from cities.models.stages import PARTNER_STAGES, Relationship, current_stage

UNPRINTED = {Figure.LATITUDE, Figure.LONGITUDE}


@dataclass
class Provenance:
    """Footnote numbers per figure (and per stage) and the sources they point to."""

    sources: list = field(default_factory=list)
    marks: dict = field(default_factory=dict)
    as_of: dict = field(default_factory=dict)
    # figure → (N, year): a date worked out from "the Nth anniversary in <year>".
    worked_out: dict = field(default_factory=dict)
    # Where another city's source claims the same ordinal (`Dispute`s).
    disputes: list = field(default_factory=list)

    def cite(self, key, sources):
        numbers = []
        for source in sorted(sources, key=lambda source: source.pk):
            if source not in self.sources:
                self.sources.append(source)
            numbers.append(self.sources.index(source) + 1)
        if numbers:
            self.marks[key] = sorted(set(numbers))

    def rank_by_kind(self):
        """Renumber the sources by kind, an official page first (`SourceKind` order),
        keeping reading order within a kind."""
        ranked = sorted(self.sources, key=lambda source: SourceKind.rank(source.kind))
        number = {old + 1: ranked.index(source) + 1 for old, source in enumerate(self.sources)}
        self.sources = ranked
        self.marks = {key: sorted(number[n] for n in marks) for key, marks in self.marks.items()}

    def __bool__(self):
        return bool(self.sources)


class ProvenanceMixin(models.Model):
    class Meta:
        abstract = True

    def apply_public_facts(self):
        """Copy each public fact onto the field pages print; returns the changed fields."""
        changed = []
        # A date worked out from an anniversary is never printed as a date.
        public = self.facts.filter(is_public=True, anniversary__isnull=True)
        for fact in public.filter(figure__in=list(CITY_FIELDS)):
            name = CITY_FIELDS[fact.figure]
            values = {name: fact.value_for(self)}
            if fact.figure in DATE_FIGURES:
                values[f"{name}_precision"] = fact.date_precision
            if fact.figure == Figure.POPULATION:
                values["population_is_approximate"] = fact.approximate
                values["population_year"] = fact.as_of.year if fact.as_of else None
            for key, value in values.items():
                if getattr(self, key) != value:
                    setattr(self, key, value)
                    changed.append(key)
        return changed

    def apply_stages(self):
        """The current stage becomes the relationship; the friendly and sister stages
        give their dates where no public fact does. Returns the changed fields."""
        stages = list(self.stages.all())
        latest = current_stage(stages)
        changed = []
        if latest is not None and not self.is_home and self.relationship != latest.stage:
            self.relationship = latest.stage
            changed.append("relationship")
        public = set(self.facts.filter(is_public=True).values_list("figure", flat=True))
        for stage in stages:
            if stage.stage not in PARTNER_STAGES or stage.date is None:
                continue
            name = "sister_since" if stage.stage == Relationship.SISTER else "friendly_since"
            if name in public:
                continue
            for key, value in ((name, stage.date), (f"{name}_precision", stage.precision)):
                if getattr(self, key) != value:
                    setattr(self, key, value)
                    changed.append(key)
        return changed

    def provenance(self, citations, stages=(), home=None, home_citations=()):
        """Sources of the figures this city (and its `stages`) shows, and of the
        `home` city's figures its comparison prints (as `home-<figure>`), numbered by
        kind, then in reading order. `citations` are `Fact.sources.through` rows with
        their fact and source (`citations_of(city, home)`: one query for both)."""
        found = Provenance()
        for fact, sources in _by_fact(citations):
            if fact.is_public and fact.worked_out and self.shows_worked_out(fact, stages):
                found.cite(fact.figure, sources)
                found.worked_out[fact.figure] = fact.worked_out
            elif fact.is_public and fact.matches(self, stages):
                found.cite(fact.figure, sources)
                if fact.as_of:
                    found.as_of[fact.figure] = fact.as_of_when
        for dispute in ordinal_disputes(self):
            for claim in dispute.claims:
                found.cite(claim.key, claim.sources)
            found.disputes.append(dispute)
        for fact, sources in _by_fact(home_citations):
            if fact.is_public and fact.matches(home):
                found.cite(f"home-{fact.figure}", sources)
                if fact.as_of:
                    found.as_of[f"home-{fact.figure}"] = fact.as_of_when
        found.rank_by_kind()
        return found

    def shows_worked_out(self, fact, stages):
        """Whether the page has no stated date for the figure `fact` works out: then it
        prints the anniversary the source states instead."""
        stated = [stage for stage in stages if STAGE_FIGURES[stage.stage] == fact.figure]
        if stated:
            return all(stage.date is None for stage in stated)
        name = CITY_FIELDS.get(fact.figure)
        return name is None or getattr(self, name) is None


def _by_fact(citations):
    """(fact, [source, ...]) per printed fact of `citations`, in `Figure` order."""
    facts = {}
    for link in citations:
        facts.setdefault(link.fact_id, (link.fact, []))[1].append(link.source)
    order = {figure: rank for rank, figure in enumerate(Figure.values)}
    pairs = sorted(facts.values(), key=lambda pair: order[pair[0].figure])
    # The map's position: no figure on the page to footnote.
    return [(fact, sources) for fact, sources in pairs if fact.figure not in UNPRINTED]
