"""Security headers on every response, and sign-in protected against guessing."""

import base64
import datetime
import hashlib
import logging
import re

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client

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


def sign_in(client, password, username="editor", **meta):
    return client.post(LOGIN, {"username": username, "password": password}, **meta)


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


def test_a_user_name_longer_than_any_account_is_refused_before_it_is_checked(client, editor):
    """Django's sign-in form only sets the input's maxlength: a longer name went on to
    authenticate() and django-axes, whose record of the failure (255 characters)
    PostgreSQL refused with a server error (found by wapiti's file module)."""
    from axes.models import AccessAttempt

    client.cookies["django_language"] = "en"
    refused = sign_in(client, "guess", username="php://filter/" + "x" * 4000)
    assert refused.status_code == 200
    assert "at most 150 characters" in refused.content.decode()
    assert not AccessAttempt.objects.exists(), "no account has such a name: nothing to count"
    # The longest name an account can have is still checked, and a wrong password counted.
    longest = "e" * 150
    get_user_model().objects.create_user(longest, password="long-pass", is_staff=True)
    assert sign_in(client, "guess", username=longest).status_code == 200
    assert AccessAttempt.objects.get().username == longest
    assert sign_in(client, "long-pass", username=longest).status_code == 302


PROXY, OTHER_PEER = "10.0.0.2", "192.0.2.66"
ALICE, MALLORY = "203.0.113.7", "198.51.100.9"


def through_proxy(client_address, forged=""):
    """A request as the proxy passes it on: from the proxy, with the client's address
    appended to whatever X-Forwarded-For the client itself sent."""
    forwarded = f"{forged}, {client_address}" if forged else client_address
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": forwarded}


def counted_addresses(username="editor"):
    from axes.models import AccessAttempt

    return sorted(
        AccessAttempt.objects.filter(username=username).values_list("ip_address", flat=True)
    )


@pytest.fixture
def behind_a_proxy(settings):
    settings.FORWARDED_ALLOW_IPS = [PROXY]


def test_behind_a_proxy_one_client_is_locked_out_and_another_is_not(behind_a_proxy, editor):
    mallory, alice = Client(), Client()
    for attempt in range(4):
        # Each time another forged address in front: only the proxy's own entry counts.
        headers = through_proxy(MALLORY, forged=f"1.2.3.{attempt}")
        assert sign_in(mallory, "guess", **headers).status_code == 200
    assert sign_in(mallory, "guess", **through_proxy(MALLORY, forged="9.9.9.9")).status_code == 429
    assert sign_in(mallory, "right-pass-phrase", **through_proxy(MALLORY)).status_code == 429
    assert counted_addresses() == [MALLORY]
    # Alice, through the same proxy, signs in as the same person.
    assert sign_in(alice, "right-pass-phrase", **through_proxy(ALICE)).status_code == 302
    assert "_auth_user_id" in alice.session


def test_x_forwarded_for_from_a_peer_that_is_not_a_trusted_proxy_is_ignored(behind_a_proxy, editor):
    intruder = Client()
    for _attempt in range(5):
        sign_in(intruder, "guess", REMOTE_ADDR=OTHER_PEER, HTTP_X_FORWARDED_FOR=ALICE)
    assert counted_addresses() == [OTHER_PEER], "counted under its own address, not Alice's"
    assert sign_in(intruder, "right-pass-phrase", REMOTE_ADDR=OTHER_PEER).status_code == 429
    assert sign_in(Client(), "right-pass-phrase", **through_proxy(ALICE)).status_code == 302


def test_a_wrong_code_behind_a_proxy_counts_under_the_clients_address(behind_a_proxy):
    from django.contrib.auth.models import Group

    from tests.two_factor import give_app

    publisher = get_user_model().objects.create_user("pub", password="pass-1", is_staff=True)
    publisher.groups.add(Group.objects.get(name="Publishers"))
    give_app(publisher)
    client = Client()
    client.cookies["django_language"] = "en"
    step = client.post(LOGIN, {"username": "pub", "password": "pass-1"}, **through_proxy(ALICE))
    assert step["Location"] == "/admin/two-factor/verify/"
    refused = client.post("/admin/two-factor/verify/", {"code": "123456"}, **through_proxy(ALICE))
    assert "That code is not right" in refused.content.decode()
    assert counted_addresses("pub") == [ALICE]


@pytest.mark.parametrize(
    ("allowed", "peer", "forwarded", "counted"),
    [
        (["127.0.0.1"], "127.0.0.1", None, "127.0.0.1"),  # no proxy said anything
        (["127.0.0.1"], "127.0.0.1", "1.2.3.4, 203.0.113.7", "203.0.113.7"),
        (["127.0.0.1"], "192.0.2.66", "203.0.113.7", "192.0.2.66"),
        # A chain of trusted proxies is passed over, right to left.
        (["10.0.0.0/8"], "10.0.0.2", "1.2.3.4, 203.0.113.7, 10.0.0.9", "203.0.113.7"),
        (["10.0.0.0/8"], "10.0.0.2", "10.0.0.9", "10.0.0.9"),  # a client inside
        (["*"], "192.0.2.66", "1.2.3.4, 203.0.113.7", "203.0.113.7"),
        (["127.0.0.1"], "127.0.0.1", "203.0.113.7, unknown", "127.0.0.1"),
        (["127.0.0.1"], "127.0.0.1", "2001:db8:0:0::1", "2001:db8::1"),
        (["127.0.0.1"], "", "203.0.113.7", "203.0.113.7"),  # a Unix socket: trusted
    ],
)
def test_which_address_is_the_clients(settings, rf, allowed, peer, forwarded, counted):
    from portal.client_address import client_address

    settings.FORWARDED_ALLOW_IPS = allowed
    meta = {"REMOTE_ADDR": peer} | ({"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {})
    assert client_address(rf.post(LOGIN, **meta)) == counted


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


def test_a_disallowed_host_is_a_400_logged_in_one_line(client, settings, caplog):
    """Not a cache failure with a traceback: Django's own answer and its one line."""
    settings.DEBUG = False
    with caplog.at_level(logging.INFO):
        response = client.get("/en/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "Page cache unavailable" not in caplog.text
    [record] = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert record.name == "django.security.DisallowedHost"
    assert "'evil.example'" in record.getMessage() and record.exc_info is None
    assert "Traceback" not in caplog.text
