"""The QA checks in the workbench: shown beside each field, asked again while one types
(a JSON endpoint for translators only), and reported on save."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from portal.editorial.glossary import Term
from portal.editorial.models import PendingChange
from tests.admin_forms import admin_form_data
from tests.factories import make_article, make_city, make_exchange

pytestmark = pytest.mark.django_db
CHECK = "/admin/translate/qa/"
EN = "“12.5 million” here does not match the figure “1350万” of the original."


@pytest.fixture
def article():
    return make_article(
        slug="fund",
        title_zh_hans="沈阳设立1350万美元基金",
        title_en="",
        body_zh_hans="<p>基金于2021年12月9日设立。</p>",
        body_en="",
        original_language="zh-hans",
        status="draft",
    )


def ask(client, record, text, field="title", language="en", **extra):
    data = {"model": record._meta.label_lower, "pk": record.pk, "field": field}
    return client.post(CHECK, {**data, "language": language, "text": text, **extra})


def test_a_translator_gets_the_findings_of_the_text_as_json(client, sign_in, article):
    sign_in("Translators")
    response = ask(client, article, "Shenyang sets up a USD 12.5 million fund")
    assert response.status_code == 200
    assert response.json() == {
        "findings": [
            {
                "check": "numbers",
                "severity": "error",
                "message": EN,
                "fragment": "12.5 million",
                "segment": None,
            }
        ]
    }
    assert ask(client, article, "Shenyang sets up a USD 13.5 million fund").json() == {
        "findings": []
    }
    body = ask(client, article, "<p>Set up on 10 December 2021.</p>", field="body").json()
    assert [finding["check"] for finding in body["findings"]] == ["dates"]


def test_the_messages_come_in_the_users_language(client, sign_in, article):
    sign_in("Translators")
    client.cookies["django_language"] = "zh-hans"
    finding = ask(client, article, "A USD 12.5 million fund").json()["findings"][0]
    assert finding["message"] == "此处的“12.5 million”与原文中的数字“1350万”不符。"


def test_a_part_is_checked_against_its_owners_original(client, sign_in):
    city = make_city(slug="karachi", original_language="zh-hans")
    exchange = make_exchange(city, title_zh_hans="2万名游客来访")
    sign_in("Translators")
    findings = ask(client, exchange, "2,000 visitors came").json()["findings"]
    assert [finding["fragment"] for finding in findings] == ["2,000"]


def test_only_staff_who_may_translate_may_ask(client, sign_in, article, django_user_model):
    assert ask(client, article, "A fund").status_code == 302  # to the sign-in page
    user = django_user_model.objects.create_user("clerk", password="pw", is_staff=True)
    client.force_login(user)
    assert ask(client, article, "A fund").status_code == 403
    sign_in("Translators")
    assert client.get(CHECK).status_code == 405


@pytest.mark.parametrize(
    ("changes", "status"),
    [
        ({"model": "auth.user"}, 400),
        ({"pk": "x"}, 400),
        ({"field": "slug"}, 400),
        ({"language": "fr"}, 400),
        ({"language": "zh-hans"}, 400),
        ({"text": "x" * 200_001}, 400),
        ({"pk": "999999"}, 404),
    ],
)
def test_bad_input_is_a_client_error(client, sign_in, article, changes, status):
    sign_in("Translators")
    data = {"model": "news.article", "pk": article.pk, "field": "title", "language": "en"}
    response = client.post(CHECK, {**data, "text": "A fund", **changes})
    assert response.status_code == status


def test_the_endpoint_wants_the_csrf_token(sign_in, article):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    user = sign_in("Translators")
    client.force_login(user)
    assert ask(client, article, "A fund").status_code == 403


def test_the_workbench_shows_the_findings_and_reports_them_on_save(client, sign_in, article):
    sign_in("Translators")
    url = reverse("translation_workbench", args=["news.article", article.pk, "en"])
    page = client.get(url)
    assertContains(page, 'data-qa-url="/admin/translate/qa/"', count=2)
    data = admin_form_data(page)
    prefix = f"news.article-{article.pk}-"
    data[prefix + "title_en"] = "Shenyang sets up a USD 12.5 million fund"
    response = client.post(url, data, follow=True)
    assertContains(response, "The QA checks found errors in 1 field")
    assertContains(response, EN)


def test_the_endpoint_flags_a_forbidden_name_and_leaves_lacking_ones_to_the_page(client, sign_in):
    Term.objects.create(
        chinese="吕志成", english="Lyu Zhicheng", kind="person", forbidden={"en": ["Lu Zhicheng"]}
    )
    article = make_article(
        slug="visit", title_zh_hans="吕志成会见代表团", title_en="", original_language="zh-hans"
    )
    sign_in("Translators")
    found = ask(client, article, "Lu Zhicheng meets a delegation").json()["findings"]
    assert [(f["check"], f["severity"], f["fragment"]) for f in found] == [
        ("names", "error", "Lu Zhicheng")
    ]
    assert ask(client, article, "The mayor meets a delegation").json() == {"findings": []}


def test_a_publisher_saves_a_live_translation_with_errors_only_with_a_reason(client, sign_in):
    """Saved at once, a publisher's own translation is also its approval: with QA
    errors it takes a written reason, kept in the version, as applying a change does."""
    article = make_article(
        slug="live-fund",
        title_zh_hans="沈阳设立1350万美元基金",
        title_en="",
        original_language="zh-hans",
    )
    sign_in("Publishers")
    url = reverse("translation_workbench", args=["news.article", article.pk, "en"])
    data = admin_form_data(client.get(url))
    title = f"news.article-{article.pk}-title_en"
    data[title] = "Shenyang sets up a USD 12.5 million fund"

    refused = client.post(url, data)
    assert refused.status_code == 200  # the page again, with what was typed
    assertContains(refused, "Shenyang sets up a USD 12.5 million fund")
    assertContains(refused, 'name="qa_reason"')
    assertContains(refused, "Nothing was saved.")
    article.refresh_from_db()
    assert article.title_en == ""

    data["qa_reason"] = "The fund's own release gives the figure so."
    client.post(url, data)
    article.refresh_from_db()
    assert article.title_en == "Shenyang sets up a USD 12.5 million fund"
    reason = article.history.latest().history_change_reason
    assert "over QA errors: The fund's own release gives the figure so." in reason


def test_a_draft_or_a_held_change_is_saved_whatever_its_findings(client, sign_in, article):
    """Work in progress (a draft), or a translator's change to a live record (held for
    a publisher, who gives the reason on applying it), needs no reason to be saved."""
    live = make_article(
        slug="live", title_zh_hans="1350万美元", title_en="", original_language="zh-hans"
    )
    sign_in("Translators")
    for record in (article, live):
        url = reverse("translation_workbench", args=["news.article", record.pk, "en"])
        data = admin_form_data(client.get(url))
        data[f"news.article-{record.pk}-title_en"] = "USD 12.5 million"
        response = client.post(url, data)
        assert response.status_code == 302
    article.refresh_from_db()
    assert article.title_en == "USD 12.5 million"
    assert PendingChange.objects.filter(object_id=live.pk).exists()
    live.refresh_from_db()
    assert live.title_en == ""
