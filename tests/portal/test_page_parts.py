"""Whole pages kept for visitors while everything they show stays as it is: every
query still runs, so a change shows at once (even one that moves no revision), a
scheduled record comes out on time, and what cannot be fingerprinted is rendered."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import AnonymousUser
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.utils import timezone

from news.models import Article
from portal.editorial import parts
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def parts_on(settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request reaches the view
    settings.PART_CACHE_SECONDS = 3600


def visitor_request(path="/en/", **cookies):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    request.COOKIES.update(cookies)
    return request


def counted():
    calls = []

    def compute():
        calls.append(1)
        return f"page {len(calls)}"

    return compute, calls


def test_a_page_is_kept_while_its_context_stays_the_same():
    article = make_article(title_en="Kept")
    compute, calls = counted()
    context = {"article": article, "count": 3}
    assert parts.page_part(compute, visitor_request(), context) == "page 1"
    assert parts.page_part(compute, visitor_request(), dict(context)) == "page 1"
    article.title_en = "Changed"
    assert parts.page_part(compute, visitor_request(), context) == "page 2"
    assert parts.page_part(compute, visitor_request("/en/?page=2"), context) == "page 3"
    assert len(calls) == 3


def test_signed_in_staff_unknown_values_and_the_csrf_token_are_never_kept():
    compute, calls = counted()
    for _ in range(2):  # a session cookie: staff, whose pages show drafts and banners
        parts.page_part(compute, visitor_request(sessionid="abc"), {})
    for _ in range(2):  # a value whose bearing on the markup cannot be told
        parts.page_part(compute, visitor_request(), {"thing": object()})
    assert len(calls) == 4

    request = visitor_request("/en/form/")

    def uses_the_token():
        calls.append(1)
        return get_token(request)

    parts.page_part(uses_the_token, request, {})
    parts.page_part(uses_the_token, visitor_request("/en/form/"), {})
    assert len(calls) == 6


def test_an_article_page_shows_a_change_made_behind_the_sites_back(client):
    make_article(slug="report", title_en="First title")
    assert "First title" in client.get("/en/news/report/").content.decode()
    Article.objects.filter(slug="report").update(title_en="Second title")  # no revision moves
    html = client.get("/en/news/report/").content.decode()
    assert "Second title" in html and "First title" not in html


def test_a_page_showing_a_scheduled_record_is_rendered_again_when_it_comes_out():
    """A link to a scheduled article appears when its time comes, though no field of
    any record on the page changed: whether a record is out is part of its fingerprint."""
    soon = timezone.now() + datetime.timedelta(minutes=10)
    report = make_article(title_en="Signing report", published_at=soon)
    compute, _calls = counted()
    context = {"linked": [report]}
    parts.page_part(compute, visitor_request(), context)
    parts.page_part(compute, visitor_request(), context)
    with time_machine.travel(soon + datetime.timedelta(seconds=1)):
        assert parts.page_part(compute, visitor_request(), context) == "page 2"


def test_the_footer_year_turns_with_the_year(client):
    """Within the hour a part is kept for: the key holds the day."""
    make_article()
    new_year = datetime.datetime(2027, 1, 1, tzinfo=timezone.get_current_timezone())
    with time_machine.travel(new_year - datetime.timedelta(minutes=1), tick=False):
        assert "© 2026" in client.get("/en/news/").content.decode()
        assert "© 2026" in client.get("/en/news/").content.decode()
    with time_machine.travel(new_year + datetime.timedelta(minutes=1), tick=False):
        assert "© 2027" in client.get("/en/news/").content.decode()


def test_turned_off_every_page_renders(settings):
    settings.PART_CACHE_SECONDS = 0
    compute, calls = counted()
    for _ in range(2):
        parts.page_part(compute, visitor_request(), {})
    assert len(calls) == 2
