"""The news list's filter form: its options read once per site revision, its markup
kept per chosen values, and never out of date."""

import datetime
import re

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import make_article, make_category, make_city

# Parts are kept only outside a transaction: these tests commit.
pytestmark = pytest.mark.django_db(transaction=True)

STATES = [
    "",
    "?city=karachi",
    "?city=lodz&category=visits",
    "?city=atlantis",
    "?category=%3Cb%3E",
    "?city=karachi&category=nope",
    "?city=",
    "?city=a&city=lodz",
]


@pytest.fixture(autouse=True)
def _render_every_page(settings):
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def news(db):
    karachi = make_city(slug="karachi", name_en="Karachi", name_zh_hans="卡拉奇")
    lodz = make_city(slug="lodz", name_en="Lodz", name_zh_hans="罗兹")
    visits = make_category("visits", name_en="Visits", name_zh_hans="访问")
    make_article(slug="k", cities=[karachi])
    make_article(slug="l", cities=[lodz], category=visits)
    return karachi, lodz, visits


def form(client, path):
    html = client.get(path).content.decode()
    return re.search(r'<form class="filters panel".*?</form>', html, re.S).group()


def option_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    tables = ('FROM "cities_city"', 'FROM "news_category"')
    return [q for q in queries if any(table in q["sql"] for table in tables)]


def selected(html):
    return re.findall(r'<option value="([^"]*)" selected>', html)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_kept_form_is_the_form_rendered_afresh(client, news, settings, language):
    """Whatever the address holds, the form from the cache is the one rendering gives."""
    kept = {state: form(client, f"/{language}/news/{state}") for state in STATES * 2}
    settings.FRAGMENT_CACHE_SECONDS = 0
    for state, html in kept.items():
        assert html == form(client, f"/{language}/news/{state}"), state


def test_the_options_are_read_once_per_revision(client, news):
    assert option_queries(client, "/en/news/")
    assert not option_queries(client, "/en/news/?city=karachi")
    assert not option_queries(client, "/en/news/?category=visits&page=1")
    make_category("new")
    assert option_queries(client, "/en/news/")


def test_each_page_shows_its_own_choice(client, news):
    assert selected(form(client, "/en/news/?city=karachi")) == ["karachi", ""]
    assert selected(form(client, "/en/news/?city=lodz&category=visits")) == ["lodz", "visits"]
    assert selected(form(client, "/en/news/?city=karachi")) == ["karachi", ""]
    dropped = form(client, "/en/news/?city=atlantis")
    # Nothing chosen in the city list (the browser shows its first option, all cities).
    assert selected(dropped) == [""] and 'name="city" aria-invalid="true"' in dropped
    assert 'aria-invalid="true"' not in form(client, "/en/news/")


def test_a_renamed_city_or_category_shows_at_once(client, news):
    karachi, _lodz, visits = news
    assert ">Karachi</option>" in form(client, "/en/news/?city=karachi")
    karachi.name_en = "Karachi City"
    karachi.save()
    visits.name_en = "Official visits"
    visits.save()
    html = client.get("/en/news/?city=karachi&category=visits").content.decode()
    assert '<option value="karachi" selected>Karachi City</option>' in html
    assert '<option value="visits" selected>Official visits</option>' in html
    assert "<strong>Karachi City</strong>" in html and "<strong>Official visits</strong>" in html


def test_a_withdrawn_city_leaves_the_options(client, news):
    karachi, _lodz, _visits = news
    assert 'value="karachi"' in form(client, "/en/news/")
    karachi.status = "draft"
    karachi.save()
    assert 'value="karachi"' not in form(client, "/en/news/")
    assert 'name="city" aria-invalid="true"' in form(client, "/en/news/?city=karachi")


def test_a_scheduled_city_is_offered_when_its_time_comes(client, news):
    now = timezone.now()
    make_city(slug="soon", name_en="Soon", published_at=now + datetime.timedelta(hours=2))
    with time_machine.travel(now, tick=False):
        assert 'value="soon"' not in form(client, "/en/news/")
        assert 'value="soon"' not in form(client, "/en/news/")
    with time_machine.travel(now + datetime.timedelta(hours=3), tick=False):
        assert 'value="soon"' in form(client, "/en/news/")


def test_each_language_has_its_own_options(client, news):
    assert ">Karachi</option>" in form(client, "/en/news/")
    html = form(client, "/zh-hans/news/")
    assert ">卡拉奇</option>" in html and ">全部城市</option>" in html and "Karachi" not in html
    assert ">All cities</option>" in form(client, "/en/news/")


def test_a_filter_with_no_article_gives_an_empty_list(client, news):
    """A city and a category with no article between them: an empty first page, no
    error (an empty slice of the list is no query at all)."""
    for path in (
        "/en/news/?city=karachi&category=visits",
        "/zh-hans/news/?city=karachi&category=visits",
    ):
        response = client.get(path)
        assert response.status_code == 200
        assert 'class="card' not in response.content.decode()


@pytest.mark.parametrize(
    ("language", "note"),
    [
        ("en", "That choice is not on the list, so it is left out."),
        ("zh-hans", "此选项不在列表中，未予采用。"),
    ],
)
def test_a_dropped_filter_says_so_where_its_field_points(client, news, language, note):
    html = form(client, f"/{language}/news/?city=atlantis&category=visits")
    assert 'aria-describedby="id_city_error"' in html
    assert re.search(rf'<ul class="errorlist" id="id_city_error"><li>{note}</li></ul>', html)
    assert "atlantis" not in html and "id_category_error" not in html


@pytest.mark.parametrize("state", STATES)
def test_the_filters_render_as_djangos_own_widgets(news, state):
    """The public filters render with Jinja2 and their options written in place
    (portal/formatting/forms.py): the HTML is the one Django's own widget templates
    give, for every state the address can put them in (the blank lines between
    options aside)."""
    from django.forms.renderers import DjangoTemplates
    from django.http import QueryDict
    from django.utils import translation

    from cities.filters import CityFilterForm, countries_with_partners
    from news.filters import ArticleFilterForm

    data = QueryDict(state.lstrip("?"))
    with translation.override("en"):
        for make in (
            lambda: ArticleFilterForm(data),
            lambda: CityFilterForm(data, countries_with_partners()),
        ):
            ours, django_own = make(), make()
            django_own.renderer = DjangoTemplates()
            for field in django_own:
                field.field.widget.template_name = type(field.field.widget).template_name
            assert [tags(field) for field in ours] == [tags(field) for field in django_own]


def tags(field):
    return re.sub(r">\s+<", "><", str(field))
