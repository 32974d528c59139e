"""Changes to a published record by a non-publisher wait for a publisher."""

import pytest
from pytest_django.asserts import assertContains

from news.models import Article
from portal.editorial.models import PendingChange
from tests.admin_forms import admin_form_data
from tests.factories import make_article, make_city
from tests.two_factor import sign_in_fully

pytestmark = pytest.mark.django_db
CHANGE = "/admin/news/article/{}/change/"


def post_change(client, article, **changes):
    url = CHANGE.format(article.pk)
    return client.post(url, admin_form_data(client.get(url), **changes))


@pytest.mark.parametrize("role", ["Editors", "Translators"])
def test_a_non_publishers_change_to_a_live_article_waits(client, sign_in, role):
    sign_in(role)
    article = make_article(slug="live", title_en="Published title")
    response = post_change(client, article, title_en="Proposed title")
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).title_en == "Published title"
    assertContains(client.get("/en/news/live/"), "<h1>Published title</h1>", html=True)
    pending = PendingChange.objects.get()
    assert pending.values == {"title_en": "Proposed title"}


def test_drafts_are_changed_directly(client, sign_in):
    sign_in("Editors")
    article = make_article(status="draft", title_en="Draft")
    post_change(client, article, title_en="Better draft")
    assert Article.objects.get(pk=article.pk).title_en == "Better draft"
    assert not PendingChange.objects.exists()


def test_publisher_sees_applies_and_the_change_goes_live_as_a_version(
    client, sign_in, django_user_model
):
    publisher_client = client.__class__()
    publisher = django_user_model.objects.create_superuser("boss", "", "pw")
    sign_in("Editors")
    karachi = make_city(slug="karachi")
    article = make_article(
        slug="live", title_zh_hans="签约仪式", title_en="Published title", cities=[karachi]
    )
    lodz = make_city(slug="lodz", name_en="Lodz")
    post_change(client, article, title_en="Proposed title", cities=[str(karachi.pk), str(lodz.pk)])
    change = PendingChange.objects.get()

    sign_in_fully(publisher_client, publisher)
    publisher_client.cookies["django_language"] = "en"
    page = publisher_client.get(CHANGE.format(article.pk)).content.decode()
    assert "wait for a publisher" in page and "<ins>Proposed</ins>" in page
    url = f"/admin/news/article/{article.pk}/pending/{change.pk}/apply/"
    assert publisher_client.post(url).status_code == 302
    article.refresh_from_db()
    assert article.title_en == "Proposed title"
    assert set(article.cities.values_list("slug", flat=True)) == {"karachi", "lodz"}
    assert not PendingChange.objects.exists()
    latest = article.history.order_by("-history_id").first()
    assert latest.history_change_reason.startswith("Applied changes by")
    assert latest.history_user == publisher


def test_editors_cannot_apply_but_may_discard_their_own(client, sign_in):
    sign_in("Editors")
    article = make_article(title_en="Published title")
    post_change(client, article, title_en="Proposed title")
    change = PendingChange.objects.get()
    base = f"/admin/news/article/{article.pk}/pending/{change.pk}"
    assert client.post(f"{base}/apply/").status_code == 403
    assert client.get(f"{base}/discard/").status_code == 404, "only by POST"
    assert client.post(f"{base}/discard/").status_code == 302
    assert not PendingChange.objects.exists()
    assert Article.objects.get(pk=article.pk).title_en == "Published title"


def test_odd_pending_urls_are_not_found(client, sign_in):
    sign_in("Publishers")
    article = make_article()
    for url in (
        f"{article.pk}/pending/999/apply/",
        f"{article.pk}/pending/1/explode/",
        "abc/pending/1/apply/",
    ):
        assert client.post(f"/admin/news/article/{url}").status_code == 404


def test_publishers_front_page_lists_changes_waiting(client, sign_in, django_user_model):
    sign_in("Editors")
    article = make_article(title_en="Live report")
    post_change(client, article, title_en="Better report")
    sign_in_fully(client, django_user_model.objects.create_superuser("boss", "", "pw"))
    page = client.get("/admin/").content.decode()
    waiting = page.split("Changes to published pages")[1].split("Scheduled")[0]
    assert "Live report" in waiting and "editors" in waiting


def test_editors_cannot_change_exchanges_of_a_published_city(client, sign_in):
    from cities.models import Exchange
    from tests.factories import make_exchange

    sign_in("Editors")
    city = make_city(slug="karachi")
    exchange = make_exchange(city, title_en="Signing")
    url = f"/admin/cities/exchange/{exchange.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200 and 'name="title_en"' not in page.content.decode()
    client.post(url, {"title_en": "Changed", "city": city.pk})
    assert Exchange.objects.get(pk=exchange.pk).title_en == "Signing"
    add = client.get("/admin/cities/exchange/add/")
    data = admin_form_data(
        add,
        city=str(city.pk),
        date="2020-01-01",
        precision="day",
        kind="visit",
        title_en="New",
        original_language="en",
    )
    response = client.post("/admin/cities/exchange/add/", data)
    assert response.status_code == 200 and "city" in response.context["adminform"].form.errors
    assert Exchange.objects.count() == 1


def test_inline_exchanges_of_a_published_city_are_read_only_for_editors(client, sign_in):
    from tests.factories import make_exchange

    sign_in("Editors")
    city = make_city(slug="karachi")
    make_exchange(city, title_en="Signing")
    html = client.get(f"/admin/cities/city/{city.pk}/change/").content.decode()
    assert 'name="exchanges-0-title_en"' not in html and "Signing" in html
