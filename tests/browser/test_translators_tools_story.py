"""Issue #27's story in Chromium, in both admin languages: the translation memory
and the QA checks together, from the translator's workbench to the publisher's
approval.

An approved sentence says the signing was on 9 December 2021; a new article's
standfirst says 10 December. The translator sees an 80-99 % match with the date
marked, inserts it with one key, and the QA check flags the date until it is
corrected. The title's 1350万 written as "USD 12.5 million" and the forbidden
"Lu Zhicheng" for 吕志成 are flagged as they are typed. The translator corrects the
name, rounds the figure for readers and saves; the publisher can apply the change
over that flagged figure only with a written reason, which the version history shows.
"""

import datetime
import re

import pytest
from playwright.sync_api import expect

from news.models import Article
from portal.editorial import memory
from portal.editorial.memory_models import MemoryEntry
from portal.editorial.models import PendingChange
from tests.browser.conftest import screenshot
from tests.browser.test_editorial_story import people  # noqa: F401 (a fixture)
from tests.browser.test_qa_story import SAYS as QA_SAYS
from tests.browser.test_qa_story import in_language
from tests.factories import make_article

APPROVED_ZH = "2021年12月9日，代市长吕志成出席签约仪式。"
APPROVED_EN = "On 9 December 2021, Acting Mayor Lyu Zhicheng attended the signing."
# The QA story's messages, for the date of this story's original.
SAYS = {
    "en": {**QA_SAYS["en"], "date": "does not match the date “2021年12月10日”"},
    "zh-hans": {**QA_SAYS["zh-hans"], "date": "与原文中的日期“2021年12月10日”不符"},
}
REASON = "Rounded for readers, as the office's English releases write sums."


@pytest.mark.parametrize("admin_language", ["en", "zh-hans"])
def test_memory_match_qa_checks_and_approval_with_a_reason(browser, people, admin_language):  # noqa: F811
    site, says = people, SAYS[admin_language]
    memory.add(
        [
            MemoryEntry(
                source=APPROVED_ZH,
                target=APPROVED_EN,
                source_language="zh-hans",
                target_language="en",
                note="Imported from office.tmx",
                approved_at=datetime.datetime(2026, 1, 5, 10, tzinfo=datetime.UTC),
            ).fill_keys()
        ]
    )
    article = make_article(
        slug=f"fund-{admin_language}",
        title_zh_hans="沈阳设立1350万美元友城合作基金",
        title_en="",
        standfirst_zh_hans="2021年12月10日，代市长吕志成出席签约仪式。",
        standfirst_en="",
        body_zh_hans="<p>代市长吕志成会见了卡拉奇代表团。</p>",
        body_en="",
        original_language="zh-hans",
    )
    prefix = f"news.article-{article.pk}"
    translator = in_language(browser, site, "Translators", admin_language)
    translator.goto(f"{site}/admin/translate/news.article/{article.pk}/en/")
    title = translator.locator(f".workbench-row:has([name='{prefix}-title_en'])")
    standfirst = translator.locator(f".workbench-row:has([name='{prefix}-standfirst_en'])")
    body = translator.locator(f".workbench-row:has([name='{prefix}-body_en'])")

    # The memory's match: 80-99 %, the date that differs marked.
    match = standfirst.locator(".memory-match").first
    percent = int(re.sub(r"\D", "", match.locator(".memory-percent").inner_text()))
    assert 80 <= percent <= 99, percent
    expect(match.locator(".memory-diff del")).to_have_text("9")
    expect(match.locator(".memory-diff ins")).to_have_text("10")
    screenshot(translator, f"tools-story-match-{admin_language}")

    # One key inserts it; the QA check flags its date until it is corrected.
    standfirst.locator(".memory-segment").first.click()
    translator.keyboard.press("Alt+1")
    field = standfirst.locator("textarea")
    expect(field).to_have_value(re.compile(re.escape(APPROVED_EN)))
    date_error = standfirst.locator(".qa-findings .qa-error", has_text=says["date"])
    expect(date_error).to_have_count(1)
    field.fill(APPROVED_EN.replace("9 December", "10 December"))
    expect(date_error).to_have_count(0)

    # The figure and the forbidden name, flagged as they are typed.
    translator.fill(f"[name='{prefix}-title_en']", "Shenyang sets up a USD 12.5 million fund")
    figure_error = title.locator(".qa-findings .qa-error", has_text=says["figure"])
    expect(figure_error).to_have_count(1)
    body.locator("[contenteditable=true]").click()
    translator.keyboard.type("Acting Mayor Lu Zhicheng met a Karachi delegation.")
    name_error = body.locator(".qa-findings .qa-error", has_text=says["name"])
    expect(name_error).to_have_count(1)
    screenshot(translator, f"tools-story-findings-{admin_language}")
    translator.keyboard.press("Control+A")
    translator.keyboard.type("Acting Mayor Lyu Zhicheng met a Karachi delegation.")
    expect(name_error).to_have_count(0)

    # The figure rounded for readers: still a finding, saved for the publisher.
    translator.fill(f"[name='{prefix}-title_en']", "Shenyang sets up a fund of some USD 14 million")
    expect(figure_error).to_have_count(1)
    translator.locator("input[name=_save]").click()
    expect(translator.locator(".messagelist .warning")).to_be_visible()
    change = PendingChange.objects.get(object_id=article.pk)

    # The publisher applies it only with a reason, which the history keeps.
    publisher = in_language(browser, site, "Publishers", admin_language)
    publisher.goto(f"{site}/admin/news/article/{article.pk}/change/")
    proposal = publisher.locator(f"#pending-change-{change.pk}")
    expect(proposal.locator(".qa-error").first).to_contain_text(says["figure"])
    apply = proposal.locator(f"button[form='apply-{change.pk}']")
    apply.click()
    expect(publisher.locator(f"#qa-reason-{change.pk}:invalid")).to_have_count(1)
    assert Article.objects.get(pk=article.pk).title_en == ""
    publisher.fill(f"#qa-reason-{change.pk}", REASON)
    with publisher.expect_navigation():
        apply.click()
    expect(publisher.locator(".messagelist .success")).to_be_visible()
    saved = Article.objects.get(pk=article.pk)
    assert saved.title_en == "Shenyang sets up a fund of some USD 14 million"
    assert saved.standfirst_en.startswith("On 10 December 2021")
    assert "Lyu Zhicheng" in saved.body_en
    publisher.goto(f"{site}/admin/news/article/{article.pk}/history/")
    expect(publisher.locator("#change-history")).to_contain_text(REASON)
