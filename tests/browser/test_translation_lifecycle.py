"""A translation as the office lives it, in Chromium, in both admin languages.

Karachi (demo content) is written in English, with its whole Chinese translation.
A publisher adds a sentence to the English summary: the Chinese profile stays
public with a dated notice that the original was updated, in the Chinese list and
search. The translator's queue shows Karachi stale, the summary's old and new
original side by side. The translator saves a translation in the workbench: badges,
queue, matrix and XLIFF export say "awaiting approval"; a second save replaces the
first. The publisher sees, on the proposal, that it lacks the official name 卡拉奇
(it writes 卡拉其), and approves it anyway: the Chinese page shows it, without the
notice.

The whole story runs at 1,280 px in the English admin and in the Chinese one
(chosen with the admin's language switch); its key screens are checked at 390 px
too (the same page, narrowed).
"""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from lxml import etree
from playwright.sync_api import expect

from cities.models import City
from portal.editorial.editions import BECAME_STALE, STATE_LABELS, language_name
from portal.editorial.models import PendingChange
from portal.editorial.pending_admin import HELD_BACK
from portal.formatting.i18n import LANGUAGE_LABELS, labelled
from tests.browser.conftest import WIDTHS, screenshot
from tests.browser.test_editorial_story import (
    people,  # noqa: F401 (a fixture)
    save,
    show_tab,
    signed_in,
)
from tests.browser.test_language_names_wrap import BROKEN

ADDED_EN = "Its port on the Arabian Sea handles most of Pakistan's sea trade."
FIRST_ZH = "卡拉奇港位于阿拉伯海之滨，承担巴基斯坦大部分海上贸易。"
SECOND_ZH = "卡拉奇港位于阿拉伯海之滨，承担巴基斯坦绝大部分海上贸易。"


def misnamed(text):
    """`text` with 卡拉其 for the official 卡拉奇 throughout: a warning, not an error."""
    return text.replace("卡拉奇", "卡拉其")


NS = "{urn:oasis:names:tc:xliff:document:1.2}"


def in_admin_language(admin_language, text, /, **values):
    """`text` (a msgid, or a lazy translation) as the admin shows it in
    `admin_language`, `values` (lazy ones too) put in."""
    with translation.override(admin_language):
        text = gettext(str(text))
        return text % {name: str(value) for name, value in values.items()} if values else text


def in_the_admin_language(page, site, language):
    """Choose the admin's language with its own switch, as a person does."""
    page.goto(f"{site}/admin/")
    button = page.locator(f".language-switch button[value='{language}']")
    if button.is_enabled():
        with page.expect_navigation():
            button.click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    return page


def fits(page, width, language_names=True):
    """The problems of the page at `width`: anything wider than the screen, and (in
    the English admin, `language_names`) a "中文" split over two lines; [] if none."""
    page.set_viewport_size({"width": width, "height": 900})
    problems = []
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width > width:
        problems.append(f"{scroll_width} px wide")
    if language_names:
        problems += page.evaluate(BROKEN)
    page.set_viewport_size({"width": WIDTHS["desk"], "height": 900})
    return problems


def at_both_widths(page, check):
    """Run `check()` at 390 and at 1,280 px."""
    for width in (WIDTHS["phone"], WIDTHS["desk"]):
        page.set_viewport_size({"width": width, "height": 900})
        check()


def exported_unit(page, site, unit):
    """The trans-unit `unit` of the Chinese queue's XLIFF export, as the translator
    downloads it."""
    response = page.request.get(f"{site}/admin/translations/xliff/export/?language=zh-hans")
    assert response.status == 200
    found = etree.fromstring(response.body()).find(f".//{NS}trans-unit[@id='{unit}']")
    assert found is not None, unit
    return found


@pytest.mark.parametrize("admin_language", ["en", "zh-hans"])
def test_a_translation_from_stale_to_approved(browser, people, admin_language):  # noqa: F811
    site = people
    say = lambda text, **values: in_admin_language(admin_language, text, **values)  # noqa: E731
    english_admin = admin_language == "en"  # where 中文 must stay whole (Chinese wraps anywhere)
    karachi = City.objects.get(slug="karachi")
    assert karachi.original_language == "en" and karachi.edition("zh-hans") == "complete"
    old_zh = karachi.summary_zh_hans
    new_en = f"{karachi.summary_en} {ADDED_EN}"
    visitor = browser.new_context(viewport={"width": WIDTHS["desk"], "height": 900}).new_page()

    # A publisher adds a sentence to the English summary, and is told what became of
    # the Chinese edition.
    publisher = in_the_admin_language(signed_in(browser, site, "Publishers"), site, admin_language)
    change_url = f"{site}/admin/cities/city/{karachi.pk}/change/"
    publisher.goto(change_url)
    show_tab(publisher, "summary", "en")
    publisher.fill("#id_summary_en", new_en)
    save(publisher)
    expect(publisher.locator(".messagelist")).to_contain_text(
        say(BECAME_STALE, language=language_name("zh-hans"))
    )

    # The Chinese profile stays, with the dated notice linking the English original,
    # in the Chinese list and search.
    visitor.goto(f"{site}/zh-hans/cities/karachi/")
    expect(visitor.locator("main h1")).to_contain_text("卡拉奇")
    expect(visitor.locator("main")).to_contain_text(old_zh)
    notice = visitor.locator(".edition-notice")
    expect(notice).to_contain_text("英文原文已于")
    expect(notice.locator("time")).to_have_attribute("datetime", re.compile(r"^\d{4}-\d\d-\d\d$"))
    expect(notice.get_by_role("link", name="阅读英文原文")).to_have_attribute(
        "href", "/en/cities/karachi/"
    )
    assert fits(visitor, WIDTHS["phone"], language_names=False) == []
    visitor.goto(f"{site}/zh-hans/cities/")
    expect(visitor.locator("main a[href='/zh-hans/cities/karachi/']:visible").first).to_be_visible()
    visitor.goto(f"{site}/zh-hans/search/?q=卡拉奇")
    expect(visitor.locator("main a[href='/zh-hans/cities/karachi/']:visible").first).to_be_visible()

    # The translator's queue shows Karachi stale, the summary's original then and now.
    translator = in_the_admin_language(
        signed_in(browser, site, "Translators"), site, admin_language
    )
    workbench = f"/admin/translate/cities.city/{karachi.pk}/zh-hans/"
    queue_url = f"{site}/admin/translations/?language=zh-hans"
    translator.goto(queue_url)
    item = translator.locator(".queue-item").filter(
        has=translator.locator(f"a[href='{workbench}']")
    )
    expect(item.locator(".translation-state")).to_have_text(say(STATE_LABELS["stale"]))
    then, now = item.locator(".queue-diff > div").all()
    expect(then).to_contain_text(say("When translated"))
    expect(then).not_to_contain_text("Arabian Sea")
    expect(now).to_contain_text(say("Now"))
    expect(now.locator("ins")).to_contain_text(ADDED_EN)  # the sentence added, marked
    assert fits(translator, WIDTHS["phone"], english_admin) == []
    screenshot(translator, f"lifecycle-queue-stale-{admin_language}")

    # The translator saves a translation in the workbench, opened from the queue.
    item.locator(f"a[href='{workbench}']").click()
    expect(translator).to_have_url(site + workbench)
    summary = f"[name='cities.city-{karachi.pk}-summary_zh_hans']"
    row = translator.locator(f".workbench-row:has({summary})")
    expect(row.locator(".workbench-diff ins").first).to_be_visible()
    translator.fill(summary, f"{old_zh}{FIRST_ZH}")
    translator.locator("input[name=_save]").click()
    expect(translator.locator(".messagelist")).to_contain_text(say(HELD_BACK))

    # Badges, queue, matrix and export all say it awaits approval.
    awaiting = say(STATE_LABELS["awaiting"])
    expect(row.locator(".translation-state")).to_have_text(awaiting)
    translator.goto(f"{site}/admin/cities/city/?q=karachi")
    badge = translator.locator(f"#result_list a.translation-state[href='{workbench}']")
    with translation.override(admin_language):  # "中文: …" in English, "中文：…" in Chinese
        expect(badge).to_have_text(labelled(LANGUAGE_LABELS["zh-hans"], awaiting))
    assert fits(translator, WIDTHS["phone"], english_admin) == []
    translator.goto(queue_url)
    expect(item.locator(".translation-state")).to_have_text(awaiting)
    translator.goto(
        f"{site}/admin/translations/matrix/?type=cities.city&state=awaiting&language=zh-hans"
    )
    cell = translator.locator(f".matrix-scroll a.translation-state[href='{workbench}']")
    expect(cell).to_have_text(awaiting)
    assert fits(translator, WIDTHS["phone"], english_admin) == []
    unit = exported_unit(translator, site, f"cities.city/{karachi.pk}/summary")
    target = unit.find(f"{NS}target")
    assert target.get("state") == "needs-review-translation"
    assert "".join(target.itertext()) == f"{old_zh}{FIRST_ZH}"

    # A second save replaces the first: one pending change, the latest text.
    second = misnamed(f"{old_zh}{SECOND_ZH}")
    translator.goto(site + workbench)
    translator.fill(summary, second)
    expect(row.locator(".workbench-warning")).to_be_visible()  # it lacks 卡拉奇 now
    translator.locator("input[name=_save]").click()
    expect(translator.locator(".messagelist")).to_contain_text(say(HELD_BACK))
    changes = PendingChange.objects.filter(object_id=karachi.pk)
    assert [change.values for change in changes] == [{"summary_zh_hans": second}]

    # The publisher sees the proposal with its glossary warning, and approves it.
    publisher.goto(change_url)
    proposal = publisher.locator(".pending-change")
    expect(proposal).to_have_count(1)
    expect(proposal.locator("td").nth(1)).to_contain_text("卡拉其港")
    warning = proposal.locator(".workbench-warning")

    def the_warning_is_shown():
        expect(warning).to_be_visible()
        expect(warning).to_contain_text(
            say(
                "Check the official names before applying: the proposed translations lack "
                "the required rendering."
            )
        )
        expect(warning.locator("li")).to_contain_text("卡拉奇")
        expect(proposal.get_by_role("button", name=say("Apply and publish"))).to_be_enabled()

    at_both_widths(publisher, the_warning_is_shown)
    assert fits(publisher, WIDTHS["phone"], english_admin) == []
    screenshot(publisher, f"lifecycle-approve-warning-{admin_language}")
    with publisher.expect_navigation():
        proposal.get_by_role("button", name=say("Apply and publish")).click()
    expect(publisher.locator(".messagelist .success")).to_contain_text(
        say("The changes are applied and published.")
    )
    assert not PendingChange.objects.filter(object_id=karachi.pk).exists()

    # The Chinese page is updated, and the notice is gone.
    visitor.goto(f"{site}/zh-hans/cities/karachi/")
    expect(visitor.locator("main")).to_contain_text(misnamed(SECOND_ZH))
    expect(visitor.locator(".edition-notice")).to_have_count(0)
    assert fits(visitor, WIDTHS["phone"], language_names=False) == []
    translator.goto(queue_url)
    expect(translator.locator(f".queue-item a[href='{workbench}']")).to_have_count(0)
