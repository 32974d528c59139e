"""Two-factor sign-in: publishers and superusers must, other staff may; a wrong code
counts with django-axes as a wrong password does."""

import datetime
import re
from io import StringIO

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.twofactor.devices import new_backup_codes
from tests.two_factor import code_for, code_from_secret, give_app

pytestmark = pytest.mark.django_db

LOGIN, ADMIN = "/admin/login/", "/admin/"
SETUP, VERIFY = "/admin/two-factor/setup/", "/admin/two-factor/verify/"
REQUIRED = "Publishers and administrators sign in with a second step"


@pytest.fixture(autouse=True)
def _admin_in_english(client):
    client.cookies["django_language"] = "en"


def staff(role):
    user = get_user_model().objects.create_user(role.lower(), password="pass-1", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


def password_step(client, user, password="pass-1"):
    return client.post(LOGIN, {"username": user.username, "password": password, "next": ADMIN})


def sign_out(client):
    client.logout()
    client.cookies["django_language"] = "en"  # logout forgets every cookie


def signed_in(client):
    return "_auth_user_id" in client.session


def shown_secret(response):
    return re.search(r'class="two-factor-secret"[^>]*>([A-Z2-7 ]+)<', response.content.decode())[1]


def test_a_publishers_password_alone_leads_to_setting_up_an_app(client):
    response = password_step(client, staff("Publishers"))
    assert response.status_code == 302 and response["Location"] == SETUP
    assert not signed_in(client), "not signed in before the second step"
    assert client.get(ADMIN)["Location"].startswith(LOGIN)
    page = client.get(SETUP)
    assert REQUIRED in page.content.decode()
    assert b"<svg" in page.content and b"<img" not in page.content, "QR code drawn inline"
    assert len(shown_secret(page).replace(" ", "")) == 32, "the key, typed by hand if need be"


@pytest.mark.parametrize(
    "path", [ADMIN, "/admin/news/article/", "/admin/translations/", "/admin/two-factor/"]
)
def test_a_signed_in_publisher_without_an_app_reaches_no_admin_page(client, path):
    """A session from before (or a new role): every admin address sends them to set up."""
    client.force_login(staff("Publishers"))
    for response in (client.get(path), client.post(path, {})):
        assert response.status_code == 302 and response["Location"] == SETUP


def test_setting_up_with_the_apps_code_signs_in_and_shows_backup_codes_once(client):
    publisher = staff("Publishers")
    password_step(client, publisher)
    secret = shown_secret(client.get(SETUP))
    assert shown_secret(client.get(SETUP)) == secret, "the same key until confirmed"
    response = client.post(SETUP, {"code": code_from_secret(secret)})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.content.decode())
    assert len(set(codes)) == 10
    assert signed_in(client) and client.get(ADMIN).status_code == 200
    assert TOTPDevice.objects.get(user=publisher).confirmed
    assert not any(code in client.get("/admin/two-factor/").content.decode() for code in codes)


def test_a_wrong_code_does_not_set_up_the_app(client):
    publisher = staff("Publishers")
    password_step(client, publisher)
    response = client.post(SETUP, {"code": "000000"})
    assert "That code is not right" in response.content.decode()
    assert not signed_in(client) and not TOTPDevice.objects.filter(confirmed=True).exists()
    response = client.post(SETUP, {"code": "000000"})
    assert "wait a few seconds" in response.content.decode(), "django-otp's throttling"


def test_with_an_app_the_password_leads_to_the_code_and_then_in(client):
    publisher = staff("Publishers")
    app = give_app(publisher)
    response = password_step(client, publisher)
    assert response["Location"] == VERIFY and not signed_in(client)
    assert client.get(SETUP)["Location"] == VERIFY, "no second app without the first"
    response = client.post(VERIFY, {"code": code_for(app)})
    assert response.status_code == 302 and response["Location"] == ADMIN
    assert signed_in(client) and client.get(ADMIN).status_code == 200


def test_a_session_not_confirmed_by_the_app_is_sent_to_the_code(client):
    editor = staff("Editors")
    app = give_app(editor)
    client.force_login(editor)
    assert client.get("/admin/news/article/")["Location"] == VERIFY
    assert client.post(VERIFY, {"code": code_for(app)})["Location"] == ADMIN
    assert client.get("/admin/news/article/").status_code == 200


def test_a_wrong_code_is_refused(client):
    publisher = staff("Publishers")
    give_app(publisher)
    password_step(client, publisher)
    response = client.post(VERIFY, {"code": "123456"})
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert not signed_in(client)
    attempt = AccessAttempt.objects.get(username="publishers")
    assert attempt.failures_since_start == 1 and "123456" not in attempt.post_data


def test_five_wrong_codes_lock_the_user_name_from_that_address_out(client):
    publisher = staff("Publishers")
    app = give_app(publisher)
    password_step(client, publisher)
    for _attempt in range(3):
        assert client.post(VERIFY, {"code": "123456"}).status_code == 200
    # Giving the right password again does not wipe the count: only a full sign-in does.
    assert password_step(client, publisher)["Location"] == VERIFY
    assert client.post(VERIFY, {"code": "123456"}).status_code == 200
    locked = client.post(VERIFY, {"code": "123456"})
    assert locked.status_code == 429 and "Sign-in locked" in locked.content.decode()
    # Locked: the right code, then the right password, change nothing.
    assert client.post(VERIFY, {"code": code_for(app)})["Location"] == LOGIN
    assert password_step(client, publisher).status_code == 429
    assert not signed_in(client)
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=16)
    with time_machine.travel(later):
        assert password_step(client, publisher)["Location"] == VERIFY
        assert client.post(VERIFY, {"code": code_for(app)})["Location"] == ADMIN


def test_a_backup_code_works_once(client):
    publisher = staff("Publishers")
    give_app(publisher)
    code = new_backup_codes(publisher)[0]
    password_step(client, publisher)
    response = client.post(VERIFY, {"code": code.upper()}, follow=True)
    assert signed_in(client)
    assert "You signed in with a backup code; 9 are left." in response.content.decode()
    sign_out(client)
    password_step(client, publisher)
    assert "That code is not right" in client.post(VERIFY, {"code": code}).content.decode()
    assert StaticToken.objects.filter(device__user=publisher).count() == 9


def test_the_half_done_sign_in_lapses(client):
    publisher = staff("Publishers")
    app = give_app(publisher)
    password_step(client, publisher)
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=16)
    with time_machine.travel(later):
        assert client.post(VERIFY, {"code": code_for(app)})["Location"] == LOGIN
        assert not signed_in(client)


def test_an_editor_gets_in_with_the_password_and_is_offered_two_factor_sign_in(client):
    response = password_step(client, staff("Editors"))
    assert response["Location"] == ADMIN and signed_in(client)
    front = client.get(ADMIN)
    assert front.status_code == 200
    assert '<a href="/admin/two-factor/">Two-factor sign-in</a>' in front.content.decode()
    page = client.get("/admin/two-factor/").content.decode()
    assert "Two-factor sign-in is off" in page and f'href="{SETUP}"' in page


def test_an_editor_turns_it_on_and_off(client):
    editor = staff("Editors")
    password_step(client, editor)
    page = client.get(SETUP)
    assert REQUIRED not in page.content.decode(), "offered, not required"
    secret = shown_secret(page)
    client.post(SETUP, {"code": code_from_secret(secret)})
    page = client.get("/admin/two-factor/").content.decode()
    assert "Two-factor sign-in is on" in page and "10 unused backup codes" in page
    sign_out(client)
    assert password_step(client, editor)["Location"] == VERIFY, "now asked for a code too"
    client.post(VERIFY, {"code": code_for(TOTPDevice.objects.get(user=editor))})
    response = client.post("/admin/two-factor/off/", follow=True)
    assert "Two-factor sign-in is off." in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor).exists()
    sign_out(client)
    assert password_step(client, editor)["Location"] == ADMIN


def test_publishers_cannot_turn_it_off(admin_client):
    page = admin_client.get("/admin/two-factor/").content.decode()
    assert "cannot turn it off" in page and "/admin/two-factor/off/" not in page
    assert admin_client.post("/admin/two-factor/off/").status_code == 403


def test_new_backup_codes_replace_the_old(admin_client, superuser):
    old = set(new_backup_codes(superuser))
    response = admin_client.post("/admin/two-factor/backup-codes/")
    new = set(re.findall(r"<li><code>([a-z2-7]{8})</code></li>", response.content.decode()))
    assert len(new) == 10 and not new & old
    tokens = StaticToken.objects.filter(device__user=superuser).values_list("token", flat=True)
    assert set(tokens) == new


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", ["Set up two-factor sign-in", "Scan this QR code"]), ("zh-hans", ["设置两步登录"])],
)
def test_the_setup_page_speaks_the_staff_members_language(client, language, words):
    client.cookies["django_language"] = language
    password_step(client, staff("Publishers"))
    page = client.get(SETUP).content.decode()
    assert all(word in page for word in words)


def test_resetotp_removes_the_app_and_backup_codes(admin_client, superuser):
    new_backup_codes(superuser)
    out = StringIO()
    call_command("resetotp", "chief", stdout=out)
    assert "Two-factor sign-in of 'chief' reset" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=superuser).exists()
    assert not StaticToken.objects.filter(device__user=superuser).exists()
    # The session that the app confirmed must now set up a new one.
    assert admin_client.get(ADMIN)["Location"] == SETUP
    call_command("resetotp", "chief", stdout=out)
    assert "had no two-factor sign-in" in out.getvalue()


def test_resetotp_names_an_unknown_user():
    with pytest.raises(CommandError, match="No user named 'nobody'"):
        call_command("resetotp", "nobody")


def test_leaving_the_second_step_half_done_leads_back_to_it_not_to_the_password(client):
    """Straight after the password, any admin page goes to the step still owed."""
    password_step(client, staff("Publishers"))
    to_login = client.get("/admin/news/article/")
    assert to_login.status_code == 302 and to_login["Location"].startswith(LOGIN)
    back = client.get(to_login["Location"])
    assert back.status_code == 302 and back["Location"] == SETUP
