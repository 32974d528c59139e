"""The picture pipeline's gate: a photo uploaded through the admin is verified and
cleaned (upright, no metadata), and a file that is not a photo, is damaged, too large
or a decompression bomb is refused with a message."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from PIL import Image

from cities.models import CityPhoto
from portal.pictures.ingest import ingest
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
from tests.portal.city_photos import post_photo, stored_files

pytestmark = pytest.mark.django_db


def photo_errors(response):
    assert response.status_code == 200, "a refused upload shows the form again"
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.prefix == "photos":
            return [
                error for form in inline.formset.forms for error in form.errors.get("image", [])
            ]
    raise AssertionError("no photos inline")


def test_a_phone_photo_is_stored_upright_without_any_metadata(
    english_admin, published_karachi, media_dirs, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_photo(
            english_admin, published_karachi, upload(phone_photo(), "IMG_0001.JPG")
        )
    assert response.status_code == 302
    photo = CityPhoto.objects.get(city=published_karachi)
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
    english_admin, published_karachi, media_dirs, name
):
    filename, content, content_type = HOSTILE[name]
    response = post_photo(english_admin, published_karachi, upload(content, filename, content_type))
    assert photo_errors(response) == [
        "This file is not a JPEG, PNG or WebP image. Upload a photo in one of those formats."
    ]
    assert not CityPhoto.objects.exists() and stored_files(*media_dirs) == []


def test_a_truncated_jpeg_is_refused_with_a_message(english_admin, published_karachi, media_dirs):
    response = post_photo(english_admin, published_karachi, upload(truncated_jpeg()))
    assert photo_errors(response) == [
        "The image is damaged or incomplete; export it again and upload the new file."
    ]
    assert not CityPhoto.objects.exists() and stored_files(*media_dirs) == []


@pytest.mark.parametrize(
    "side", [10_000, 15_000], ids=["100 MP", "225 MP, past Pillow's own limit"]
)
def test_a_decompression_bomb_is_refused_before_it_is_decoded(
    english_admin, published_karachi, media_dirs, side
):
    response = post_photo(
        english_admin, published_karachi, upload(decompression_bomb(side), "bomb.png")
    )
    [message] = photo_errors(response)
    assert "the limit is 50 megapixels" in message
    assert not CityPhoto.objects.exists() and stored_files(*media_dirs) == []


def test_a_file_over_twenty_megabytes_is_refused(english_admin, published_karachi, media_dirs):
    too_big = landscape() + b"\0" * (20 * 1024 * 1024)
    [message] = photo_errors(post_photo(english_admin, published_karachi, upload(too_big)))
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


def test_a_camera_jpeg_with_an_embedded_preview_is_accepted_as_its_first_picture():
    photo, preview = Image.new("RGB", (1200, 800), RED), Image.new("RGB", (160, 120), BLUE)
    buffer = io.BytesIO()
    photo.save(buffer, "MPO", save_all=True, append_images=[preview])
    assert Image.open(io.BytesIO(buffer.getvalue())).format == "MPO"
    clean = ingest(upload(buffer.getvalue(), "DSC_0001.JPG"))
    stored = Image.open(clean.encode())
    assert stored.format == "JPEG" and stored.size == (1200, 800)
