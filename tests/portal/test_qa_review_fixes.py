"""The QA checks (`portal.editorial.qa`) on correct translations that a review found
reported as wrong: day ranges, names with figures, decades, month names that are
names, links to the site in another language, sentences split differently; and
the cap on what is checked as it is typed."""

import pytest
from django.utils import translation

from portal.editorial.qa import MAX_LENGTH, run_checks


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def errors(source, target, source_language="zh-hans", target_language="en"):
    found = run_checks(source, target, source_language, target_language)
    return [(f.check, f.fragment) for f in found if f.is_error]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("会议于12月9日至10日举行。", "The meeting was held on 9-10 December."),
        ("会议于12月9日至10日举行。", "The meeting was held on 9 and 10 December."),
        ("会议于2021年12月9日至10日举行。", "The meeting was held on 9–10 December 2021."),
        ("会议于12月9日至10日举行。", "The meeting was held on December 9-10."),
        ("会议于2021年12月9日—10日举行。", "The meeting was held on 9-10 December 2021."),
        ("会议于12月9日至10日举行。", "The meeting was held on 9 to 10 December."),
        ("The meeting was held on 9-10 December.", "会议于12月9日至10日举行。"),
        ("The meeting was held on 9 and 10 December 2021.", "会议于2021年12月9日至10日举行。"),
        ("The meeting was held on 9-10 December.", "会议于9日至10日举行。"),
    ],
)
def test_a_range_of_days_is_each_day_it_covers(source, target):
    language = "en" if source.isascii() else "zh-hans"
    other = "zh-hans" if language == "en" else "en"
    assert errors(source, target, language, other) == []


def test_a_range_still_needs_its_days():
    assert errors("会议于12月9日至11日举行。", "The meeting was held on 9-10 December.") == [
        ("dates", "12月9日至11日")
    ]
    assert errors("持续3至5日。", "It lasted 3 to 5 days.") == []


@pytest.mark.parametrize(
    ("source", "target", "source_language"),
    [
        ("二十国集团开会。", "The G20 met.", "zh-hans"),
        ("The G20 met.", "二十国集团开会。", "en"),
        ("新冠肺炎疫情蔓延，用A4纸。", "COVID-19 spread; use A4 paper.", "zh-hans"),
        ("COVID-19 spread; use A4 paper.", "新冠肺炎疫情蔓延，用A4纸。", "en"),
    ],
)
def test_a_figure_in_a_name_is_not_required_either_way(source, target, source_language):
    other = "en" if source_language == "zh-hans" else "zh-hans"
    assert errors(source, target, source_language, other) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("20世纪90年代，两市结好。", "In the 1990s the cities became sisters."),
        ("90年代，两市结好。", "In the 1990s the cities became sisters."),
        ("90年代，两市结好。", "In the '90s the cities became sisters."),
        ("二十世纪九十年代，两市结好。", "In the 1990s the cities became sisters."),
    ],
)
def test_a_decade_is_one_figure(source, target):
    assert errors(source, target) == []


def test_an_age_in_english_is_no_decade():
    assert errors("She is in her 90s.", "她九十多岁。", "en", "zh-hans") == []


def test_numbered_items_are_no_range_of_days():
    assert errors("1号至3号文件。", "Documents 1 to 3.") == []


def test_a_wrong_decade_is_still_an_error():
    assert errors("20世纪90年代，两市结好。", "In the 1980s the cities became sisters.") == [
        ("numbers", "20世纪90年代")
    ]


def test_a_month_name_that_is_a_name_is_a_month_only_next_to_a_day_or_year():
    assert errors("Ambassador Jan Kubis spoke.", "扬·库比什大使发言。", "en", "zh-hans") == []
    assert errors("March on, said May.", "继续前进，梅说。", "en", "zh-hans") == []
    assert errors("Signed in Jan 2021.", "签署。", "en", "zh-hans") == [("dates", "Jan 2021")]
    assert errors("Signed in December.", "于12月签署。", "en", "zh-hans") == []


def test_a_link_to_the_site_may_change_its_language_only():
    source = '<p><a href="/zh-hans/news/5/">新闻</a>。</p>'
    assert errors(source, '<p><a href="/en/news/5/">News</a>.</p>') == []
    assert errors(source, '<p><a href="/en/news/6/">News</a>.</p>') == [
        ("markup", "/zh-hans/news/5/")
    ]


def test_sentences_of_implausible_lengths_are_not_paired():
    """The first two Chinese sentences (split at ；) are one in English, and the last
    is two: as many sentences, but pairing them would lose 5亿 in the last pair."""
    source = "中方签约30个项目；双方同意合作。吕志成出席并投资5亿元，卡拉奇市长致辞。"
    target = (
        "China signed 30 projects and the two sides agreed to cooperate."
        " Lyu Zhicheng attended and invested 500 million yuan. The mayor of Karachi spoke."
    )
    assert errors(source, target) == []
    paired = (
        "China signed 30 projects. The sides agreed to cooperate."
        " Lyu Zhicheng attended and the mayor of Karachi spoke."
    )
    assert [(f.segment, f.fragment) for f in run_checks(source, paired, "zh-hans", "en")] == [
        (2, "5亿")
    ]


def test_a_text_too_long_is_one_warning_and_no_other_check():
    long_source = "签约30个项目。" * (MAX_LENGTH // 8 + 1)
    found = run_checks(long_source, "Projects were signed.", "zh-hans", "en")
    assert [(f.check, f.severity, f.message) for f in found] == [
        ("length", "warning", "The text is too long to check here.")
    ]
    found = run_checks("签约30个项目。", "x" * (MAX_LENGTH + 1), "zh-hans", "en")
    assert [f.check for f in found] == ["length"]
    with translation.override("zh-hans"):
        chinese = run_checks(long_source, "Projects.", "zh-hans", "en")[0].message
    assert chinese == "文本过长，无法在此检查。"
