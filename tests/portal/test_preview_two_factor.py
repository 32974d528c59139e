"""A publisher who has not passed the second sign-in step sees no draft on the public site."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_an_unverified_publisher_gets_404_for_a_draft(client, django_user_model):
    make_article(slug="draft", status="draft")
    publisher = django_user_model.objects.create_user("boss", password="pw", is_staff=True)
    publisher.groups.add(Group.objects.get(name="Publishers"))
    client.force_login(publisher)  # a session from before two-factor sign-in: no second step
    assert client.get("/en/news/draft/").status_code == 404


def test_an_editor_without_two_factor_still_previews(client, sign_in):
    make_article(slug="draft", status="draft")
    sign_in("Editors")
    assert client.get("/en/news/draft/").status_code == 200
