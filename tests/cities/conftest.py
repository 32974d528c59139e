"""Fixtures shared by the import and export tests of this folder."""

import datetime

import pytest

from cities.models import City, Stage
from tests.cities.admin_transfer import INJECTIONS
from tests.factories import make_city, make_country, make_exchange


def _stage(city, kind, date, precision="day"):
    return Stage.objects.create(city=city, stage=kind, date=date, precision=precision)


@pytest.fixture
def staged_partners(db):
    """Karachi (sister city, with its agreement), a partnership that ended, and a draft
    with an undated first contact; returns Karachi."""
    karachi = make_city(slug="karachi", name_en="Karachi", country=make_country("PK"))
    _stage(karachi, "intent", datetime.date(2018, 8, 1), "month")
    _stage(karachi, "friendly", datetime.date(2018, 8, 1), "month")
    sister = _stage(karachi, "sister", datetime.date(2021, 12, 9))
    Stage.objects.filter(pk=sister.pk).update(
        document_en="Agreement on establishing sister city relations",
        document_zh_hans="缔结友好城市关系协议",
        signatories_en="The two mayors",
    )
    City.objects.filter(pk=karachi.pk).update(
        friendly_since="2018-08-01",
        friendly_since_precision="month",
        sister_since="2021-12-09",
    )
    ended = make_city(slug="ended", name_en="Ended", relationship="ended")
    _stage(ended, "contact", datetime.date(1979, 1, 1), "year")
    _stage(ended, "friendly", datetime.date(1985, 6, 1), "month")
    _stage(ended, "ended", datetime.date(2015, 3, 1), "month")
    City.objects.filter(pk=ended.pk).update(
        friendly_since="1985-06-01", friendly_since_precision="month"
    )
    draft = make_city(slug="draft", name_en="Draft", relationship="friendly", status="draft")
    contact = _stage(draft, "contact", None)  # undated: its document is known, not its day
    Stage.objects.filter(pk=contact.pk).update(document_zh_hans="会谈纪要")
    _stage(draft, "friendly", datetime.date(2023, 1, 1), "month")
    City.objects.filter(pk=draft.pk).update(
        friendly_since="2023-01-01", friendly_since_precision="month"
    )
    return karachi


@pytest.fixture
def evil(db):
    """Cities and exchanges whose texts a spreadsheet would run (stored through the
    forms or the database: the import refuses them), one with a cold winter."""
    japan = make_country("JP")
    for n, text in enumerate(INJECTIONS):
        city = make_city(slug=f"evil-{n}", name_en=text, name_zh_hans=text, country=japan)
        make_exchange(city, title_en=text, description_en=text)
    make_city(slug="harbin-like", name_en="Cold", country=japan, winter_low_c=-12)
    return japan
