"""The caching package's keys: a deployment, a restored database and the day each give
pages of their own; the HTTP headers a proxy in front relies on."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from portal.caching import deploy, revision
from portal.caching.models import SiteRevision
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(db):
    return make_article(slug="signing", title_en="Signing in Shenyang")


@pytest.mark.parametrize("changed", ["templates/card.html", "locale/en/django.mo", "app/x.py"])
def test_the_deploy_id_changes_with_any_template_catalog_or_code(tmp_path, settings, changed):
    settings.BASE_DIR = tmp_path
    for name in ("templates/card.html", "locale/en/django.mo", "app/x.py", "var/data.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("one")
    deploy.deploy_id.cache_clear()
    try:
        before = deploy.deploy_id()
        (tmp_path / "var" / "data.json").write_text("two")  # not deployed: no change
        deploy.deploy_id.cache_clear()
        assert deploy.deploy_id() == before
        (tmp_path / changed).write_text("two")
        deploy.deploy_id.cache_clear()  # a restart
        assert deploy.deploy_id() != before
    finally:
        deploy.deploy_id.cache_clear()


def test_a_page_cached_by_another_deployment_is_not_served(client, article, monkeypatch):
    client.get("/en/news/signing/")
    assert client.get("/en/news/signing/")["X-Page-Cache"] == "hit"
    monkeypatch.setattr(deploy, "deploy_id", lambda: "after-a-restart")
    monkeypatch.setattr("portal.caching.pages.deploy_id", lambda: "after-a-restart")
    assert client.get("/en/news/signing/")["X-Page-Cache"] == "miss"


def test_a_restored_database_never_meets_the_old_databases_pages(client, article):
    """The token is random, not a counter: a database without the row (restored, or
    another one) starts with a token of its own, never one an older page is filed under."""
    client.get("/en/news/signing/")
    assert client.get("/en/news/signing/")["X-Page-Cache"] == "hit"
    old = revision.current()
    SiteRevision.objects.all().delete()  # a restore leaves the row out (backup.LEFT_OUT)
    revision.bump()
    assert revision.current() not in (None, old)
    assert client.get("/en/news/signing/")["X-Page-Cache"] == "miss"


def test_the_footer_year_turns_with_the_year(client, article):
    new_year = datetime.datetime(2027, 1, 1, tzinfo=timezone.get_current_timezone())
    with time_machine.travel(new_year - datetime.timedelta(minutes=1), tick=False):
        assert "© 2026" in client.get("/en/news/").content.decode()
        assert client.get("/en/news/")["X-Page-Cache"] == "hit"
    with time_machine.travel(new_year + datetime.timedelta(minutes=1), tick=False):
        assert "© 2027" in client.get("/en/news/").content.decode()


def test_visitors_pages_carry_cache_control_and_an_etag_a_proxy_can_use(client, article):
    response = client.get("/en/news/signing/")
    control = dict(
        part.split("=") if "=" in part else (part, True)
        for part in response["Cache-Control"].split(", ")
    )
    assert control["public"] is True and control["max-age"] == "0"
    assert int(control["s-maxage"]) > 0 and int(control["stale-while-revalidate"]) > 0
    assert response["ETag"].startswith('W/"')
    assert "Cookie" not in response.get("Vary", ""), "the proxy keys care mode by its cookie"


def test_a_conditional_get_gets_a_304_until_the_site_changes(client, article):
    etag = client.get("/en/news/signing/")["ETag"]
    again = client.get("/en/news/signing/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    article.title_en = "Corrected"
    article.save()
    assert client.get("/en/news/signing/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_the_feed_answers_a_conditional_get_with_a_304(client, article):
    first = client.get("/en/news/feed/")
    assert first.status_code == 200 and "Last-Modified" in first
    again = client.get("/en/news/feed/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304


def test_care_mode_is_a_page_of_its_own_with_its_own_etag(client, article):
    standard = client.get("/en/news/signing/")
    client.cookies["care_mode"] = "1"
    care = client.get("/en/news/signing/")
    assert care["X-Page-Cache"] == "miss" and care["ETag"] != standard["ETag"]
    assert 'class="care"' in care.content.decode()


def test_staff_forms_and_previews_are_private_and_never_stored(admin_client, article):
    article.status = "draft"
    article.save()
    preview = admin_client.get("/en/news/signing/")
    assert preview.status_code == 200
    assert set(preview["Cache-Control"].split(", ")) >= {"private", "no-store"}
    admin = admin_client.get("/admin/")
    assert "no-store" in admin["Cache-Control"]


@pytest.mark.django_db(transaction=True)
def test_a_scheduled_article_limits_how_long_a_proxy_keeps_pages(client, article):
    soon = timezone.now() + datetime.timedelta(minutes=10)
    make_article(slug="later", title_en="Later", published_at=soon)
    control = client.get("/en/news/")["Cache-Control"]
    seconds = int(control.split("s-maxage=")[1].split(",")[0])
    assert 0 < seconds <= 600


def test_a_reconnection_adds_no_second_write_hook(db):
    """The hook is per connection object, which Django reuses across reconnections
    (each added one more, until every query hit a RecursionError)."""
    from django.db import connection

    for _ in range(3):
        connection.close()
        connection.ensure_connection()
    assert connection.execute_wrappers.count(revision._around_write) == 1


@pytest.mark.django_db(transaction=True)
def test_a_committed_change_is_published_though_an_inner_block_rolled_back(article):
    from django.db import transaction

    published = []
    revision.site_changed.connect(lambda **kwargs: published.append(kwargs["token"]), weak=False)
    try:
        with transaction.atomic():
            article.title_en = "Kept"
            article.save()
            try:
                with transaction.atomic():
                    make_article(slug="dropped")
                    raise RuntimeError
            except RuntimeError:
                pass
    finally:
        revision.site_changed.receivers.clear()
    token = SiteRevision.objects.get().token
    assert published == [token] and revision.current() == token


def test_figures_kept_per_revision_are_not_read_by_another_deployment(monkeypatch):
    from portal.caching import counts

    assert counts.per_revision("shape", lambda: {"old": 1}) == {"old": 1}
    monkeypatch.setattr(counts, "deploy_id", lambda: "after-a-restart")
    assert counts.per_revision("shape", lambda: {"new": 2}) == {"new": 2}


def test_a_withdrawn_newest_article_is_not_answered_with_a_304(client, article):
    """The feed's own date is its newest item's: a withdrawal left it where it was."""
    first = client.get("/en/news/feed/")
    since = first["Last-Modified"]
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=5)):
        article.status = "withdrawn"
        article.save()
        again = client.get("/en/news/feed/", HTTP_IF_MODIFIED_SINCE=since)
    assert again.status_code == 200 and b"Signing in Shenyang" not in again.content
