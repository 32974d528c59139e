"""Partner cities, the home city, their countries and their exchanges.

The home city (the city the portal speaks for) is a `City` with `is_home`
set, so that a partner can be compared with it fact by fact.
"""

from cities.models.city import City, CityQuerySet
from cities.models.countries import Continent, Country
from cities.models.exchanges import Exchange, ExchangeKind
from cities.models.facts import Fact, Figure
from cities.models.photos import CityPhoto
from cities.models.sources import Source, SourceKind
from cities.models.stages import Relationship, Stage, StatedTotal

__all__ = [
    "City",
    "CityPhoto",
    "CityQuerySet",
    "Continent",
    "Country",
    "Exchange",
    "ExchangeKind",
    "Fact",
    "Figure",
    "Relationship",
    "Source",
    "SourceKind",
    "Stage",
    "StatedTotal",
]
