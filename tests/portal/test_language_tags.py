"""The language tags CAT tools write, read as the portal's languages by one rule."""

import pytest

from portal.formatting.language_tags import canonical, portal_language


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("zh-CN", "zh-hans"),
        ("zh-Hans-CN", "zh-hans"),
        ("zh-Hans", "zh-hans"),
        ("zh-hans", "zh-hans"),
        ("ZH_cn", "zh-hans"),
        ("zh", "zh-hans"),
        ("zh-SG", "zh-hans"),
        ("zh-Hans-HK", "zh-hans"),  # the script named wins over the region's usual one
        ("en-US", "en"),
        ("en-GB", "en"),
        ("en_gb", "en"),
        ("EN", "en"),
        ("en-Latn-US", "en"),
        ("en-US-x-trados", "en"),
    ],
)
def test_a_tool_s_tag_is_the_portal_s_language(tag, language):
    assert portal_language(tag) == language


@pytest.mark.parametrize(
    "tag",
    ["zh-TW", "zh-Hant", "zh-HK", "zh-MO", "zh-Hant-CN", "fr-FR", "de", "", None, "x", "12"],
)
def test_traditional_chinese_and_other_languages_are_none_of_the_portal_s(tag):
    assert portal_language(tag) is None


def test_the_rule_follows_the_settings_not_a_list(settings):
    settings.LANGUAGES = [("zh-hant", "繁體中文"), ("en-gb", "English"), ("pt", "Português")]
    assert portal_language("zh-TW") == "zh-hant"
    assert portal_language("zh-Hant-HK") == "zh-hant"
    assert portal_language("zh-CN") is None
    assert portal_language("en-GB") == "en-gb"
    assert portal_language("en") == "en-gb"
    assert portal_language("en-US") is None  # the portal's edition is for another region
    assert portal_language("pt-BR") == "pt"


def test_the_export_writes_the_usual_case():
    assert [canonical(code) for code in ("zh-hans", "en", "en-gb", "sr-latn-me")] == [
        "zh-Hans",
        "en",
        "en-GB",
        "sr-Latn-ME",
    ]
