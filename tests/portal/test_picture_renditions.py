"""Pictures on the public pages: renditions at three widths served with a year-long
cache, galleries and lead images with their srcset, originals never served, on any
storage backend."""

import io
import re

import pytest
from django.urls import reverse
from PIL import Image

from cities.models import CityPhoto
from news.models import LeadImage
from portal.pictures.ingest import ingest
from tests.admin_forms import admin_form_data
from tests.factories import make_article
from tests.images import (
    landscape,
    upload,
)
from tests.portal.city_photos import post_photo, stored_files

pytestmark = pytest.mark.django_db


def test_renditions_exist_and_are_served_with_a_year_long_cache(
    english_admin, published_karachi, media_dirs, client
):
    post_photo(english_admin, published_karachi, upload(landscape(2400, 1600)))
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
    english_admin, published_karachi, client
):
    post_photo(english_admin, published_karachi, upload(landscape(2400, 1600)))
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


def test_originals_are_never_served(english_admin, published_karachi, client):
    post_photo(english_admin, published_karachi, upload(landscape()))
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


def test_pictures_work_on_another_storage_backend(
    settings, english_admin, published_karachi, client
):
    memory = {"BACKEND": "django.core.files.storage.InMemoryStorage"}
    settings.STORAGES = {**settings.STORAGES, "default": memory, "originals": memory}
    post_photo(english_admin, published_karachi, upload(landscape(2000, 1200)))
    photo = CityPhoto.objects.get()
    from django.core.files.storage import storages

    assert storages["originals"].exists(photo.image.name)
    assert storages["default"].exists("/".join(photo.rendition_url(480, "jpg").split("/")[2:]))
    client.logout()
    assert client.get(photo.rendition_url(480, "jpg")).status_code == 200
