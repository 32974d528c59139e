"""The counts of what waits for translation where translators look: the queue (a
record with its parts), the completeness matrix (each cell, totals per language) and
its CSV, in both admin languages."""

import csv
import datetime
import io

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from pytest_django.asserts import assertContains, assertNotContains

from news.models import Article
from portal.editorial import memory
from portal.editorial.memory_models import MemoryEntry
from portal.editorial.summaries import TranslationSummary
from portal.formatting.i18n import LANGUAGE_CODES
from tests.admin_forms import admin_form_data
from tests.factories import make_article, make_city, make_exchange

pytestmark = pytest.mark.django_db

QUEUE = "/admin/translations/"
MATRIX = "/admin/translations/matrix/"
EXACT = "2021年12月9日，卡拉奇代表团访问沈阳。"  # 16 characters
FUZZY = "2021年12月19日，卡拉奇代表团访问沈阳。"  # 16, a fuzzy match of EXACT
NOW = datetime.datetime(2026, 12, 7, 4, tzinfo=datetime.UTC)


@pytest.fixture
def waiting(db):
    """A memory with one pair; a Chinese article whose English is missing (title 6,
    standfirst EXACT, body FUZZY), and a city whose English name and summary are missing,
    and its exchange's title."""
    memory.add(
        [
            MemoryEntry(
                source=EXACT,
                target="On 9 December 2021 a Karachi delegation visited Shenyang.",
                source_language="zh-hans",
                target_language="en",
                note="Imported from office.tmx",
                approved_at=NOW,
            ).fill_keys()
        ]
    )
    with time_machine.travel(NOW, tick=False):
        article = make_article(
            title_zh_hans="卡拉奇代表团", title_en="", standfirst_zh_hans=EXACT,
            body_zh_hans=f"<p>{FUZZY}</p>", body_en="",
        )  # fmt: skip
        city = make_city(name_zh_hans="卡拉奇", name_en="", summary_zh_hans="港口城市。")
        make_exchange(city, title_zh_hans="代表团访问沈阳", title_en="")
    return article, city


def test_the_queue_shows_each_record_s_count_with_its_leverage(client, sign_in, waiting):
    sign_in("Translators")
    response = client.get(f"{QUEUE}?language=en")
    assertContains(
        response,
        "<strong>38 characters</strong>"
        ' <span class="translation-band">· exact 16</span>'
        ' <span class="translation-band">· fuzzy 16</span>'
        ' <span class="translation-band">· new 6</span>',
    )
    # The city (卡拉奇 3, 港口城市 4) and its exchange (代表团访问沈阳 7), each its own item.
    assertContains(response, "<strong>7 characters</strong>", count=2)
    assertContains(response, "analysed 7 December 2026")
    assertContains(response, "by their match in the translation memory")


def test_the_queue_in_chinese(client, sign_in, waiting):
    sign_in("Translators")
    client.cookies["django_language"] = "zh-hans"
    response = client.get(f"{QUEUE}?language=en")
    assertContains(
        response,
        "<strong>38字</strong>"
        ' <span class="translation-band">· 完全匹配 16</span>'
        ' <span class="translation-band">· 模糊匹配 16</span>'
        ' <span class="translation-band">· 新译 6</span>',
    )
    assertContains(response, "分析于2026年12月7日")
    assertContains(response, "按其在翻译记忆库中的匹配程度分列：完全匹配为100%")
    # Chinese punctuation in Chinese sentences: a full-width colon, the enumeration comma.
    assertContains(response, "尚未译成英文：标题、导语、正文")
    assertContains(response, "修改时间：2026年12月7日")
    changelist = client.get("/admin/news/article/").content.decode()
    assert "English：缺译文" in changelist and "English: " not in changelist


def test_the_matrix_shows_each_cell_s_count_and_totals_per_language(client, sign_in, waiting):
    sign_in("Translators")
    response = client.get(f"{MATRIX}?type=news.article")
    assertContains(response, "<strong>38 characters</strong>")
    assertContains(response, "Left to translate into English:")
    client.cookies["django_language"] = "zh-hans"
    response = client.get(MATRIX)
    # Every record: the article 38, the city 7, its exchange 7.
    assertContains(response, "<strong>52字</strong>")
    assertContains(response, "译成English尚余：")


def test_the_matrix_totals_follow_its_filters(client, sign_in, waiting):
    sign_in("Translators")
    response = client.get(f"{MATRIX}?type=cities.exchange")
    assertContains(response, "<strong>7 characters</strong>", count=2)  # cell and total
    assertNotContains(response, "38 characters")


def csv_rows(client, query=""):
    response = client.get(f"{MATRIX}?format=csv{query}")
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_the_csv_has_a_column_per_language_and_band(client, sign_in, waiting):
    sign_in("Translators")
    rows = csv_rows(client, "&type=news.article")
    for code in LANGUAGE_CODES:
        for column in ("unit", "total", "repetitions", "exact", "fuzzy", "new", "unchecked"):
            assert f"{code} {column}" in rows[0]
    row = rows[0]
    assert (row["en unit"], row["en total"], row["en exact"], row["en fuzzy"], row["en new"]) == (
        "characters", "38", "16", "16", "6",
    )  # fmt: skip
    assert row["zh-hans total"] == ""  # its original: nothing to translate


def test_the_demo_queue_shows_real_counts(client, sign_in):
    call_command("loaddemo", stdout=io.StringIO())
    sign_in("Translators")
    draft = Article.objects.get(slug="shenyang-and-karachi-three-years-of-cooperation")
    assert draft.status == "draft" and draft.original_language == "en"
    response = client.get(f"{QUEUE}?language=zh-hans")
    assertContains(response, draft.title_en)
    # Its sentences come from the published report: the memory holds some whole.
    assert draft.translation_states["zh_hans"] == "missing"
    count = TranslationSummary.objects.get(
        content_type=ContentType.objects.get_for_model(Article), object_id=draft.pk
    ).cells["zh_hans"]["count"]
    assert count["unit"] == "words"
    assert count["exact"] > 0 and count["fuzzy"] > 0 and count["new"] > 0
    assertContains(response, f"<strong>{count['total']} words</strong>")
    # Opened from the menu (no language asked), the queue shows the language with work
    # waiting, here Chinese, not an empty "into English".
    menu = client.get(QUEUE)
    assert menu.context["language"] == "zh-hans"
    assertContains(menu, draft.title_en)


def test_a_translator_s_save_in_the_workbench_updates_the_queue_s_count(client, sign_in, waiting):
    article, _city = waiting
    article.status = "draft"  # a draft's translation is saved directly, not held
    article.save()
    sign_in("Translators")
    workbench = f"/admin/translate/news.article/{article.pk}/en/"
    page = client.get(workbench)
    title = f"news.article-{article.pk}-title_en"
    response = client.post(workbench, admin_form_data(page, **{title: "A Karachi delegation"}))
    assert response.status_code == 302
    # The title (6) is translated: the standfirst (exact 16) and body (fuzzy 16) are left.
    response = client.get(f"{QUEUE}?language=en")
    assertContains(
        response,
        "<strong>32 characters</strong>"
        ' <span class="translation-band">· exact 16</span>'
        ' <span class="translation-band">· fuzzy 16</span>'
        ' <span class="translation-band">· new 0</span>',
    )
