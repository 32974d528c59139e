"""The QA checks in Chromium, in both admin languages (issue #27's story).

A translator types a figure, a date and an official name wrong in the workbench
and is told at once, beside the field; corrects two of them and saves with the
date still wrong; the publisher cannot apply the change without a written
reason, gives one, and finds it in the version history.
"""

import pytest
from playwright.sync_api import expect

from news.models import Article
from portal.editorial.models import PendingChange
from tests.browser.conftest import screenshot
from tests.browser.test_editorial_story import (
    people,  # noqa: F401 (a fixture)
    signed_in,
)
from tests.browser.test_translation_story import AXE, violations
from tests.factories import make_article

SAYS = {
    "en": {
        "figure": "does not match the figure “1350万”",
        "date": "does not match the date “2021年12月9日”",
        "name": "write “Lyu",
    },
    "zh-hans": {
        "figure": "与原文中的数字“1350万”不符",
        "date": "与原文中的日期“2021年12月9日”不符",
        "name": "应写作“Lyu",
    },
}
REASON = "Checked with the office: the signing moved to the 10th."


def in_language(browser, site, role, lang):
    page = signed_in(browser, site, role)
    page.context.add_cookies([{"name": "django_language", "value": lang, "url": site}])
    return page


@pytest.mark.parametrize("lang", ["en", "zh-hans"])
def test_findings_while_typing_and_approval_over_an_error_with_a_reason(browser, people, lang):  # noqa: F811
    site, says = people, SAYS[lang]
    article = make_article(
        slug=f"fund-{lang}",
        title_zh_hans="沈阳设立1350万美元基金",
        title_en="",
        body_zh_hans="<p>2021年12月9日，代市长吕志成出席签约。</p>",
        body_en="",
        original_language="zh-hans",
    )
    translator = in_language(browser, site, "Translators", lang)
    translator.goto(f"{site}/admin/translate/news.article/{article.pk}/en/")
    prefix = f"news.article-{article.pk}"
    title_row = translator.locator(f".workbench-row:has([name='{prefix}-title_en'])")
    body_row = translator.locator(f".workbench-row:has([name='{prefix}-body_en'])")

    translator.fill(f"[name='{prefix}-title_en']", "Shenyang sets up a USD 12.5 million fund")
    expect(title_row.locator(".qa-findings .qa-error")).to_contain_text(says["figure"])
    translator.fill(f"[name='{prefix}-title_en']", "Shenyang sets up a USD 13.5 million fund")
    expect(title_row.locator(".qa-findings")).to_be_hidden()

    body_row.locator("[contenteditable=true]").click()
    translator.keyboard.type("On 10 December 2021, Acting Mayor Lu Zhicheng attended the signing.")
    errors = body_row.locator(".qa-findings .qa-error")
    expect(errors.filter(has_text=says["date"])).to_have_count(1)
    expect(errors.filter(has_text=says["name"])).to_have_count(1)
    assert violations(translator) == []
    screenshot(translator, f"workbench-qa-{lang}")
    translator.keyboard.press("Control+A")
    translator.keyboard.type("On 10 December 2021, Acting Mayor Lyu Zhicheng attended the signing.")
    expect(errors.filter(has_text=says["name"])).to_have_count(0)
    expect(errors).to_have_count(1)
    translator.locator("input[name=_save]").click()
    expect(translator.locator(".messagelist .warning")).to_be_visible()
    change = PendingChange.objects.get(object_id=article.pk)

    publisher = in_language(browser, site, "Publishers", lang)
    publisher.goto(f"{site}/admin/news/article/{article.pk}/change/")
    proposal = publisher.locator(f"#pending-change-{change.pk}")
    expect(proposal.locator(".qa-error")).to_contain_text(says["date"])
    apply = proposal.locator(f"button[form='apply-{change.pk}']")
    apply.click()  # the reason is required: the browser does not send the form
    expect(publisher.locator(f"#qa-reason-{change.pk}:invalid")).to_have_count(1)
    # The change form's own widgets have known findings of their own: the review only.
    review = AXE.run(publisher, context=f"#pending-change-{change.pk}")
    assert review.response["violations"] == []
    screenshot(publisher, f"approve-over-qa-error-{lang}")
    assert Article.objects.get(pk=article.pk).body_en == ""
    publisher.fill(f"#qa-reason-{change.pk}", REASON)
    with publisher.expect_navigation():
        apply.click()
    expect(publisher.locator(".messagelist .success")).to_be_visible()
    assert "10 December" in Article.objects.get(pk=article.pk).body_en
    publisher.goto(f"{site}/admin/news/article/{article.pk}/history/")
    expect(publisher.locator("#change-history")).to_contain_text(REASON)
