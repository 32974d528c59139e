"""The whole editorial story in Chromium, four people, one article about Karachi.

An editor writes a Chinese draft; a translator finds it in the queue and adds
the English; the editor changes a Chinese paragraph; the translator sees the
translation stale, with the change marked, and fixes it; a publisher schedules
it a minute ahead; a visitor sees it only once that minute has passed (the
clock is moved with time-machine, not waited for).
"""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.utils import timezone
from playwright.sync_api import expect

from portal.demo.loader import load_demo
from tests.browser.conftest import screenshot, sign_in
from tests.two_factor import give_app

SLUG = "karachi-port-project"


@pytest.fixture
def people(live_server, transactional_db):
    load_demo()
    for role in ("Editors", "Translators", "Publishers"):
        user = User.objects.create_user(role.lower(), password=f"{role}-pass-1", is_staff=True)
        user.groups.add(Group.objects.get(name=role))
    give_app(User.objects.get(username="publishers"))
    return live_server.url


def signed_in(browser, site, role):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "django_language", "value": "en", "url": site}])
    return sign_in(context.new_page(), site, role.lower(), f"{role}-pass-1")


def show_tab(page, field, language):
    """Open a translated field's language tab (modeltranslation's tabbed admin)."""
    page.locator(f"a[href='#tab_id_{field}_{language}']").click()
    expect(page.locator(f"#tab_id_{field}_{language}")).to_be_visible()


def write_rich_text(page, field, language, text):
    show_tab(page, field, language)
    editor = page.locator(f".prose-editor:has(#id_{field}_{language}) [contenteditable=true]")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def save(page):
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()


def open_article(page, site):
    page.goto(f"{site}/admin/news/article/?q={SLUG}")
    page.locator("#result_list tbody th a").first.click()


def test_editor_translator_publisher_and_visitor(browser, people):
    site = people

    # An editor writes a draft in Chinese about Karachi.
    editor = signed_in(browser, site, "Editors")
    editor.goto(f"{site}/admin/news/article/add/")
    show_tab(editor, "title", "zh_hans")
    editor.fill("#id_title_zh_hans", "卡拉奇港口合作项目启动")
    editor.fill("#id_slug", SLUG)
    write_rich_text(editor, "body", "zh_hans", "沈阳与卡拉奇启动港口合作项目。")
    editor.select_option("#id_original_language", "zh-hans")
    editor.locator("#id_cities + .select2 .select2-selection").click()
    editor.locator(".select2-search__field").fill("Karachi")
    editor.locator(".select2-results__option", has_text="Karachi").click()
    save(editor)

    # A translator finds it in the queue and fills in the English.
    translator = signed_in(browser, site, "Translators")
    translator.goto(f"{site}/admin/translations/?language=en")
    # The queue opens the workbench; this translator prefers the whole change form.
    translator.locator(".queue-item").get_by_role("link", name="Open the whole record").click()
    show_tab(translator, "title", "en")
    translator.fill("#id_title_en", "Karachi port project starts")
    write_rich_text(translator, "body", "en", "Shenyang and Karachi start a port project.")
    save(translator)
    translator.goto(f"{site}/admin/translations/?language=en")
    expect(translator.locator("#content-main")).to_contain_text("Nothing to translate")

    # The editor changes the Chinese paragraph.
    open_article(editor, site)
    write_rich_text(editor, "body", "zh_hans", "沈阳与卡拉奇正式启动港口合作项目。")
    save(editor)

    # The translator sees the English is stale, with the change shown, and fixes it.
    translator.goto(f"{site}/admin/translations/?language=en")
    expect(translator.locator(".queue-item")).to_contain_text("stale")
    expect(translator.locator(".queue-diff ins")).to_have_text("正式")
    screenshot(translator, "translation-queue-stale")
    translator.locator(".queue-item").get_by_role("link", name="Open the whole record").click()
    write_rich_text(translator, "body", "en", "Shenyang and Karachi formally start a port project.")
    save(translator)
    translator.goto(f"{site}/admin/translations/?language=en")
    expect(translator.locator("#content-main")).to_contain_text("Nothing to translate")

    # A publisher schedules it a minute ahead.
    publisher = signed_in(browser, site, "Publishers")
    open_article(publisher, site)
    go_live = timezone.localtime() + datetime.timedelta(minutes=1)
    publisher.select_option("#id_status", "published")
    publisher.fill("#id_published_at_0", go_live.strftime("%Y-%m-%d"))
    publisher.fill("#id_published_at_1", go_live.strftime("%H:%M:%S"))
    save(publisher)

    # A visitor sees nothing yet, and the article once its minute has come.
    visitor = browser.new_context().new_page()
    assert visitor.goto(f"{site}/en/news/{SLUG}/").status == 404
    with time_machine.travel(go_live + datetime.timedelta(seconds=5), tick=True):
        response = visitor.goto(f"{site}/en/news/{SLUG}/")
        assert response.status == 200
        expect(visitor.locator("h1")).to_have_text("Karachi port project starts")
        expect(visitor.locator(".prose")).to_contain_text("formally start a port project")
        visitor.goto(f"{site}/zh-hans/news/{SLUG}/")
        expect(visitor.locator(".prose")).to_contain_text("正式启动港口合作项目")
