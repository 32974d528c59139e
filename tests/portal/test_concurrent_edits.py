"""When two people edit one record, the later save never silently overwrites the earlier."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from news.models import Article
from tests.admin_forms import admin_form_data
from tests.factories import make_article
from tests.two_factor import sign_in_fully

pytestmark = pytest.mark.django_db
URL = "/admin/news/article/{}/change/"


def editor(name):
    client = Client()
    sign_in_fully(client, User.objects.create_superuser(name, f"{name}@example.org", "pw"))
    client.cookies["django_language"] = "en"
    return client


def test_second_save_is_refused_with_both_texts_then_kept_on_purpose(db):
    # An original without a figure: the English titles below need no QA reason.
    article = make_article(title_zh_hans="原标题", title_en="Original title")
    url = URL.format(article.pk)
    alice, bob = editor("alice"), editor("bob")
    alice_page, bob_page = alice.get(url), bob.get(url)

    assert alice.post(url, admin_form_data(alice_page, title_en="Alice's title")).status_code == 302
    refused = bob.post(url, admin_form_data(bob_page, title_en="Bob's title"))

    assert refused.status_code == 200
    html = refused.content.decode()
    assert "Someone else saved this record" in html
    assert "Alice&#x27;s title" in html and "Bob&#x27;s title" in html, "both texts are shown"
    assert Article.objects.get(pk=article.pk).title_en == "Alice's title", "nothing overwritten"

    again = bob.post(url, admin_form_data(refused))
    assert again.status_code == 302, "saving again after seeing the conflict keeps Bob's text"
    assert Article.objects.get(pk=article.pk).title_en == "Bob's title"


def test_one_person_saving_twice_is_not_a_conflict(db):
    article = make_article(title_zh_hans="标题")
    url = URL.format(article.pk)
    alice = editor("alice")
    assert alice.post(url, admin_form_data(alice.get(url), title_en="One")).status_code == 302
    assert alice.post(url, admin_form_data(alice.get(url), title_en="Two")).status_code == 302


@pytest.mark.parametrize(
    ("url", "field", "make"),
    [
        ("/admin/cities/country/{}/change/", "name_en", "country"),
        ("/admin/news/category/{}/change/", "name_en", "category"),
    ],
)
def test_every_translated_record_is_protected(db, url, field, make):
    from tests.factories import make_category, make_country

    record = make_country("PK") if make == "country" else make_category()
    url = url.format(record.pk)
    alice, bob = editor("alice"), editor("bob")
    alice_page, bob_page = alice.get(url), bob.get(url)
    assert alice.post(url, admin_form_data(alice_page, **{field: "Alice"})).status_code == 302
    assert bob.post(url, admin_form_data(bob_page, **{field: "Bob"})).status_code == 200
    record.refresh_from_db()
    assert getattr(record, field) == "Alice"
