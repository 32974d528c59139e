"""Two-factor sign-in in Chromium: a publisher sets up an authenticator app at the
first sign-in, and later signs in with the password and the app's code."""

import pytest
from django.contrib.auth.models import Group, User
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.test_public_site import violations
from tests.two_factor import code_for, code_from_secret


@pytest.fixture
def site(live_server, transactional_db):
    publisher = User.objects.create_user("publisher", password="Publisher-pass-1", is_staff=True)
    publisher.groups.add(Group.objects.get(name="Publishers"))
    return live_server.url


def password_step(page, site):
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", "publisher")
    page.fill("#id_password", "Publisher-pass-1")
    page.click("input[type=submit]")


def test_a_publisher_sets_up_the_app_then_signs_in_with_its_code(page, site):
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": site}])
    password_step(page, site)
    page.wait_for_url(f"{site}/admin/two-factor/setup/")
    # The back office is closed until the app is set up: it leads back to the setup.
    page.goto(f"{site}/admin/news/article/")
    page.wait_for_url(f"{site}/admin/two-factor/setup/")
    expect(page.locator(".two-factor-qr svg")).to_be_visible()
    assert violations(page) == []
    screenshot(page, "two-factor-setup")

    # The phone "scans": the key the page shows gives the code.
    secret = page.locator(".two-factor-secret").inner_text()
    page.fill("#id_code", code_from_secret(secret))
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    expect(page.locator(".two-factor-backup-codes li")).to_have_count(10)
    screenshot(page, "two-factor-backup-codes")
    page.get_by_role("link", name="I have kept them: continue").click()
    page.wait_for_url(f"{site}/admin/")
    expect(page.get_by_role("link", name="Two-factor sign-in")).to_be_visible()

    page.get_by_role("button", name="Log out").click()
    password_step(page, site)
    page.wait_for_url(f"{site}/admin/two-factor/verify/")
    # The second step in Chinese, as the staff member's language button chooses.
    page.click("button[lang=zh-hans]")
    expect(page.locator("#content-main")).to_contain_text("密码正确")
    screenshot(page, "two-factor-verify-zh")
    page.fill("#id_code", code_for(TOTPDevice.objects.get(user__username="publisher")))
    page.click("input[type=submit]")
    page.wait_for_url(f"{site}/admin/")
    expect(page.get_by_role("link", name="两步登录")).to_be_visible()
    assert page.request_log.foreign(page.live_netloc) == []
