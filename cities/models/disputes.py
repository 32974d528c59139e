"""Where sources disagree across cities: two cities given the same official ordinal.

Official pages call both Karachi (2021) and Jinja (2020) Shenyang's 22nd sister
city. Both values stay on record; the page of each says so, naming the sources.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from cities.models.facts import Fact, Figure
from cities.models.sources import Source, SourceKind


@dataclass
class Claim:
    """One city's ordinal as its (shown) sources state it."""

    city: object
    fact: object
    sources: list = field(default_factory=list)

    @property
    def key(self):
        return f"claim-{self.fact.pk}"


@dataclass
class Dispute:
    """An ordinal claimed by this city (first) and by others; `settled` when this
    city's claim is the public value."""

    ordinal: int
    claims: list
    settled: bool


def _with_shown_sources(facts):
    shown = Source.objects.filter(kind__in=SourceKind.shown())
    return facts.prefetch_related(Prefetch("sources", queryset=shown))


def ordinal_disputes(city):
    """The ordinals `city` shares with another published city of the same
    relationship, each with every claim that a shown source backs."""
    own = [
        fact
        for fact in _with_shown_sources(city.facts.filter(figure=Figure.ORDINAL))
        if fact.sources.all()
    ]
    if not own:
        return []
    others = type(city).objects.published().partners().filter(relationship=city.relationship)
    rivals = _with_shown_sources(
        Fact.objects.filter(
            figure=Figure.ORDINAL,
            number__in={fact.number for fact in own},
            city__in=others.exclude(pk=city.pk),
        ).select_related("city")
    )
    disputes = []
    for fact in own:
        claims = [rival for rival in rivals if rival.number == fact.number and rival.sources.all()]
        if claims:
            disputes.append(
                Dispute(
                    ordinal=int(fact.number),
                    claims=[
                        Claim(city, fact, list(fact.sources.all())),
                        *(Claim(rival.city, rival, list(rival.sources.all())) for rival in claims),
                    ],
                    settled=fact.is_public,
                )
            )
    return disputes
