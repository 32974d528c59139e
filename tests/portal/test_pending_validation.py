"""Applying a pending change validates it: a conflict is a message, never a 500."""

import pytest
from django.contrib.messages import get_messages

from news.models import Article
from portal.editorial.models import PendingChange
from tests.admin_forms import admin_form_data
from tests.factories import make_article, make_city
from tests.two_factor import sign_in_fully

pytestmark = pytest.mark.django_db
CHANGE = "/admin/news/article/{}/change/"


@pytest.fixture
def propose(client, sign_in):
    """An editor proposes `changes` to a published article; returns the article."""
    sign_in("Editors")

    def proposed(article, **changes):
        url = CHANGE.format(article.pk)
        client.post(url, admin_form_data(client.get(url), **changes))
        return PendingChange.objects.get()

    return proposed


def apply_as_publisher(client, django_user_model, article, change):
    publisher = django_user_model.objects.create_user("boss", password="pw", is_staff=True)
    from django.contrib.auth.models import Group

    publisher.groups.add(Group.objects.get(name="Publishers"))
    sign_in_fully(client, publisher)
    client.cookies["django_language"] = "en"
    url = f"/admin/news/article/{article.pk}/pending/{change.pk}/apply/"
    response = client.post(url, follow=True)
    return response, [str(message) for message in get_messages(response.wsgi_request)]


def test_a_slug_taken_meanwhile_is_refused_with_what_to_fix(client, propose, django_user_model):
    article = make_article(slug="signing", title_zh_hans="签约", title_en="Signing")
    change = propose(article, slug="ceremony", title_en="The ceremony")
    make_article(slug="ceremony")  # another article takes the slug first

    response, messages = apply_as_publisher(client, django_user_model, article, change)
    assert response.status_code == 200
    assert any("cannot be applied" in message and "slug" in message for message in messages)
    article.refresh_from_db()
    assert (article.slug, article.title_en) == ("signing", "Signing"), "nothing half-applied"
    assert PendingChange.objects.filter(pk=change.pk).exists(), "the change still waits"


def test_a_related_city_deleted_meanwhile_is_refused(client, propose, django_user_model):
    karachi, lodz = make_city(slug="karachi"), make_city(slug="lodz")
    article = make_article(slug="signing", cities=[karachi])
    change = propose(article, cities=[str(karachi.pk), str(lodz.pk)])
    lodz.delete()

    response, messages = apply_as_publisher(client, django_user_model, article, change)
    assert response.status_code == 200
    assert any("deleted since" in message for message in messages)
    assert list(Article.objects.get(pk=article.pk).cities.values_list("slug", flat=True)) == [
        "karachi"
    ]
