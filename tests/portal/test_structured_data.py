"""JSON-LD read back with extruct, as a search engine reads it: in the visitor's
language, for published editions only."""

import datetime

import extruct
import pytest

from portal.models import Office
from tests.factories import make_article, make_city, make_country, make_lead_image

pytestmark = pytest.mark.django_db


def json_ld(client, path, user_client=None):
    response = (user_client or client).get(path)
    assert response.status_code == 200, path
    return extruct.extract(
        response.content.decode(), base_url="http://testserver" + path, syntaxes=["json-ld"]
    )["json-ld"]


@pytest.fixture
def article(db):
    karachi = make_city(slug="karachi", name_en="Karachi", name_zh_hans="卡拉奇")
    article = make_article(
        slug="signing",
        title_en="Shenyang and Karachi become sister cities",
        title_zh_hans="沈阳与卡拉奇结为友好城市",
        author_en="Han Bing",
        author_zh_hans="韩冰",
        cities={karachi},
    )
    make_lead_image(article)
    return article


@pytest.mark.parametrize(
    ("language", "headline", "author"),
    [
        ("en", "Shenyang and Karachi become sister cities", "Han Bing"),
        ("zh-hans", "沈阳与卡拉奇结为友好城市", "韩冰"),
    ],
)
def test_article_pages_carry_a_news_article(client, article, language, headline, author):
    (data,) = json_ld(client, f"/{language}/news/signing/")
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == headline and data["inLanguage"] == language
    assert data["isAccessibleForFree"] is True
    assert data["author"] == {"@type": "Person", "name": author}
    assert data["publisher"]["@type"] == "GovernmentOrganization"
    assert data["image"][0].startswith("http://testserver/") and data["image"][0].endswith(".jpg")
    published = datetime.datetime.fromisoformat(data["datePublished"])
    assert published == article.published_at
    assert data["dateModified"] >= data["datePublished"]


def test_a_draft_preview_carries_none(admin_client, article):
    article.status = "draft"
    article.save()
    page = admin_client.get("/en/news/signing/")
    assert page.status_code == 200 and b"ld+json" not in page.content


def test_city_pages_carry_a_city_in_its_country_and_the_breadcrumbs(client):
    make_city(
        slug="sapporo",
        name_en="Sapporo",
        name_zh_hans="札幌",
        country=make_country("JP", name_en="Japan", name_zh_hans="日本"),
        latitude=43.06,
        longitude=141.35,
    )
    localized_country = {"en": "Japan", "zh-hans": "日本"}
    for language, name, trail in (
        ("en", "Sapporo", ["Home", "Partner cities", "Sapporo"]),
        ("zh-hans", "札幌", ["首页", "友好城市", "札幌"]),
    ):
        (data,) = json_ld(client, f"/{language}/cities/sapporo/")
        place, breadcrumbs = data["@graph"]
        assert place["@type"] == "City" and place["name"] == name
        assert place["containedInPlace"]["@type"] == "Country"
        assert place["containedInPlace"]["identifier"] == "JP"
        assert place["containedInPlace"]["name"] == localized_country[language]
        assert place["address"]["addressCountry"] == "JP"
        assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 43.06, "longitude": 141.35}
        assert breadcrumbs["@type"] == "BreadcrumbList"
        assert [item["name"] for item in breadcrumbs["itemListElement"]] == trail
        assert breadcrumbs["itemListElement"][-1]["item"].endswith(f"/{language}/cities/sapporo/")


def test_the_home_page_carries_the_office(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    (data,) = json_ld(client, "/en/")
    assert data["@type"] == "GovernmentOrganization"
    assert data["url"] == "http://testserver/en/"


def test_the_office_carries_its_address_telephone_parent_and_other_name(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    Office.objects.create(
        name_zh_hans="沈阳市人民政府外事办公室",
        name_en="Foreign Affairs Office of the People's Government of Shenyang Municipality",
        parent_organisation_zh_hans="沈阳市人民政府",
        parent_organisation_en="People's Government of Shenyang Municipality",
        address_zh_hans="沈阳市沈河区市府大路260号",
        address_en="260 Shifu Road, Shenhe District, Shenyang",
        postcode="110013",
        phone="+86 24 2272 0000",
        original_language="zh-hans",
    )
    (data,) = json_ld(client, "/en/")
    assert data["name"].startswith("Foreign Affairs Office")
    assert data["alternateName"] == ["沈阳市人民政府外事办公室"]
    assert data["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "260 Shifu Road, Shenhe District, Shenyang",
        "addressCountry": "CN",
        "postalCode": "110013",
    }
    assert data["telephone"] == "+86 24 2272 0000"
    assert data["parentOrganization"] == {
        "@type": "GovernmentOrganization",
        "name": "People's Government of Shenyang Municipality",
    }
    (chinese,) = json_ld(client, "/zh-hans/")
    assert chinese["parentOrganization"]["name"] == "沈阳市人民政府"
    assert chinese["alternateName"][0].startswith("Foreign Affairs Office")


def test_an_office_without_details_carries_no_empty_fields(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    Office.objects.create(name_zh_hans="外事办公室", original_language="zh-hans")
    (data,) = json_ld(client, "/zh-hans/")
    assert not {"address", "telephone", "parentOrganization", "alternateName"} & data.keys()


def test_an_article_names_the_newspaper_it_is_based_on(client, article):
    article.source_zh_hans, article.source_en = "沈阳日报", "Shenyang Daily"
    article.source_date = datetime.date(2021, 12, 10)
    article.save()
    (data,) = json_ld(client, "/en/news/signing/")
    newspaper = {"@type": "NewsMediaOrganization", "name": "Shenyang Daily"}
    assert data["sourceOrganization"] == newspaper
    assert data["isBasedOn"] == {
        "@type": "NewsArticle",
        "publisher": newspaper,
        "datePublished": "2021-12-10",
    }
    article.refresh_from_db()
    assert datetime.datetime.fromisoformat(data["dateModified"]) == article.updated_at


def test_a_value_cannot_close_the_script(client):
    make_city(slug="x", name_en="</script><script>alert(1)</script>")
    html = client.get("/en/cities/x/").content.decode()
    block = html[html.index('type="application/ld+json">') :]
    assert block.index("</script>") > block.index("\\u003C/script\\u003E")
    (data,) = json_ld(client, "/en/cities/x/")
    assert data["@graph"][0]["name"] == "</script><script>alert(1)</script>"
