"""A photo goes from a staff member's upload to a visitor's screen, in Chromium."""

import re

from playwright.sync_api import expect

from cities.models import CityPhoto
from tests.browser.conftest import SCREENSHOTS, screenshot
from tests.browser.test_admin import signed_in  # noqa: F401  (a fixture)
from tests.images import phone_photo


def test_staff_add_a_photo_and_visitors_see_it_upright_and_responsive(signed_in, live_server):  # noqa: F811
    page = signed_in
    page.goto(f"{live_server.url}/admin/cities/city/")
    page.get_by_role("link", name="Karachi", exact=True).click()
    page.get_by_text(re.compile("Add another photo", re.IGNORECASE)).click()
    page.set_input_files(
        "#id_photos-0-image",
        files=[{"name": "IMG_0001.JPG", "mimeType": "image/jpeg", "buffer": phone_photo()}],
    )
    row = page.locator("#photos-0")
    for language, alt in (("en", "Karachi's harbour at dusk"), ("zh_hans", "黄昏时的卡拉奇港")):
        name = {"en": "English", "zh_hans": "Chinese"}[language]
        row.locator(".ui-tabs-nav").first.get_by_role("tab", name=name).click()
        page.fill(f"#id_photos-0-alt_{language}", alt)
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("changed successfully")
    thumbnail = page.locator(".picture-widget img")
    thumbnail.scroll_into_view_if_needed()
    expect(thumbnail).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#photos-group").screenshot(path=SCREENSHOTS / "admin-city-photos.png")
    photo = CityPhoto.objects.get()
    assert (photo.width, photo.height) == (1200, 2000)
    assert (photo.alt_zh_hans, photo.alt_en) == ("黄昏时的卡拉奇港", "Karachi's harbour at dusk")

    for language, alt in (("en", "Karachi's harbour at dusk"), ("zh-hans", "黄昏时的卡拉奇港")):
        page.goto(f"{live_server.url}/language/{language}/?next=/cities/karachi/")
        for width in (390, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.reload()
            image = page.get_by_alt_text(alt)
            expect(image).to_be_visible()
            page.wait_for_function(
                "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
            )
            current = image.evaluate("img => img.currentSrc")
            assert current.endswith(".webp") and "/media/renditions/" in current
            box = image.bounding_box()
            assert box["height"] > box["width"], "shown upright, as the phone was held"
        screenshot(page, f"city-gallery-{language}")
