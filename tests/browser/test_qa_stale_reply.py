"""A slow QA answer for an older text never replaces the findings of a newer one
(`workbench_qa.js`): the check of the translator's first text is held on its way,
the second text's findings show, and then the first check is let through."""

import contextlib

from playwright.sync_api import Error, expect

from tests.browser.test_editorial_story import (
    people,  # noqa: F401 (a fixture)
    signed_in,
)
from tests.factories import make_article


def test_a_late_answer_for_an_older_text_is_dropped(browser, people):  # noqa: F811
    article = make_article(
        slug="fund-slow",
        title_zh_hans="沈阳设立1350万美元基金",
        title_en="",
        body_zh_hans="<p>吕志成出席。</p>",
        body_en="",
        original_language="zh-hans",
    )
    page = signed_in(browser, people, "Translators")
    held = []

    def hold_the_first(route):
        if held:
            route.continue_()
        else:
            held.append(route)

    page.route("**/admin/translate/qa/", hold_the_first)
    page.goto(f"{people}/admin/translate/news.article/{article.pk}/en/")
    title = f"[name='news.article-{article.pk}-title_en']"
    errors = page.locator(f".workbench-row:has({title}) .qa-findings .qa-error")
    page.fill(title, "Shenyang sets up a USD 13.5 million fund")
    page.wait_for_timeout(1000)  # past the typing delay: the first check is on its way
    assert len(held) == 1
    page.fill(title, "Shenyang sets up a USD 12.5 million fund")
    expect(errors).to_contain_text("12.5 million")
    with contextlib.suppress(Error):  # unless the page gave that request up already
        held[0].continue_()  # the first text's answer: no findings
    page.wait_for_timeout(1500)
    expect(errors).to_contain_text("12.5 million", timeout=100)
