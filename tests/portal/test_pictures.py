"""The picture pipeline, through the admin as staff use it and on the public pages."""

import io
import os
import re
import time

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from PIL import Image

from cities.models import CityPhoto
from news.models import LeadImage
from portal.pictures.ingest import ingest
from tests.admin_forms import admin_form_data
from tests.factories import make_article, make_city
from tests.images import (
    BLUE,
    HOSTILE,
    RED,
    decompression_bomb,
    landscape,
    phone_photo,
    truncated_jpeg,
    upload,
)

pytestmark = pytest.mark.django_db


def stored_files(*folders):
    return sorted(str(path) for folder in folders for path in folder.rglob("*") if path.is_file())


def city_change(client, city):
    return reverse("admin:cities_city_change", args=[city.pk])


def post_photo(client, city, image, **fields):
    """Post the city's change form with one new photo, as the admin page would."""
    url = city_change(client, city)
    data = admin_form_data(client.get(url))
    data.update(
        {
            "photos-TOTAL_FORMS": [str(int(data["photos-TOTAL_FORMS"][0]) + 1)],
            f"photos-{data['photos-TOTAL_FORMS'][0]}-image": image,
            f"photos-{data['photos-TOTAL_FORMS'][0]}-alt_zh_hans": fields.get("alt_zh", "港口"),
            f"photos-{data['photos-TOTAL_FORMS'][0]}-alt_en": fields.get("alt_en", "The port"),
            f"photos-{data['photos-TOTAL_FORMS'][0]}-position": "0",
        }
    )
    return client.post(url, data)


def photo_errors(response):
    assert response.status_code == 200, "a refused upload shows the form again"
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.prefix == "photos":
            return [
                error for form in inline.formset.forms for error in form.errors.get("image", [])
            ]
    raise AssertionError("no photos inline")


@pytest.fixture
def karachi(db):
    return make_city(slug="karachi", name_en="Karachi", name_zh_hans="卡拉奇", status="published")


@pytest.fixture
def english_admin(admin_client):
    admin_client.cookies["django_language"] = "en"
    return admin_client


# --- Verification and cleaning --------------------------------------------------------


def test_a_phone_photo_is_stored_upright_without_any_metadata(
    english_admin, karachi, media_dirs, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_photo(english_admin, karachi, upload(phone_photo(), "IMG_0001.JPG"))
    assert response.status_code == 302
    photo = CityPhoto.objects.get(city=karachi)
    assert (photo.width, photo.height) == (1200, 2000), "turned as its EXIF orientation says"
    assert re.fullmatch(r"originals/[0-9a-f]{2}/[0-9a-f]{32}\.jpg", photo.image.name)
    assert "IMG_0001" not in photo.image.name
    with photo.image.open("rb") as stored:
        data = stored.read()
    image = Image.open(io.BytesIO(data))
    assert image.size == (1200, 2000)
    assert (
        image.getpixel((600, 100))[0] > 180 and image.getpixel((600, 1900))[2] > 180
    )  # red on top
    assert not image.getexif() and "exif" not in image.info and "comment" not in image.info
    assert b"PhoneMaker" not in data and b"secret place" not in data
    for rendition in stored_files(media_dirs[0]):
        kept = Image.open(rendition)
        assert not kept.getexif() and "exif" not in kept.info and "icc_profile" not in kept.info


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_file_that_is_not_a_photo_is_refused_with_a_message(
    english_admin, karachi, media_dirs, name
):
    filename, content, content_type = HOSTILE[name]
    response = post_photo(english_admin, karachi, upload(content, filename, content_type))
    assert photo_errors(response) == [
        "This file is not a JPEG, PNG or WebP image. Upload a photo in one of those formats."
    ]
    assert not CityPhoto.objects.exists() and stored_files(*media_dirs) == []


def test_a_truncated_jpeg_is_refused_with_a_message(english_admin, karachi, media_dirs):
    response = post_photo(english_admin, karachi, upload(truncated_jpeg()))
    assert photo_errors(response) == [
        "The image is damaged or incomplete; export it again and upload the new file."
    ]
    assert not CityPhoto.objects.exists() and stored_files(*media_dirs) == []


@pytest.mark.parametrize(
    "side", [10_000, 15_000], ids=["100 MP", "225 MP, past Pillow's own limit"]
)
def test_a_decompression_bomb_is_refused_before_it_is_decoded(
    english_admin, karachi, media_dirs, side
):
    response = post_photo(english_admin, karachi, upload(decompression_bomb(side), "bomb.png"))
    [message] = photo_errors(response)
    assert "the limit is 50 megapixels" in message
    assert not CityPhoto.objects.exists() and stored_files(*media_dirs) == []


def test_a_file_over_twenty_megabytes_is_refused(english_admin, karachi, media_dirs):
    too_big = landscape() + b"\0" * (20 * 1024 * 1024)
    [message] = photo_errors(post_photo(english_admin, karachi, upload(too_big)))
    assert message.startswith("The file is 20.0 MB; the limit is 20 MB")
    assert not CityPhoto.objects.exists() and stored_files(*media_dirs) == []


def test_an_animated_webp_is_refused():
    frames = [Image.new("RGB", (64, 64), colour) for colour in (RED, BLUE)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "WEBP", save_all=True, append_images=frames[1:])
    with translation.override("en"), pytest.raises(ValidationError, match="Animated images"):
        ingest(upload(buffer.getvalue(), "anim.webp"))


@pytest.mark.parametrize("format", ["PNG", "WEBP"])
def test_png_and_webp_are_accepted_and_keep_their_format(format):
    image = Image.new("RGBA", (800, 600), (0, 90, 200, 128))
    clean = ingest(upload(landscape(800, 600, format) if format == "WEBP" else _png(image)))
    stored = Image.open(clean.encode())
    assert stored.format == format and stored.size == (800, 600)


def _png(image):
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


# --- Renditions and pages ---------------------------------------------------------------


def test_renditions_exist_and_are_served_with_a_year_long_cache(
    english_admin, karachi, media_dirs, client
):
    post_photo(english_admin, karachi, upload(landscape(2400, 1600)))
    photo = CityPhoto.objects.get()
    assert photo.rendition_widths == [480, 960, 1600]
    assert len(stored_files(media_dirs[0])) == 6, "WebP and JPEG at three widths"
    client.logout()
    response = client.get(photo.rendition_url(960, "webp"))
    assert response.status_code == 200 and response["Content-Type"] == "image/webp"
    assert "max-age=31536000" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]
    assert Image.open(io.BytesIO(b"".join(response.streaming_content))).size == (960, 640)


def test_the_city_page_shows_the_gallery_with_a_srcset_of_three_widths(
    english_admin, karachi, client
):
    post_photo(english_admin, karachi, upload(landscape(2400, 1600)))
    client.logout()
    html = client.get("/en/cities/karachi/").content.decode()
    [img] = re.findall(r"<img [^>]*alt=\"The port\"[^>]*>", html)
    srcset = re.search(r' srcset="([^"]+)"', img).group(1)
    assert re.findall(r" (\d+)w", srcset) == ["480", "960", "1600"]
    assert 'width="1600"' in img and 'height="1067"' in img
    assert 'type="image/webp"' in html
    photo = CityPhoto.objects.get()
    assert (
        f'property="og:image" content="http://testserver{photo.rendition_url(1600, "jpg")}"' in html
    )


def test_a_small_picture_is_not_enlarged():
    assert ingest(upload(landscape(300, 200))).width == 300
    from portal.pictures.renditions import widths_for

    assert widths_for(300) == [300] and widths_for(1000) == [480, 960, 1000]


def test_originals_are_never_served(english_admin, karachi, client):
    post_photo(english_admin, karachi, upload(landscape()))
    photo = CityPhoto.objects.get()
    client.logout()
    for path in (
        f"/media/{photo.image.name}",
        f"/media/../originals/{photo.image.name}",
        "/media/renditions/../../etc/passwd",
        photo.image.url,
    ):
        assert client.get(path).status_code == 404, path
    assert photo.image.name not in client.get("/en/cities/karachi/").content.decode()


def test_cards_and_the_article_page_show_the_lead_image(english_admin, client):
    article = make_article(slug="signing", title_en="Signing", status="published")
    url = reverse("admin:news_article_change", args=[article.pk])
    data = admin_form_data(english_admin.get(url))
    data.update(
        {
            "lead_image-TOTAL_FORMS": ["1"],
            "lead_image-0-image": upload(landscape(2000, 1000)),
            "lead_image-0-alt_zh_hans": ["签约仪式"],
            "lead_image-0-alt_en": ["The signing ceremony"],
            "lead_image-0-caption_en": ["Both mayors sign"],
            "lead_image-0-credit_en": ["City press office"],
        }
    )
    assert english_admin.post(url, data).status_code == 302
    lead = LeadImage.objects.get(article=article)
    client.logout()
    page = client.get("/en/news/signing/").content.decode()
    assert 'alt="The signing ceremony"' in page and "Both mayors sign" in page
    assert 'fetchpriority="high"' in page, "the lead image is above the fold"
    listing = client.get("/en/news/").content.decode()
    assert lead.rendition_url(480, "webp") in listing and 'loading="lazy"' in listing
    assert lead.rendition_url(480, "webp") in client.get("/en/").content.decode()


# --- Publication needs alt text in both languages --------------------------------------


def test_publication_is_refused_until_every_picture_has_alt_text_in_both_languages(
    english_admin, media_dirs
):
    city = make_city(slug="lodz", name_en="Lodz", status="draft")
    response = post_photo(english_admin, city, upload(landscape()), alt_en="")
    assert response.status_code == 302, "a draft may wait for its alt text"
    url = city_change(english_admin, city)
    data = admin_form_data(english_admin.get(url), status="published")
    response = english_admin.post(url, data)
    assert response.status_code == 200
    errors = [inline.formset.errors for inline in response.context["inline_admin_formsets"]]
    assert {
        "alt_en": [
            "Publication needs alt text in English: describe what the picture shows for "
            "visitors who cannot see it."
        ]
    } in errors[0]
    city.refresh_from_db()
    assert city.status == "draft"
    data["photos-0-alt_en"] = ["The old town"]
    assert english_admin.post(url, data).status_code == 302
    city.refresh_from_db()
    assert city.status == "published"


# --- Deleting and orphans -----------------------------------------------------------------


def test_deleting_a_photo_removes_its_files(
    english_admin, karachi, media_dirs, django_capture_on_commit_callbacks
):
    post_photo(english_admin, karachi, upload(landscape()))
    assert len(stored_files(*media_dirs)) == 7
    url = city_change(english_admin, karachi)
    data = admin_form_data(english_admin.get(url), **{"photos-0-DELETE": "on"})
    with django_capture_on_commit_callbacks(execute=True):
        assert english_admin.post(url, data).status_code == 302
    assert not CityPhoto.objects.exists() and stored_files(*media_dirs) == []


def test_deleting_a_city_removes_its_photos_files(
    english_admin, karachi, media_dirs, django_capture_on_commit_callbacks
):
    post_photo(english_admin, karachi, upload(landscape()))
    with django_capture_on_commit_callbacks(execute=True):
        karachi.delete()
    assert stored_files(*media_dirs) == []


def test_replacing_a_photo_removes_the_old_files(
    english_admin, karachi, media_dirs, django_capture_on_commit_callbacks
):
    post_photo(english_admin, karachi, upload(landscape()))
    old = CityPhoto.objects.get().image.name
    url = city_change(english_admin, karachi)
    data = admin_form_data(
        english_admin.get(url), **{"photos-0-image": upload(landscape(900, 600))}
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert english_admin.post(url, data).status_code == 302
    photo = CityPhoto.objects.get()
    assert photo.image.name != old and photo.width == 900
    assert len(stored_files(*media_dirs)) == 1 + 2 * 2, "the new original, 480 and 900 twice"


def test_prunemedia_lists_orphans_and_removes_them_only_when_asked(
    english_admin, karachi, media_dirs
):
    post_photo(english_admin, karachi, upload(landscape()))
    kept = stored_files(*media_dirs)
    renditions, originals = media_dirs
    (originals / "originals" / "ab").mkdir(parents=True)
    orphan_original = originals / "originals" / "ab" / ("ab" + "0" * 30 + ".jpg")
    orphan_original.write_bytes(landscape(100, 100))
    orphan_rendition = renditions / "renditions" / "ab" / ("ab" + "0" * 30 + "-480.webp")
    orphan_rendition.parent.mkdir(parents=True)
    orphan_rendition.write_bytes(b"x")
    for young in (orphan_original, orphan_rendition):  # by this process's clock, not the disk's
        os.utime(young, (time.time(), time.time()))

    out = io.StringIO()
    call_command("prunemedia", "--min-age", "0", stdout=out)
    assert "Found 2 orphaned file(s)" in out.getvalue()
    assert orphan_original.exists() and orphan_rendition.exists(), "a dry run removes nothing"

    call_command("prunemedia", stdout=(out := io.StringIO()))
    assert "Found 0 orphaned file(s)" in out.getvalue(), "files younger than an hour are left"

    call_command("prunemedia", "--delete", "--min-age", "0", stdout=(out := io.StringIO()))
    assert "Removed 2 orphaned file(s)" in out.getvalue()
    assert stored_files(*media_dirs) == kept


# --- Any storage backend --------------------------------------------------------------------


def test_pictures_work_on_another_storage_backend(settings, english_admin, karachi, client):
    memory = {"BACKEND": "django.core.files.storage.InMemoryStorage"}
    settings.STORAGES = {**settings.STORAGES, "default": memory, "originals": memory}
    post_photo(english_admin, karachi, upload(landscape(2000, 1200)))
    photo = CityPhoto.objects.get()
    from django.core.files.storage import storages

    assert storages["originals"].exists(photo.image.name)
    assert storages["default"].exists("/".join(photo.rendition_url(480, "jpg").split("/")[2:]))
    client.logout()
    assert client.get(photo.rendition_url(480, "jpg")).status_code == 200


# --- The roles ------------------------------------------------------------------------------


def test_an_editor_uploads_and_a_translator_describes_and_a_publisher_is_held_to_alt_text(
    client, sign_in, media_dirs
):
    city = make_city(slug="lodz", name_en="Lodz", status="draft")
    sign_in("Editors")
    assert post_photo(client, city, upload(landscape()), alt_en="").status_code == 302
    photo = CityPhoto.objects.get()

    sign_in("Translators")
    url = city_change(client, city)
    page = client.get(url)
    assert "photos-0-alt_en" in page.content.decode()
    assert 'name="photos-0-image"' not in page.content.decode(), "the picture is read-only"
    assert "photos-TOTAL_FORMS" in page.content.decode()
    data = admin_form_data(page, **{"photos-0-alt_en": "The old town"})
    assert client.post(url, data).status_code == 302
    photo.refresh_from_db()
    assert photo.alt_en == "The old town"

    CityPhoto.objects.filter(pk=photo.pk).update(alt_en="")
    sign_in("Publishers")
    data = admin_form_data(client.get(url), status="published")
    response = client.post(url, data)
    assert response.status_code == 200 and "Publication needs alt text in English" in (
        response.content.decode()
    )
    city.refresh_from_db()
    assert city.status == "draft"


def test_a_camera_jpeg_with_an_embedded_preview_is_accepted_as_its_first_picture():
    photo, preview = Image.new("RGB", (1200, 800), RED), Image.new("RGB", (160, 120), BLUE)
    buffer = io.BytesIO()
    photo.save(buffer, "MPO", save_all=True, append_images=[preview])
    assert Image.open(io.BytesIO(buffer.getvalue())).format == "MPO"
    clean = ingest(upload(buffer.getvalue(), "DSC_0001.JPG"))
    stored = Image.open(clean.encode())
    assert stored.format == "JPEG" and stored.size == (1200, 800)
