"""The QA gate on the admin's change form, in Chromium and both admin languages: a
publisher saves a wrong figure into a published article's English title, is shown the
finding on the field (its tab marked) and above the buttons, and saves it over the
error with a written reason, which the version history shows."""

import pytest
from playwright.sync_api import expect

from news.models import Article
from tests.browser.conftest import screenshot
from tests.browser.test_editorial_story import (
    people,  # noqa: F401 (a fixture)
    show_tab,
)
from tests.browser.test_qa_story import SAYS, in_language
from tests.factories import make_article

LABELS = {
    "en": ("QA findings", "Reason for saving over these errors"),
    "zh-hans": ("质量检查结果", "不顾这些错误仍予保存的理由"),
}
REASON = "The fund's release gives 12.5 million: the original has a misprint."


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_a_publisher_saves_over_a_qa_error_only_with_a_reason(browser, people, lang):  # noqa: F811
    site = people
    article = make_article(
        slug=f"fund-form-{lang}",
        title_zh_hans="沈阳设立1350万美元基金",
        title_en="Shenyang sets up a fund",
        original_language="zh-hans",
    )
    publisher = in_language(browser, site, "Publishers", lang)
    publisher.goto(f"{site}/admin/news/article/{article.pk}/change/")
    show_tab(publisher, "title", "en")
    publisher.fill("#id_title_en", "Shenyang sets up a USD 12.5 million fund")
    publisher.locator("input[name=_save]").click()

    heading, reason_label = LABELS[lang]
    box = publisher.locator("#qa-override")
    expect(box.locator("h2")).to_have_text(heading)
    expect(box.locator(".qa-error")).to_contain_text(SAYS[lang]["figure"])
    expect(publisher.locator("label[for=id_qa_reason]")).to_have_text(reason_label)
    expect(publisher.locator(".ui-tab-has-errors a[href='#tab_id_title_en']")).to_have_count(1)
    show_tab(publisher, "title", "en")
    expect(publisher.locator(".field-title_en .errorlist")).to_contain_text(SAYS[lang]["figure"])
    screenshot(publisher, f"change-form-qa-{lang}")
    assert Article.objects.get(pk=article.pk).title_en == "Shenyang sets up a fund"

    publisher.fill("#id_qa_reason", REASON)
    publisher.locator("input[name=_save]").click()
    expect(publisher.locator(".messagelist .success")).to_be_visible()
    assert Article.objects.get(pk=article.pk).title_en == "Shenyang sets up a USD 12.5 million fund"
    publisher.goto(f"{site}/admin/news/article/{article.pk}/history/")
    expect(publisher.locator("#change-history")).to_contain_text(REASON)
