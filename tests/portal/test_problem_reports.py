"""The 纠错 / "Report a problem" form: what it keeps, what it refuses, how it is
bounded, how long it keeps a contact, and who answers in the admin."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from portal.problems.models import ProblemReport, Status

pytestmark = pytest.mark.django_db

LANGS = ["zh-hans", "en"]
NOW = datetime.datetime(2026, 12, 1, 10, 0, tzinfo=datetime.UTC)


def form_data(**changes):
    return {"page": "/en/news/", "description": "The date is wrong.", "contact": "", **changes}


def post(client, lang="en", **changes):
    return client.post(f"/{lang}/report-a-problem/", form_data(**changes))


@pytest.mark.parametrize(
    ("lang", "heading", "page"),
    [("zh-hans", "网站纠错", "/zh-hans/cities/"), ("en", "Report a problem", "/en/cities/")],
)
def test_the_form_comes_with_the_page_filled_in(client, lang, heading, page):
    response = client.get(f"/{lang}/report-a-problem/", {"page": page})
    assertContains(response, f"<h1>{heading}</h1>", html=True)
    assertContains(response, f'value="{page}"')
    assertContains(response, 'name="csrfmiddlewaretoken"')


def test_a_valid_report_is_kept_and_the_visitor_thanked(client):
    response = post(client, lang="zh-hans", page="/zh-hans/news/?page=2", contact="a@b.cn")
    assert response.status_code == 302
    assert response["Location"] == "/zh-hans/report-a-problem/thanks/"
    report = ProblemReport.objects.get()
    assert (report.page, report.description, report.contact, report.language) == (
        "/zh-hans/news/?page=2", "The date is wrong.", "a@b.cn", "zh-hans",
    )  # fmt: skip
    assert report.status == Status.NEW
    thanks = client.get(response["Location"])
    assertContains(thanks, "<h1>感谢您的纠错</h1>", html=True)


def test_a_full_address_on_this_site_is_kept_as_its_path(client):
    post(client, page="http://testserver/en/cities/karachi/")
    assert ProblemReport.objects.get().page == "/en/cities/karachi/"


def test_a_filled_honeypot_is_thanked_and_nothing_kept(client):
    response = post(client, website="http://spam.example/")
    assert response.status_code == 302
    assert not ProblemReport.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"description": ""}, "description"),
        ({"description": "x" * 2001}, "description"),
        ({"contact": "x" * 201}, "contact"),
        ({"page": "/" + "a" * 600}, "page"),
        ({"page": "https://elsewhere.example/en/"}, "page"),
        ({"page": "//elsewhere.example/en/"}, "page"),
        ({"page": "javascript:alert(1)"}, "page"),
        ({"page": ""}, "page"),
    ],
)
def test_what_is_missing_oversize_or_off_site_is_refused_with_a_message(client, changes, field):
    response = post(client, **changes)
    assert response.status_code == 400
    assertContains(response, "Please correct what is marked below.", status_code=400)
    assertContains(response, f'id="id_{field}_error"', status_code=400)
    assert not ProblemReport.objects.exists()


def test_a_refusal_speaks_the_visitors_language(client):
    response = post(client, lang="zh-hans", page="https://elsewhere.example/")
    assertContains(response, "请填写本网站页面的地址", status_code=400)


@pytest.mark.parametrize(
    "page", ["https://elsewhere.example/", "//evil.example/x", "javascript:alert(1)", "/\x01x"]
)
def test_a_bad_page_parameter_is_left_out_with_a_message(client, page):
    response = client.get("/en/report-a-problem/", {"page": page})
    assertContains(response, "was not one of this site’s, so it was left out")
    assertContains(
        response,
        '<input type="text" name="page" maxlength="500" required '
        'aria-describedby="id_page_helptext" id="id_page">',
        html=True,
    )
    assert 'value="' + page not in response.content.decode()


def test_past_the_rate_limit_a_client_is_refused(client, settings):
    settings.REPORT_RATE_LIMIT = 2
    for _ in range(2):
        assert post(client).status_code == 302
    response = post(client)
    assertContains(response, "Please try again later.", status_code=429)
    assert ProblemReport.objects.count() == 2
    # Another address is not held back by this one.
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert other.post("/en/report-a-problem/", form_data()).status_code == 302


def test_the_rate_limit_window_ends(client, settings):
    settings.REPORT_RATE_LIMIT = 1
    with time_machine.travel(NOW, tick=False) as clock:
        assert post(client).status_code == 302
        assert post(client).status_code == 429
        clock.shift(datetime.timedelta(minutes=61))
        assert post(client).status_code == 302


def test_the_form_is_never_kept_by_a_cache_but_the_thanks_page_may_be(client):
    form = client.get("/en/report-a-problem/?page=/en/")
    assert "no-store" in form["Cache-Control"] and "private" in form["Cache-Control"]
    assert "X-Page-Cache" not in form
    thanks = client.get("/en/report-a-problem/thanks/")
    assert "public" in thanks["Cache-Control"]


def test_a_post_without_its_csrf_token_is_refused():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/en/report-a-problem/", form_data())
    assert response.status_code == 403
    assert not ProblemReport.objects.exists()


def make_report(days_old, status=Status.NEW, contact="a@b.cn", reply=""):
    return ProblemReport.objects.create(
        page="/en/", description="Wrong.", contact=contact, language="en", status=status,
        reply=reply, created_at=timezone.now() - datetime.timedelta(days=days_old),
    )  # fmt: skip


def test_past_retention_a_report_loses_its_contact_and_a_finished_one_goes(settings):
    settings.REPORT_RETENTION_DAYS = 365
    recent = make_report(364, status=Status.ANSWERED, reply="Fixed.")
    open_old = make_report(366)
    answered_old = make_report(366, status=Status.ANSWERED, reply="Fixed.")
    closed_old = make_report(400, status=Status.CLOSED)
    call_command("prunereports", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert set(ProblemReport.objects.values_list("pk", flat=True)) == {recent.pk, open_old.pk}
    recent.refresh_from_db()
    open_old.refresh_from_db()
    assert recent.contact == "a@b.cn" and open_old.contact == ""
    assert not ProblemReport.objects.filter(pk__in=[answered_old.pk, closed_old.pk]).exists()


def test_an_answered_report_needs_its_reply_and_gets_its_time():
    from django.core.exceptions import ValidationError

    report = make_report(1)
    report.status = Status.ANSWERED
    with pytest.raises(ValidationError):
        report.full_clean()
    report.reply = "Corrected, thank you."
    with time_machine.travel(NOW, tick=False):
        report.save()
    assert report.answered_at == NOW


def test_an_editor_answers_a_report_in_the_admin(client, sign_in):
    report = make_report(1)
    sign_in("Editors")
    url = f"/admin/problems/problemreport/{report.pk}/change/"
    assertContains(client.get("/admin/problems/problemreport/"), "/en/")
    response = client.post(url, {"status": "answered", "reply": "Corrected."})
    assert response.status_code == 302, response.content.decode()[:2000]
    report.refresh_from_db()
    assert (report.status, report.reply) == ("answered", "Corrected.")
    assert report.answered_at is not None
    # Staff cannot add reports or change what the visitor wrote.
    assert client.get("/admin/problems/problemreport/add/").status_code == 403
    client.post(url, {"status": "closed", "reply": "x", "description": "Changed"})
    report.refresh_from_db()
    assert report.description == "Wrong."


def test_only_a_publisher_deletes_a_report_and_a_translator_sees_none(client, sign_in):
    report = make_report(1)
    delete = f"/admin/problems/problemreport/{report.pk}/delete/"
    sign_in("Translators")
    assert client.get("/admin/problems/problemreport/").status_code == 403
    client.logout()
    sign_in("Editors")
    assert client.post(delete, {"post": "yes"}).status_code == 403
    client.logout()
    sign_in("Publishers")
    assert client.post(delete, {"post": "yes"}).status_code == 302
    assert not ProblemReport.objects.exists()


def test_a_report_does_not_change_the_site_revision(client):
    from portal.caching import revision

    before = revision.current()
    post(client)
    assert revision.current() == before


@pytest.mark.parametrize("lang", LANGS)
def test_every_public_page_links_the_form(client, lang):
    for path in ("", "news/", "cities/", "office/", "office/contact/", "sitemap/", "search/"):
        response = client.get(f"/{lang}/{path}")
        assertContains(response, f'href="/{lang}/report-a-problem/?page=')
        assertNotContains(response, "zfwzzc")


def test_the_forms_own_pages_link_the_form_without_a_page(client):
    response = client.get("/en/report-a-problem/thanks/")
    assertContains(response, '<a href="/en/report-a-problem/">Report a problem</a>', html=True)
