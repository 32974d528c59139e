"""A city page kept whole by its view (`portal.editorial.parts.kept_response`): served
from its queries' rows alone, with no record made and no template rendered, equal to
a fresh render, and told apart by everything it shows: its rows, the office, care
mode, the address and language; never kept for staff."""

import pytest
from django.contrib.auth import get_user_model
from django.db.models.signals import post_init

from cities.models import City
from portal import care
from portal.models import Office
from tests.factories import make_city
from tests.two_factor import sign_in_fully

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _parts_on_pages_off(settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.PART_CACHE_SECONDS = 3600


@pytest.fixture
def karachi(db):
    make_city(slug="shenyang", is_home=True, relationship="", name_en="Shenyang")
    Office.objects.create(name_en="Foreign Affairs Office", name_zh_hans="外事办公室")
    return make_city(slug="karachi", name_en="Karachi", name_zh_hans="卡拉奇")


@pytest.fixture
def made():
    records = []

    def count(sender, instance, **kwargs):
        records.append(instance)

    post_init.connect(count, weak=False, dispatch_uid="test-kept-response-made")
    yield records
    post_init.disconnect(dispatch_uid="test-kept-response-made")


@pytest.fixture
def templates_rendered():
    from django.test.signals import template_rendered

    names = []

    def count(sender, template, **kwargs):
        names.append(template.name)

    template_rendered.connect(count, dispatch_uid="test-kept-response-templates")
    yield names
    template_rendered.disconnect(dispatch_uid="test-kept-response-templates")


def test_a_kept_city_page_makes_no_record_and_renders_no_template(
    client, karachi, made, templates_rendered
):
    first = client.get("/en/cities/karachi/")
    assert first.status_code == 200 and templates_rendered
    made.clear()
    templates_rendered.clear()
    again = client.get("/en/cities/karachi/")
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert templates_rendered == []
    assert made == []


def test_a_change_made_behind_the_sites_back_shows_at_once(client, karachi, settings):
    assert "Karachi" in client.get("/en/cities/karachi/").content.decode()
    City.objects.filter(slug="karachi").update(name_en="Karachi Division")  # no revision
    kept = client.get("/en/cities/karachi/").content.decode()
    assert "Karachi Division" in kept
    settings.PART_CACHE_SECONDS = 0
    assert client.get("/en/cities/karachi/").content.decode() == kept  # as a fresh render


def test_the_office_care_mode_and_language_each_give_their_own_page(client, karachi):
    english = client.get("/en/cities/karachi/").content.decode()
    office = Office.objects.get()
    office.name_en = "Shenyang Foreign Affairs Office"
    office.save()
    assert "Shenyang Foreign Affairs Office" in client.get("/en/cities/karachi/").content.decode()
    client.cookies[care.COOKIE] = care.ON
    assert 'class="care"' in client.get("/en/cities/karachi/").content.decode()
    del client.cookies[care.COOKIE]
    assert 'class="care"' not in client.get("/en/cities/karachi/").content.decode()
    assert "卡拉奇" in client.get("/zh-hans/cities/karachi/").content.decode()
    assert "卡拉奇" not in english


def test_staff_get_a_fresh_page_and_never_a_kept_one(client, karachi, templates_rendered):
    client.get("/en/cities/karachi/")  # kept for visitors
    staff = get_user_model().objects.create_superuser("chief", "", "a-long-pass-phrase")
    sign_in_fully(client, staff)
    templates_rendered.clear()
    assert client.get("/en/cities/karachi/").status_code == 200
    assert templates_rendered  # rendered, not served from what visitors were given


def test_a_source_links_its_article_only_while_visitors_may_read_it(client, karachi):
    from tests.factories import make_article, make_fact, make_source

    draft = make_article(slug="draft-report", status="draft")
    City.objects.filter(pk=karachi.pk).update(population=20_000_000)
    make_fact(karachi, "population", 20_000_000, [make_source(article=draft, url="")])
    html = client.get("/en/cities/karachi/").content.decode()
    assert "Sources" in html and "draft-report" not in html
    draft.status, draft.published_at = "published", draft.created_at
    draft.save()
    assert '<a href="/en/news/draft-report/">' in client.get("/en/cities/karachi/").content.decode()


def test_the_directory_is_kept_by_its_rows_and_its_filters(client, karachi, templates_rendered):
    first = client.get("/en/cities/", {"relationship": "sister"})
    assert "Karachi" in first.content.decode()
    templates_rendered.clear()
    assert client.get("/en/cities/", {"relationship": "sister"}).content == first.content
    assert templates_rendered == []
    assert "Karachi" not in client.get("/en/cities/", {"relationship": "friendly"}).content.decode()
    City.objects.filter(slug="karachi").update(name_en="Karachi Division")  # no revision
    assert (
        "Karachi Division" in client.get("/en/cities/", {"relationship": "sister"}).content.decode()
    )


def test_a_new_source_shows_on_a_kept_city_page(client, karachi):
    from tests.factories import make_fact, make_source

    City.objects.filter(pk=karachi.pk).update(population=20_000_000)
    assert "example.org/census" not in client.get("/en/cities/karachi/").content.decode()
    # The city's row is as it was: the page moves with the sources' fingerprint.
    make_fact(karachi, "population", 20_000_000, [make_source(url="https://example.org/census")])
    assert "example.org/census" in client.get("/en/cities/karachi/").content.decode()


def test_a_page_rendered_from_other_sources_than_its_key_names_is_not_kept(
    client, karachi, templates_rendered
):
    """The sources' fingerprint is kept per revision; a change committed between a
    request's reading it and rendering (here, made behind the site's back, so the
    revision stays) gives a page that is served as rendered but never kept under
    the fingerprint of the rows it does not show."""
    from cities.models import Source
    from tests.factories import make_fact, make_source

    City.objects.filter(pk=karachi.pk).update(population=20_000_000)
    make_fact(karachi, "population", 20_000_000, [make_source(url="https://example.org/old")])
    assert "example.org/old" in client.get("/en/cities/karachi/").content.decode()
    Source.objects.update(url="https://example.org/new")  # no revision
    templates_rendered.clear()
    # Another address of the page: the kept fingerprint, and no response kept under it.
    fresh = client.get("/en/cities/karachi/?from=map").content.decode()
    assert "example.org/new" in fresh and templates_rendered
    templates_rendered.clear()
    assert client.get("/en/cities/karachi/?from=map").content.decode() == fresh
    assert templates_rendered  # rendered again: nothing was kept under the old rows
