"""Security headers on every response, and sign-in protected against guessing."""

import base64
import datetime
import hashlib
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.mark.parametrize("path", ["/zh-hans/", "/en/cities/", "/admin/login/", "/en/no-such-page/"])
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path)
    policy = directives(response)
    script_sources = policy["script-src"]
    assert script_sources[0] == "'self'", "no inline or evaluated script, no other host"
    assert all(source.startswith("'sha256-") for source in script_sources[1:]), script_sources
    assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["base-uri"] == ["'self'"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user(
        "editor", password="right-pass-phrase", is_staff=True
    )


def sign_in(client, password, username="editor"):
    return client.post(LOGIN, {"username": username, "password": password})


def test_sign_in_is_locked_after_five_wrong_passwords(client, editor):
    client.cookies["django_language"] = "en"
    for _attempt in range(4):
        assert sign_in(client, "guess").status_code == 200  # the form again, with its error
    locked = sign_in(client, "guess")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Sign-in locked" in page and "paused" in page and "15 minutes" in page
    # Now even the right password is refused, for this user name from here...
    assert sign_in(client, "right-pass-phrase").status_code == 429
    assert "_auth_user_id" not in client.session
    # ...but not for another member of staff.
    get_user_model().objects.create_user("translator", password="other-pass", is_staff=True)
    assert sign_in(client, "other-pass", username="translator").status_code == 302


def test_the_lock_lifts_after_the_pause(client, editor):
    for _attempt in range(5):
        sign_in(client, "guess")
    assert sign_in(client, "right-pass-phrase").status_code == 429
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=16)
    with time_machine.travel(later):
        assert sign_in(client, "right-pass-phrase").status_code == 302


def test_a_successful_sign_in_clears_the_count(client, editor):
    for _attempt in range(4):
        sign_in(client, "guess")
    assert sign_in(client, "right-pass-phrase").status_code == 302
    client.logout()
    for _attempt in range(4):
        assert sign_in(client, "guess").status_code == 200


def test_the_admin_allows_only_the_editors_import_map_by_its_hash(admin_client):
    from tests.factories import make_city

    city = make_city()
    response = admin_client.get(f"/admin/cities/city/{city.pk}/change/")
    [importmap] = re.findall(
        r'<script type="importmap">(.*?)</script>', response.content.decode(), re.S
    )
    digest = base64.b64encode(hashlib.sha256(importmap.encode()).digest()).decode()
    assert directives(response)["script-src"] == ["'self'", f"'sha256-{digest}'"]
    assert directives(admin_client.get("/en/"))["script-src"] == ["'self'"], "public pages: none"


def test_the_policy_built_once_is_django_csps_and_follows_the_settings(client, settings):
    """The portal builds a plain response's policy once per process: it must be the one
    django-csp builds from the settings, report-only twin included, and a change of the
    settings must show."""
    from csp.utils import build_policy

    assert client.get("/en/")["Content-Security-Policy"] == build_policy()
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "img-src": ["'self'"]}
    }
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    response = client.get("/en/")
    assert directives(response)["img-src"] == ["'self'"]
    assert response["Content-Security-Policy"] == build_policy()
    assert response["Content-Security-Policy-Report-Only"] == "default-src 'none'"
