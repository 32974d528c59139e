"""The QA checks of a translation against its original (`portal.editorial.qa`)."""

import pytest
from django.utils import translation

from portal.editorial.glossary import Glossary, Term
from portal.editorial.qa import run_checks

LYU = Term(pk=1, chinese="吕志成", english="Lyu Zhicheng", forbidden={"en": ["Lu Zhicheng"]})
GLOSSARY = Glossary([LYU, Term(pk=2, chinese="卡拉奇", english="Karachi")])


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def findings(source, target, source_language="zh-hans", target_language="en", check=None):
    found = run_checks(source, target, source_language, target_language, GLOSSARY)
    return [finding for finding in found if check is None or finding.check == check]


def errors(*args, **kwargs):
    return [(f.check, f.fragment) for f in findings(*args, **kwargs) if f.is_error]


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("沈阳投资1350万美元。", "Shenyang invested USD 13.5 million."),
        ("沈阳投资1350万美元。", "Shenyang invested USD 13,500,000."),
        ("共有2万只鸟。", "There are 20,000 birds."),
        ("十二个城市参加。", "12 cities took part."),
        ("十二个城市参加。", "Twelve cities took part."),
        ("人口1.25亿。", "A population of 125 million."),
        ("增长20%。", "Up 20 per cent."),
        ("增长百分之五点五。", "Up 5.5%."),
        ("两市缔结友好城市关系。", "The two cities became sister cities."),
        ("老百姓十分高兴，一带一路。", "People were very glad about the Belt and Road."),
        ("Trade grew by 1.2 billion dollars.", "贸易增长12亿美元。"),
        ("When COVID-19 spread, the G20 met.", "新冠肺炎疫情蔓延时，二十国集团开会。"),
        ("The talks began at 15:00.", "会谈于下午3点开始。"),
    ],
)
def test_the_same_figure_in_another_notation_passes(source, target):
    language = "en" if source.isascii() else "zh-hans"
    other = "zh-hans" if language == "en" else "en"
    assert errors(source, target, language, other, check="numbers") == []


@pytest.mark.parametrize(
    ("source", "target", "fragment"),
    [
        ("沈阳投资1350万美元。", "Shenyang invested USD 12.5 million.", "12.5 million"),
        ("共有2万只鸟。", "There are 2,000 birds.", "2,000"),
        ("十二个城市参加。", "Eleven cities took part.", "十二"),
        ("人口1.25亿。", "A population of 12.5 million.", "12.5 million"),
        ("增长20%。", "Up 20 points.", "20"),
        ("The fund holds USD 12.5 million.", "基金有1350万美元。", "1350万"),
        ("About 20,000 visitors came.", "来了大约两千名游客。", "两千"),
        ("签约30个项目。", "Projects were signed.", "30"),
    ],
)
def test_a_figure_missing_or_different_is_an_error(source, target, fragment):
    """The fragment is the translation's figure that differs, else the original's."""
    language = "en" if source.isascii() else "zh-hans"
    other = "zh-hans" if language == "en" else "en"
    assert errors(source, target, language, other) == [("numbers", fragment)]


@pytest.mark.parametrize(
    "target",
    [
        "Signed on 9 December 2021.",
        "Signed on Dec. 9, 2021.",
        "Signed on December 9, 2021.",
        "Signed on 2021-12-09.",
    ],
)
def test_the_same_date_in_another_notation_passes(target):
    assert errors("2021年12月9日签署。", target) == []


@pytest.mark.parametrize(
    ("target", "fragment"),
    [
        ("Signed on 10 December 2021.", "10 December 2021"),
        ("Signed on 9 December 2020.", "9 December 2020"),
        ("Signed online.", "2021年12月9日"),
    ],
)
def test_a_date_missing_or_different_is_an_error(target, fragment):
    assert errors("2021年12月9日签署。", target) == [("dates", fragment)]
    message = findings("2021年12月9日签署。", target)[0].message
    assert "“2021年12月9日” of the original" in message


def test_an_english_date_is_looked_for_in_the_chinese_and_may_is_a_verb():
    assert errors("Signed on 9 December 2021.", "于2021年12月9日签署。", "en", "zh-hans") == []
    assert errors("May our friendship last.", "愿友谊长存。", "en", "zh-hans") == []
    assert errors("Signed on 9 December.", "签署。", "en", "zh-hans") == [("dates", "9 December")]


def test_a_forbidden_official_name_is_an_error_and_a_lacking_one_a_warning():
    found = findings("吕志成出席。", "Lu Zhicheng attended.", check="names")
    assert [(f.severity, f.fragment) for f in found] == [
        ("error", "Lu Zhicheng"),
        ("warning", "Lyu Zhicheng"),
    ]
    assert findings("吕志成出席。", "Lyu Zhicheng attended.", check="names") == []
    lacking = findings("卡拉奇代表团。", "A delegation from the city.", check="names")
    assert [(f.severity, f.fragment) for f in lacking] == [("warning", "Karachi")]


def test_links_inline_tags_and_urls_of_the_original_must_be_kept():
    source = '<p>See <a href="https://example.org/a">the <strong>site</strong></a>.</p>'
    kept = '<p>见<a href="https://example.org/a"><strong>网站</strong></a>。</p>'
    assert errors(source, kept, "en", "zh-hans") == []
    lost = '<p>见<a href="https://example.org/b">网站</a>。</p>'
    assert errors(source, lost, "en", "zh-hans") == [
        ("markup", "https://example.org/a"),
        ("markup", "<strong>"),
    ]
    assert errors("Read www.example.org/report.", "阅读报告。", "en", "zh-hans") == [
        ("markup", "www.example.org/report")
    ]
    assert (
        errors("Read www.example.org/report.", "阅读www.example.org/report。", "en", "zh-hans")
        == []
    )


def test_punctuation_of_the_wrong_width_is_a_warning():
    found = findings("They met.", "他们见面了,很高兴.", "en", "zh-hans", check="punctuation")
    assert [(f.severity, f.message[:20]) for f in found] == [
        ("warning", "ASCII punctuation “,"),
        ("warning", "ASCII punctuation “."),
    ]
    english = findings("他们见面了。", "They met，and talked。", check="punctuation")
    assert len(english) == 2 and english[0].severity == "warning"
    # A Chinese name quoted in English text keeps its own punctuation; decimals are no commas.
    assert (
        findings("会议。", "The forum “中巴友好，合作” met 5.5 hours.", check="punctuation") == []
    )
    assert findings("会议。", "论坛开了5.5小时。", "en", "zh-hans", check="punctuation") == []


def test_doubled_and_stray_spaces_and_copies_are_warnings():
    found = findings("他们见面了。", " They  met .", check="spaces")
    assert [f.message for f in found] == [
        "Stray space at the start.",
        "Doubled space.",
        "Stray space.",
    ]
    stray = findings("They met.", "他们 见面了 。", "en", "zh-hans", check="spaces")
    assert [f.fragment for f in stray] == ["们 见", "了 。"]
    assert (
        findings("They met.", "They met.", "en", "zh-hans", check="copy")[0].severity == "warning"
    )
    assert findings("2021", "2021", "en", "zh-hans", check="copy") == []


def test_findings_name_their_sentence_when_the_sentences_pair_up():
    source = "吕志成出席。双方签约30个项目。"
    found = findings(source, "Lyu Zhicheng attended. The two sides signed 31 projects.")
    assert [(f.check, f.segment, f.fragment) for f in found] == [("numbers", 1, "31")]
    whole = findings(source, "Lyu Zhicheng attended, and 31 projects were signed.")
    assert [(f.check, f.segment) for f in whole] == [("numbers", None)]


def test_no_translation_is_no_finding_and_rich_paragraphs_are_sentences():
    assert run_checks("二〇二一年十二月九日", "", "zh-hans", "en") == []
    source = "<p>签约30个项目。</p><p>吕志成出席。</p>"
    target = "<p>30 projects were signed.</p><p>Lyu Zhicheng attended.</p>"
    assert run_checks(source, target, "zh-hans", "en", GLOSSARY) == []


def test_messages_are_in_the_users_language():
    with translation.override("zh-hans"):
        chinese = findings("签约30个项目。", "Projects were signed.")[0].message
    english = findings("签约30个项目。", "Projects were signed.")[0].message
    assert chinese == "原文中的数字“30”在此缺失。"
    assert english == "The figure “30” of the original is missing here."
    with translation.override("zh-hans"):
        differing = findings("签约30个项目。", "31 projects were signed.")[0].message
    assert differing == "此处的“31”与原文中的数字“30”不符。"


def test_a_page_that_shows_lacking_names_itself_gets_only_the_forbidden_ones():
    found = run_checks(
        "吕志成出席。", "Lu Zhicheng attended.", "zh-hans", "en", GLOSSARY, lacking=False
    )
    assert [(f.severity, f.fragment) for f in found] == [("error", "Lu Zhicheng")]
