"""A picture's files go with it: deleting a photo or its city, or replacing it, removes
its files, and `prunemedia` finds the orphans and removes them only when asked."""

import io
import os
import time

import pytest
from django.core.management import call_command

from cities.models import CityPhoto
from tests.admin_forms import admin_form_data
from tests.images import (
    landscape,
    upload,
)
from tests.portal.city_photos import city_change, post_photo, stored_files

pytestmark = pytest.mark.django_db


def test_deleting_a_photo_removes_its_files(
    english_admin, published_karachi, media_dirs, django_capture_on_commit_callbacks
):
    post_photo(english_admin, published_karachi, upload(landscape()))
    assert len(stored_files(*media_dirs)) == 7
    url = city_change(english_admin, published_karachi)
    data = admin_form_data(english_admin.get(url), **{"photos-0-DELETE": "on"})
    with django_capture_on_commit_callbacks(execute=True):
        assert english_admin.post(url, data).status_code == 302
    assert not CityPhoto.objects.exists() and stored_files(*media_dirs) == []


def test_deleting_a_city_removes_its_photos_files(
    english_admin, published_karachi, media_dirs, django_capture_on_commit_callbacks
):
    post_photo(english_admin, published_karachi, upload(landscape()))
    with django_capture_on_commit_callbacks(execute=True):
        published_karachi.delete()
    assert stored_files(*media_dirs) == []


def test_replacing_a_photo_removes_the_old_files(
    english_admin, published_karachi, media_dirs, django_capture_on_commit_callbacks
):
    post_photo(english_admin, published_karachi, upload(landscape()))
    old = CityPhoto.objects.get().image.name
    url = city_change(english_admin, published_karachi)
    data = admin_form_data(
        english_admin.get(url), **{"photos-0-image": upload(landscape(900, 600))}
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert english_admin.post(url, data).status_code == 302
    photo = CityPhoto.objects.get()
    assert photo.image.name != old and photo.width == 900
    assert len(stored_files(*media_dirs)) == 1 + 2 * 2, "the new original, 480 and 900 twice"


def test_prunemedia_lists_orphans_and_removes_them_only_when_asked(
    english_admin, published_karachi, media_dirs
):
    post_photo(english_admin, published_karachi, upload(landscape()))
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
