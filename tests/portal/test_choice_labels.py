"""A model's `get_FOO_display()` on the public lists, by `choice_label`: the label in
the active language, as Django's own gives it, and an unknown value as it is."""

import pytest
from django.utils import translation

from cities.models import City, Exchange, ExchangeKind, Relationship, Stage


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_labels_are_djangos_in_every_language(language):
    with translation.override(language):
        assert City(relationship="sister").get_relationship_display() == str(
            Relationship.SISTER.label
        )
        assert Stage(stage="friendly").get_stage_display() == str(Relationship.FRIENDLY.label)
        kind = ExchangeKind.values[0]
        assert Exchange(kind=kind).get_kind_display() == str(ExchangeKind(kind).label)


def test_the_labels_are_translated():
    with translation.override("zh-hans"):
        assert City(relationship="sister").get_relationship_display() == "友好城市"


def test_an_unknown_or_empty_value_is_shown_as_it_is():
    assert City(relationship="").get_relationship_display() == ""
    assert Exchange(kind="withdrawn").get_kind_display() == "withdrawn"
