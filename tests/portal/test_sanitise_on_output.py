"""Rich text is made safe when a page prints it, not only when a form saves it: HTML
that reached the database another way (a restore, `QuerySet.update()`) is cleaned."""

import re
import shutil

import pytest
from django.core.management import call_command
from django.test import Client

from cities.models import City
from news.models import Article
from tests.factories import make_article, make_city

HOSTILE = '<p>Fine words<script>alert("x")</script><img src="x" onerror="alert(1)"></p>'


def pages_of(article, city):
    return [
        f"/{language}/{path}"
        for language in ("zh-hans", "en")
        for path in (f"news/{article.slug}/", f"cities/{city.slug}/", "", "news/", "cities/")
    ]


def assert_clean(client, paths):
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        page = response.content.decode()
        # The only script element a page may hold is its JSON-LD data block.
        scripts = re.findall(r"<script[^>]*>", page)
        assert set(scripts) <= {'<script type="application/ld+json">'}, path
        assert "onerror" not in page and "alert(" not in page, path
        assert "Fine words" in page or not path.endswith(("/news/signing/", "/karachi/")), path


def test_html_stored_around_the_sanitiser_never_reaches_a_page(client, db):
    article = make_article(slug="signing")
    city = make_city(slug="karachi")
    Article.objects.filter(pk=article.pk).update(body_en=HOSTILE, body_zh_hans=HOSTILE)
    City.objects.filter(pk=city.pk).update(basic_info_en=HOSTILE, basic_info_zh_hans=HOSTILE)
    assert_clean(client, pages_of(article, city))


@pytest.mark.django_db(transaction=True)
def test_a_restored_archive_holding_script_and_onerror_shows_neither(tmp_path, media_dirs):
    article = make_article(slug="signing")
    city = make_city(slug="karachi")
    Article.objects.filter(pk=article.pk).update(body_en=HOSTILE, body_zh_hans=HOSTILE)
    City.objects.filter(pk=city.pk).update(geography_en=HOSTILE, geography_zh_hans=HOSTILE)
    archive = tmp_path / "hostile.zip"
    call_command("backup", str(archive))

    call_command("flush", interactive=False)
    for folder in media_dirs:
        shutil.rmtree(folder, ignore_errors=True)
    call_command("restore", str(archive))

    restored = Article.objects.get(slug="signing")
    assert "<script>" in restored.body_en, "the archive held it, and restore kept it raw"
    assert_clean(Client(), pages_of(restored, City.objects.get(slug="karachi")))
