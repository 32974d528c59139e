import datetime

import pytest
from django.utils import translation

from portal.formatting.dates import format_partial_date, partial_date_error


@pytest.mark.parametrize(
    ("value", "precision", "english", "chinese"),
    [
        (datetime.date(2018, 1, 1), "year", "2018", "2018年"),
        (datetime.date(2018, 8, 1), "month", "August 2018", "2018年8月"),
        (datetime.date(2019, 3, 28), "day", "28 March 2019", "2019年3月28日"),
        (datetime.date(2021, 12, 9), "day", "9 December 2021", "2021年12月9日"),
    ],
)
def test_partial_date_prints_as_written_in_each_language(value, precision, english, chinese):
    assert format_partial_date(value, precision, "en") == english
    assert format_partial_date(value, precision, "zh-hans") == chinese


def test_partial_date_follows_the_active_language():
    with translation.override("en"):
        assert format_partial_date(datetime.date(2018, 8, 1), "month") == "August 2018"
    with translation.override("zh-hans"):
        assert format_partial_date(datetime.date(2018, 8, 1), "month") == "2018年8月"


def test_missing_date_prints_nothing():
    assert format_partial_date(None, "day", "en") == ""


@pytest.mark.parametrize(
    ("value", "precision", "fits"),
    [
        (datetime.date(2018, 8, 1), "month", True),
        (datetime.date(2018, 8, 15), "month", False),
        (datetime.date(2018, 1, 1), "year", True),
        (datetime.date(2018, 8, 1), "year", False),
        (datetime.date(2018, 8, 15), "day", True),
    ],
)
def test_partial_date_error_names_dates_that_do_not_fit(value, precision, fits):
    assert (partial_date_error(value, precision) is None) is fits
