"""Roles and the editorial workflow, enforced on the server, through real requests."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from cities.models import City
from news.models import Article
from tests.admin_forms import admin_form_data
from tests.factories import make_article, make_category, make_city

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_role(client, sign_in):
    """`as_role("Editors")`: the test client, signed in as a member of that role."""

    def signed_in(role):
        sign_in(role)
        return client

    return signed_in


@pytest.fixture
def draft(db):
    karachi = make_city(slug="karachi", name_en="Karachi")
    make_category()
    return make_article(slug="draft", status="draft", title_en="Draft", cities=[karachi])


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def post_change(client, obj, **changes):
    page = client.get(change_url(obj))
    assert page.status_code == 200
    return client.post(change_url(obj), admin_form_data(page, **changes))


def test_roles_exist_as_groups():
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Editors",
        "Translators",
        "Publishers",
    }


def test_editor_posting_published_publishes_nothing_and_is_told_why(as_role, draft):
    response = post_change(as_role("Editors"), draft, status="published")
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["status"]
    assert errors == [
        "Only publishers may publish, schedule or withdraw. Submit it for review instead."
    ]
    draft.refresh_from_db()
    assert draft.status == "draft" and not Article.objects.published().exists()


def test_the_status_list_offers_each_role_only_the_moves_it_may_make(as_role, draft):
    def offered(client, url):
        form = client.get(url).context["adminform"].form
        return [value for value, _label in form.fields["status"].widget.choices]

    editor = as_role("Editors")
    assert offered(editor, reverse("admin:news_article_add")) == ["draft", "review"]
    assert offered(editor, change_url(draft)) == ["draft", "review"]
    publisher = as_role("Publishers")
    assert offered(publisher, change_url(draft)) == ["draft", "review", "published", "withdrawn"]


@pytest.mark.parametrize("status", ["published", "withdrawn"])
def test_editor_cannot_create_a_published_or_withdrawn_article(as_role, db, status):
    client = as_role("Editors")
    page = client.get(reverse("admin:news_article_add"))
    data = admin_form_data(
        page, title_en="New", title_zh_hans="新", slug="new", status=status, original_language="en"
    )
    response = client.post(reverse("admin:news_article_add"), data)
    assert response.status_code == 200 and "status" in response.context["adminform"].form.errors
    assert not Article.objects.filter(slug="new").exists()


def test_editor_submits_for_review_and_can_take_it_back(as_role, draft):
    client = as_role("Editors")
    assert post_change(client, draft, status="review").status_code == 302
    draft.refresh_from_db()
    assert draft.status == "review"
    assert post_change(client, draft, status="draft").status_code == 302


def test_editor_cannot_schedule(as_role, draft):
    future = timezone.localtime() + datetime.timedelta(days=1)
    response = post_change(
        as_role("Editors"),
        draft,
        published_at_0=future.strftime("%Y-%m-%d"),
        published_at_1=future.strftime("%H:%M:%S"),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.published_at is None, "the posted time is ignored: the field is not theirs"


def test_publisher_publishes_schedules_and_withdraws(as_role, draft):
    client = as_role("Publishers")
    future = timezone.localtime() + datetime.timedelta(days=1)
    response = post_change(
        client,
        draft,
        status="published",
        published_at_0=future.strftime("%Y-%m-%d"),
        published_at_1=future.strftime("%H:%M:%S"),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "published" and not draft.is_live, "scheduled"
    # Clearing the time of a published article publishes it now.
    assert post_change(client, draft, published_at_0="", published_at_1="").status_code == 302
    draft.refresh_from_db()
    assert draft.published_at is not None and draft.is_live
    assert post_change(client, draft, status="withdrawn").status_code == 302
    draft.refresh_from_db()
    assert draft.status == "withdrawn"


def test_translator_changes_text_only_whatever_is_posted(as_role, draft):
    client = as_role("Translators")
    other = make_city(slug="lodz", name_en="Lodz")
    response = post_change(
        client,
        draft,
        title_en="Translated title",
        slug="hijacked",
        status="published",
        published_at_0="2020-01-01",
        published_at_1="00:00:00",
        cities=[str(other.pk)],
        featured="on",
        original_language="en",
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title_en == "Translated title"
    assert draft.slug == "draft" and draft.status == "draft" and draft.published_at is None
    assert list(draft.cities.values_list("slug", flat=True)) == ["karachi"]
    assert not draft.featured and draft.original_language == "zh-hans"


def test_translator_cannot_add_or_delete(as_role, draft):
    client = as_role("Translators")
    assert client.get(reverse("admin:news_article_add")).status_code == 403
    assert (
        client.post(
            reverse("admin:news_article_delete", args=[draft.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    assert Article.objects.filter(pk=draft.pk).exists()


def test_translator_edits_city_text_but_not_its_facts(as_role, db):
    city = make_city(slug="karachi", name_en="Karachi", population=100, status="draft")
    response = post_change(
        as_role("Translators"),
        city,
        name_zh_hans="卡拉奇",
        population="999",
        slug="other",
        **{"exchanges-TOTAL_FORMS": "0"},
    )
    assert response.status_code == 302
    city.refresh_from_db()
    assert city.name_zh_hans == "卡拉奇" and city.population == 100 and city.slug == "karachi"


def test_editor_cannot_publish_a_city(as_role, db):
    city = make_city(slug="karachi", status="review")
    response = post_change(as_role("Editors"), city, status="published")
    assert response.status_code == 200
    city.refresh_from_db()
    assert city.status == "review"
    assert not City.objects.published().exists()


def test_only_publishers_delete_articles(as_role, draft):
    url = reverse("admin:news_article_delete", args=[draft.pk])
    assert as_role("Editors").post(url, {"post": "yes"}).status_code == 403
    assert as_role("Publishers").post(url, {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(pk=draft.pk).exists()


@pytest.mark.parametrize("role", ["Editors", "Translators", "Publishers"])
def test_staff_preview_drafts_at_their_public_address_with_a_banner(as_role, draft, role):
    client = as_role(role)
    response = client.get("/en/news/draft/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Preview for staff" in html and "Draft" in html
    assert "no-store" in response["Cache-Control"] and response["X-Robots-Tag"] == "noindex"


def test_visitors_get_not_found_for_the_same_draft(client, draft):
    assert client.get("/en/news/draft/").status_code == 404


def test_view_on_site_reaches_a_draft_city_preview(as_role, db):
    city = make_city(slug="karachi", status="draft")
    client = as_role("Editors")
    page = client.get(change_url(city)).content.decode()
    view_on_site = page.split('class="viewsitelink"')[0].rsplit('href="', 1)[1].split('"')[0]
    response = client.get(view_on_site, follow=True)
    assert response.status_code == 200 and "Preview for staff" in response.content.decode()


def test_live_pages_carry_no_banner_for_staff(as_role, db):
    make_article(slug="live")
    assert "Preview for staff" not in as_role("Editors").get("/en/news/live/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_roles_survive_a_flush():
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    publishers = Group.objects.get(name="Publishers")
    assert publishers.permissions.filter(codename="publish_article").exists()
