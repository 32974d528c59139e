"""Figures with their sources: the public value printed with its footnote and "as
of", the disagreeing value kept on record and shown to staff."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from pytest_django.asserts import assertContains, assertNotContains

from cities.models import City, Fact
from tests.admin_forms import admin_form_data
from tests.factories import make_city, make_fact, make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def jinja(db):
    city = make_city(slug="jinja", name_en="Jinja", name_zh_hans="金贾")
    office = make_source(
        publisher_en="Foreign Affairs Office of Shenyang",
        publisher_zh_hans="沈阳市外事办公室",
        url="https://www.shenyang.gov.cn/jinja",
        date=datetime.date(2020, 12, 25),
    )
    icld = make_source(
        publisher_en="ICLD (Sweden)",
        publisher_zh_hans="",
        url="https://icld.se/jinja",
        date=None,
    )
    make_fact(
        city,
        "population",
        600_000,
        [office],
        approximate=True,
        as_of=datetime.date(2020, 12, 1),
        as_of_precision="month",
    )
    make_fact(city, "population", 350_000, [icld], is_public=False)
    make_fact(city, "area", Decimal("734"), [office], as_of=datetime.date(2020, 1, 1))
    city.apply_public_facts()
    city.save()
    return city


def test_the_chosen_value_is_public_and_the_other_kept(client, jinja):
    assert (jinja.population, jinja.population_is_approximate) == (600_000, True)
    assert Fact.objects.filter(city=jinja, figure="population").count() == 2
    page = client.get("/en/cities/jinja/")
    assertContains(page, "about 600,000")
    assertNotContains(page, "350,000")
    assertNotContains(page, "ICLD")
    zh = client.get("/zh-hans/cities/jinja/")
    assertContains(zh, "约60万")


def test_each_figure_has_a_footnote_and_the_sources_close_the_profile(client, jinja):
    page = client.get("/en/cities/jinja/")
    assertContains(
        page,
        '<sup class="cite nowrap">[<a href="#source-1" aria-label="Source 1">1</a>]</sup>',
        count=2,
        html=True,
    )
    assertContains(
        page,
        '<li id="source-1">Foreign Affairs Office of Shenyang, '
        '<time datetime="2020-12-25">25 December 2020</time>. '
        '<a href="https://www.shenyang.gov.cn/jinja" rel="external noopener noreferrer" '
        'class="source-url">https://www.shenyang.gov.cn/jinja</a></li>',
        html=True,
    )
    assertContains(page, '<h2 id="sources-heading">Sources</h2>', html=True)
    zh = client.get("/zh-hans/cities/jinja/")
    assertContains(zh, '<h2 id="sources-heading">资料来源</h2>', html=True)
    assertContains(zh, '<time datetime="2020-12-25">2020年12月25日</time>', html=True)
    assertContains(zh, "沈阳市外事办公室")


def test_as_of_prints_with_its_precision(client, jinja):
    page = client.get("/en/cities/jinja/")
    assertContains(
        page,
        '<span class="meta">(as of <time datetime="2020-12">December 2020</time>)</span>',
        html=True,
    )
    zh = client.get("/zh-hans/cities/jinja/")
    assertContains(
        zh,
        '<span class="meta">（截至<time datetime="2020-12">2020年12月</time>）</span>',
        html=True,
    )


def test_a_figure_changed_by_hand_loses_its_footnote(client, jinja):
    """A footnote backs the value it cites, never another one."""
    City.objects.filter(pk=jinja.pk).update(population=123_456, population_is_approximate=False)
    page = client.get("/en/cities/jinja/")
    assertContains(page, "123,456")
    assertContains(page, 'class="cite nowrap"', count=1)  # the area's only


def test_one_public_value_per_figure(jinja):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_fact(jinja, "population", 1, is_public=True)


def test_the_admin_shows_that_sources_disagree(admin_client, jinja):
    page = admin_client.get(f"/admin/cities/city/{jinja.pk}/change/")
    assertContains(page, "来源不一致")  # the staff member's language: Chinese by default
    text = page.content.decode()
    # Figures as the Chinese pages print them: an approximate population in 万.
    assert "<strong>约60万</strong>" in text and "<strong>350,000</strong>" in text
    assert "<strong>600000</strong>" not in text and "<strong>350000</strong>" not in text
    assert "ICLD (Sweden)" in text


def test_choosing_the_other_value_in_the_admin_changes_the_page(admin_client, client, jinja):
    url = f"/admin/cities/city/{jinja.pk}/change/"
    form = admin_form_data(admin_client.get(url))
    rows = {form[f"facts-{n}-id"][0]: n for n in range(int(form["facts-TOTAL_FORMS"][0]))}
    office, icld = Fact.objects.filter(city=jinja, figure="population").order_by("-is_public")
    # Two steps, as staff do it: the office's value off, then ICLD's on.
    form.pop(f"facts-{rows[str(office.pk)]}-is_public")
    response = admin_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    form = admin_form_data(admin_client.get(url), **{f"facts-{rows[str(icld.pk)]}-is_public": "on"})
    assert admin_client.post(url, form).status_code == 302
    jinja.refresh_from_db()
    assert (jinja.population, jinja.population_is_approximate) == (350_000, False)
    assertContains(client.get("/en/cities/jinja/"), "350,000")
