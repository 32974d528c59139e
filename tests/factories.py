"""Test data: small helpers around `objects.create`, one per model.

Each fills what the model requires with plausible values; tests pass only what
they are about.
"""

import datetime
import itertools

from django.core.files.base import ContentFile
from django.utils import timezone

from cities.models import City, Country, Exchange
from news.models import Article, Category

_sequence = itertools.count(1)


def make_country(iso_code="PK", **fields):
    fields.setdefault("name_en", f"Country {iso_code}")
    fields.setdefault("name_zh_hans", f"国家{iso_code}")
    fields.setdefault("continent", "asia")
    country, _ = Country.objects.get_or_create(iso_code=iso_code, defaults=fields)
    return country


def make_city(**fields):
    n = next(_sequence)
    fields.setdefault("slug", f"city-{n}")
    # The number in both names, or in neither: a Chinese name with a figure its English
    # lacks is a QA error the moment the city is published (`qa_gate`).
    fields.setdefault("name_zh_hans", f"城市{n}" if "name_en" not in fields else "友好城市")
    fields.setdefault("name_en", f"City {n}")
    if "country" not in fields:
        fields["country"] = make_country()
    if not fields.get("is_home"):
        fields.setdefault("relationship", "sister")
    fields.setdefault("status", "published")
    if fields["status"] == "published":
        fields.setdefault("published_at", timezone.now() - datetime.timedelta(days=1))
    return City.objects.create(**fields)


def make_exchange(city, **fields):
    fields.setdefault("date", datetime.date(2019, 3, 28))
    fields.setdefault("precision", "day")
    fields.setdefault("kind", "visit")
    fields.setdefault("title_en", "A visit")
    fields.setdefault("title_zh_hans", "一次访问")
    return Exchange.objects.create(city=city, **fields)


def make_category(slug="sister-cities", **fields):
    fields.setdefault("name_en", "Sister cities")
    fields.setdefault("name_zh_hans", "友好城市")
    category, _ = Category.objects.get_or_create(slug=slug, defaults=fields)
    return category


def make_article(cities=(), **fields):
    n = next(_sequence)
    fields.setdefault("slug", f"article-{n}")
    # As a city's names: the number in both titles or in neither.
    fields.setdefault("title_zh_hans", f"文章{n}" if "title_en" not in fields else "新闻稿")
    fields.setdefault("title_en", f"Article {n}")
    fields.setdefault("body_en", "<p>Body.</p>")
    fields.setdefault("body_zh_hans", "<p>正文。</p>")
    fields.setdefault("status", "published")
    if fields["status"] == "published":
        fields.setdefault("published_at", timezone.now() - datetime.timedelta(hours=1))
    article = Article.objects.create(**fields)
    article.cities.set(cities)
    return article


def _picture_file(width, height):
    from tests.images import landscape

    return ContentFile(landscape(width, height), name="photo.jpg")


def make_photo(city, width=600, height=400, **fields):
    """A gallery photo of `city`, through the whole picture pipeline."""
    from cities.models import CityPhoto

    fields = {"alt_zh_hans": "城市风光", "alt_en": "A view of the city", **fields}
    photo = CityPhoto(city=city, image=_picture_file(width, height), **fields)
    photo.save()
    return photo


def make_lead_image(article, width=600, height=400, **fields):
    from news.models import LeadImage

    fields = {"alt_zh_hans": "现场照片", "alt_en": "At the event", **fields}
    image = LeadImage(article=article, image=_picture_file(width, height), **fields)
    image.save()
    return image


def make_source(**fields):
    from cities.models import Source

    fields.setdefault("publisher_en", "Foreign Affairs Office of Shenyang")
    fields.setdefault("publisher_zh_hans", "沈阳市外事办公室")
    fields.setdefault("url", "https://www.shenyang.gov.cn/english/")
    fields.setdefault("date", datetime.date(2022, 6, 16))
    return Source.objects.create(**fields)


def make_fact(city, figure, value, sources=(), **fields):
    """A figure of `city` with its sources (one made up if none given); a date
    value goes to `date`, anything else to `number`."""
    from cities.models import Fact

    if isinstance(value, datetime.date):
        fields["date"] = value
    else:
        fields["number"] = value
    fact = Fact.objects.create(city=city, figure=figure, **fields)
    fact.sources.set(sources or [make_source()])
    return fact


def _published(fields, hours=1):
    fields.setdefault("status", "published")
    if fields["status"] == "published":
        fields.setdefault("published_at", timezone.now() - datetime.timedelta(hours=hours))
    return fields


def make_office_page(kind="about", **fields):
    from office.models import OfficePage

    fields.setdefault("title_en", f"Page {kind}")
    fields.setdefault("title_zh_hans", f"页面{kind}")
    return OfficePage.objects.create(kind=kind, **_published(fields))


def make_guide(**fields):
    from office.models import ServiceGuide

    n = next(_sequence)
    fields.setdefault("slug", f"guide-{n}")
    fields.setdefault("title_en", f"Guide {n}")
    fields.setdefault("title_zh_hans", f"指南{n}")
    return ServiceGuide.objects.create(**_published(fields))


def make_report(year=2024, rows=(), **fields):
    from office.models import ReportRow, WebsiteReport

    report = WebsiteReport.objects.create(year=year, **_published(fields))
    for position, (item_en, item_zh, value) in enumerate(rows):
        ReportRow.objects.create(
            report=report,
            position=position,
            item_en=item_en,
            item_zh_hans=item_zh,
            value_en=value,
            value_zh_hans=value,
        )
    return report
