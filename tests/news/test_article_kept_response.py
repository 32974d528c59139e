"""An article kept whole by its view: no record made, no template rendered, equal to
a fresh render; a change to the article or to a city it names shows at once, a
scheduled city is named when its time comes, and staff always get a fresh page."""

import datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.db.models.signals import post_init
from django.test.signals import template_rendered
from django.utils import timezone

from cities.models import City
from news.models import Article
from tests.factories import make_article, make_city
from tests.two_factor import sign_in_fully

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _parts_on_pages_off(settings):
    settings.PAGE_CACHE_SECONDS = 0
    settings.PART_CACHE_SECONDS = 3600


@pytest.fixture
def watched():
    seen = {"records": [], "templates": []}

    def record(sender, instance, **kwargs):
        seen["records"].append(instance)

    def template(sender, template, **kwargs):
        seen["templates"].append(template.name)

    post_init.connect(record, weak=False, dispatch_uid="test-article-kept-records")
    template_rendered.connect(template, dispatch_uid="test-article-kept-templates")
    yield seen
    post_init.disconnect(dispatch_uid="test-article-kept-records")
    template_rendered.disconnect(dispatch_uid="test-article-kept-templates")


def test_a_kept_article_is_served_from_its_rows(client, watched):
    karachi = make_city(slug="karachi", name_en="Karachi")
    make_article(slug="signed", title_en="Signed", cities=[karachi])
    first = client.get("/en/news/signed/")
    assert first.status_code == 200 and "Karachi" in first.content.decode()
    watched["records"].clear()
    watched["templates"].clear()
    assert client.get("/en/news/signed/").content == first.content
    assert watched == {"records": [], "templates": []}


def test_changes_to_the_article_and_its_cities_show_at_once(client, settings):
    soon = timezone.now() + datetime.timedelta(hours=1)
    lahore = make_city(slug="lahore", name_en="Lahore", published_at=soon)
    make_article(slug="signed", title_en="Signed", cities=[lahore])
    assert "Lahore" not in client.get("/en/news/signed/").content.decode()
    with time_machine.travel(soon + datetime.timedelta(seconds=1)):
        assert "Lahore" in client.get("/en/news/signed/").content.decode()
    Article.objects.filter(slug="signed").update(title_en="Signed and sealed")  # no signal
    City.objects.filter(slug="lahore").update(published_at=timezone.now())
    City.objects.filter(slug="lahore").update(name_en="Lahore City")
    kept = client.get("/en/news/signed/").content.decode()
    assert "Signed and sealed" in kept and "Lahore City" in kept
    settings.PART_CACHE_SECONDS = 0
    assert client.get("/en/news/signed/").content.decode() == kept


def test_staff_get_a_fresh_article(client, watched):
    make_article(slug="signed", title_en="Signed")
    client.get("/en/news/signed/")
    sign_in_fully(client, get_user_model().objects.create_superuser("chief", "", "pass-phrase-1"))
    watched["templates"].clear()
    assert client.get("/en/news/signed/").status_code == 200
    assert watched["templates"]
