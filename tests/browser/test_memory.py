"""The translation memory in the workbench, in Chromium: a sentence differing from an
approved one by a date shows a 97 % match with the date marked, and one key
inserts it; a click inserts a rich-text sentence's match into the editor."""

import datetime

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from news.models import Article
from portal.editorial import memory
from portal.editorial.memory_models import MemoryEntry
from tests.browser.conftest import sign_in
from tests.factories import make_article

OLD_EN = "On 9 December 2021 a Karachi delegation visited Shenyang."
BODY_EN = "The mayor met the delegation."


@pytest.fixture
def site(live_server, transactional_db):
    user = User.objects.create_user("translators", password="Translators-pass-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Translators"))
    when = datetime.datetime(2026, 1, 5, 10, tzinfo=datetime.UTC)
    pairs = [("2021年12月9日，卡拉奇代表团访问沈阳。", OLD_EN), ("市长会见了代表团。", BODY_EN)]
    memory.add(
        [
            MemoryEntry(
                source=source,
                target=target,
                source_language="zh-hans",
                target_language="en",
                note="Imported from office.tmx",
                approved_at=when,
            ).fill_keys()
            for source, target in pairs
        ]
    )
    make_article(
        slug="again",
        title_zh_hans="代表团再次访问",
        title_en="",
        standfirst_zh_hans="2021年12月19日，卡拉奇代表团访问沈阳。",
        standfirst_en="",
        body_zh_hans="<p>市长会见了<strong>代表团</strong>。</p>",
        body_en="",
        original_language="zh-hans",
        status="draft",
    )
    return live_server.url


def workbench(browser, site, language="en"):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "django_language", "value": language, "url": site}])
    page = context.new_page()
    # The workbench's script is a file of the portal's: the Content-Security-Policy
    # never has to block anything on the page.
    page.blocked = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and page.blocked.append(message.text)
        ),
    )
    sign_in(page, site, "translators", "Translators-pass-1")
    article = Article.objects.get(slug="again")
    page.goto(f"{site}/admin/translate/news.article/{article.pk}/en/")
    return page


def test_one_key_inserts_a_fuzzy_match_and_a_click_an_exact_one(browser, site):
    page = workbench(browser, site)
    standfirst = page.locator(".workbench-row").nth(1)
    match = standfirst.locator(".memory-match")
    expect(match.locator(".memory-percent")).to_have_text("97%")
    expect(match.locator(".memory-diff ins")).to_have_text("19")
    expect(match.locator(".memory-diff del")).to_have_text("9")
    expect(page.locator(".workbench-keys")).to_contain_text("translation-memory match")

    standfirst.locator(".memory-segment").click()
    page.keyboard.press("Alt+1")
    field = standfirst.locator("textarea")
    expect(field).to_have_value(OLD_EN + " ")
    field.press("End")
    page.keyboard.press("Control+A")
    page.keyboard.type("On 19 December 2021 a Karachi delegation visited Shenyang.")

    body = page.locator(".workbench-row").nth(2)
    body.locator(".memory-insert").click()
    editor = body.locator("[contenteditable=true]")
    expect(editor).to_contain_text(BODY_EN)
    page.locator("input[name=_save]").click()
    page.wait_for_load_state()
    article = Article.objects.get(slug="again")
    assert article.standfirst_en == "On 19 December 2021 a Karachi delegation visited Shenyang."
    assert BODY_EN in article.body_en
    assert page.blocked == []


def test_the_keys_are_listed_in_chinese_too(browser, site):
    page = workbench(browser, site, "zh-hans")
    expect(page.locator(".workbench-keys")).to_contain_text("翻译记忆匹配")
    expect(page.locator(".memory-heading").first).to_have_text("翻译记忆")
