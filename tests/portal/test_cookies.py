"""Every cookie the portal sets, read off a production server (DEBUG=0): HttpOnly,
SameSite=Lax and Secure, on public pages, the language switch and the admin."""

import os
import re
import subprocess
import sys
from http.cookies import SimpleCookie

import pytest

from portal.operations.bench.server import ROOT, gunicorn
from tests.servers import Browser

PRODUCTION = {"DEBUG": "0", "SECRET_KEY": "cookie-test-" + "c" * 50, "ALLOWED_HOSTS": "127.0.0.1"}

MAKE_EDITOR = """
from django.contrib.auth.models import Group, User
user = User.objects.create_user("editor", password="pw-editor-1", is_staff=True)
user.groups.add(Group.objects.get(name="Editors"))
"""


def manage(environment, *args):
    env = {**os.environ, **environment}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    folder = tmp_path_factory.mktemp("production")
    environment = {
        **PRODUCTION,
        "STATIC_ROOT": str(folder / "static"),
        "MEDIA_ROOT": str(folder / "media"),
        "ORIGINALS_ROOT": str(folder / "originals"),
        "DATABASE_URL": f"sqlite:///{folder / 'portal.sqlite3'}",
    }
    manage(environment, "migrate", "--noinput", "-v0")
    manage(environment, "collectstatic", "--noinput", "-v0")
    manage(environment, "loaddemo")
    manage(environment, "shell", "-c", MAKE_EDITOR)
    with gunicorn(workers=1, **environment) as base:
        yield base


def set_cookies(response):
    return response.headers.get_all("Set-Cookie") or []


def visit_everything(base):
    """A visitor's pages and a member of staff's sign-in: every Set-Cookie seen."""
    seen = []
    visitor = Browser(base, secure_cookies_over_http=True)
    for path in ["/", "/en/", "/zh-hans/cities/", "/en/news/", "/en/search/?q=Karachi"]:
        seen += set_cookies(visitor.get(path))
    seen += set_cookies(visitor.get("/language/en/?next=/zh-hans/news/"))
    staff = Browser(base, secure_cookies_over_http=True)
    page = staff.get("/admin/login/")
    seen += set_cookies(page)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.content).group(1)
    response = staff.post(
        "/admin/login/?next=/admin/",
        {"csrfmiddlewaretoken": token.decode(), "username": "editor", "password": "pw-editor-1"},
    )
    seen += set_cookies(response)
    page = staff.get("/admin/")
    seen += set_cookies(page)
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.content).group(1)
    seen += set_cookies(
        staff.post("/i18n/setlang/", {"csrfmiddlewaretoken": token.decode(), "language": "en"})
    )
    return seen


def test_every_cookie_is_httponly_samesite_lax_and_secure(production):
    headers = visit_everything(production)
    names = set()
    for header in headers:
        cookie = SimpleCookie()
        cookie.load(header)
        for name, morsel in cookie.items():
            names.add(name)
            assert morsel["httponly"], header
            assert morsel["secure"], header
            assert morsel["samesite"].lower() == "lax", header
    # The three the scanner and a sign-in meet: language, CSRF, session.
    assert {"django_language", "csrftoken", "sessionid"} <= names
