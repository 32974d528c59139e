"""Fixtures shared by several test modules of this folder."""

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tests.factories import make_article, make_city, make_photo
from tests.portal.editions import EDITED


@pytest.fixture
def translator(db):
    """A staff member in the Translators role, not signed in: the command names them."""
    user = get_user_model().objects.create_user("translator", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Translators"))
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def untranslated_records(db):
    """Two draft articles, a draft city and its photo, in Chinese only; returns
    `(visit, forum, city, photo)`."""
    visit = make_article(
        slug="visit",
        title_zh_hans="卡拉奇代表团访问沈阳",
        title_en="",
        body_zh_hans="<p>卡拉奇<strong>代表团</strong>访问<br>沈阳。</p><p>第二段</p>",
        body_en="",
        original_language="zh-hans",
        status="draft",
    )
    forum = make_article(
        slug="forum",
        title_zh_hans="论坛",
        title_en="",
        body_zh_hans="<p>论坛举行。</p>",
        body_en="",
        original_language="zh-hans",
        status="draft",
    )
    city = make_city(slug="karachi", name_zh_hans="卡拉奇", name_en="", status="draft")
    photo = make_photo(city, alt_zh_hans="卡拉奇港口", alt_en="")
    return visit, forum, city, photo


@pytest.fixture
def frozen_clock():
    """The clock stopped at `EDITED`, when the stale-edition tests change an original."""
    with time_machine.travel(EDITED, tick=False):
        yield


@pytest.fixture
def published_karachi(db):
    """Karachi, published: the city the picture tests post photos to."""
    return make_city(slug="karachi", name_en="Karachi", name_zh_hans="卡拉奇", status="published")


@pytest.fixture
def english_admin(admin_client):
    """The signed-in superuser's client, reading the admin in English."""
    admin_client.cookies["django_language"] = "en"
    return admin_client
