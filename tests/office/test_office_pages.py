"""The office's own pages: about, contact, accessibility, service guides, yearly reports."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from office.models import ServiceGuide
from portal.models import Office
from tests.factories import make_city, make_guide, make_office_page, make_report

pytestmark = pytest.mark.django_db

LANGS = ["zh-hans", "en"]


@pytest.fixture
def about(db):
    return make_office_page(
        "about",
        title_en="About the office",
        title_zh_hans="机构概况",
        responsibilities_en="Handle foreign affairs\nManage sister-city ties",
        responsibilities_zh_hans="办理外事工作\n管理友好城市关系",
        short_history_en="Founded long ago.",
        short_history_zh_hans="历史悠久。",
    )


@pytest.fixture
def guide(db):
    return make_guide(
        slug="invitation-letters",
        title_en="Invitation letters for foreign visitors",
        title_zh_hans="邀请外国人来华邀请函",
        summary_en="How a host unit asks for an invitation letter.",
        summary_zh_hans="接待单位如何申请邀请函。",
        materials_en="Application form\nCopy of the passport",
        materials_zh_hans="申请表\n护照复印件",
        steps_en="Submit the form\nCollect the letter",
        steps_zh_hans="提交申请\n领取邀请函",
        processing_time_en="Five working days",
        processing_time_zh_hans="五个工作日",
    )


@pytest.mark.parametrize(
    ("lang", "title", "duty"),
    [("zh-hans", "机构概况", "办理外事工作"), ("en", "About the office", "Handle foreign affairs")],
)
def test_about_lists_the_responsibilities(client, about, lang, title, duty):
    response = client.get(f"/{lang}/office/")
    assertContains(response, f"<h1>{title}</h1>", html=True)
    assertContains(response, f"<li>{duty}</li>", html=True)


def test_a_draft_about_page_is_not_shown(client, about):
    about.status = "draft"
    about.save()
    response = client.get("/en/office/")
    assertNotContains(response, "Handle foreign affairs")


def test_about_lists_the_yearly_reports_and_guides(client, about, guide):
    make_report(2024)
    make_report(2023, status="draft")
    response = client.get("/en/office/")
    assertContains(
        response, '<a href="/en/office/reports/2024/">Website report 2024</a>', html=True
    )
    assertNotContains(response, "2023")
    assertContains(response, "Invitation letters for foreign visitors")


def test_contact_shows_what_the_office_record_holds_and_nothing_empty(client):
    Office.objects.create(
        name_en="Foreign Affairs Office",
        name_zh_hans="外事办公室",
        phone="024-0000",
        email="office@example.org",
    )
    response = client.get("/en/office/contact/")
    assertContains(
        response,
        "<div><dt>Telephone</dt><dd><a href='tel:024-0000'>024-0000</a></dd></div>",
        html=True,
    )
    assertContains(response, "office@example.org")
    for absent in ("Fax", "Postcode", "Opening hours", "<dt>Address</dt>"):
        assertNotContains(response, absent)
    with translation.override("zh-hans"):
        chinese = client.get("/zh-hans/office/contact/")
    assertContains(chinese, "<dt>电话</dt>", html=True)


def test_contact_draws_no_map_without_an_approved_standard_map(client):
    make_city(slug="shenyang", is_home=True, relationship="", latitude=41.8, longitude=123.4,
              name_en="Shenyang", name_zh_hans="沈阳")  # fmt: skip
    response = client.get("/en/office/contact/")
    main = response.content.decode().split("<main")[1].split("</main>")[0]
    for drawing in ("<svg", "<img", "standard-map", "world.svg"):
        assert drawing not in main


def test_the_accessibility_statement_is_linked_only_when_published(client):
    Office.objects.create(name_en="Foreign Affairs Office", name_zh_hans="外事办公室")
    assertNotContains(client.get("/en/"), "/en/office/accessibility/")
    assert client.get("/en/office/accessibility/").status_code == 404
    make_office_page(
        "accessibility", title_en="Accessibility statement", title_zh_hans="无障碍声明"
    )
    assertContains(
        client.get("/en/"),
        '<a href="/en/office/accessibility/">Accessibility statement</a>',
        html=True,
    )
    assertContains(client.get("/zh-hans/office/accessibility/"), "<h1>无障碍声明</h1>", html=True)


@pytest.mark.parametrize("lang", LANGS)
def test_a_service_guide_shows_its_structure(client, guide, lang):
    response = client.get(f"/{lang}/office/guides/invitation-letters/")
    with translation.override(lang):
        what_to_bring = translation.gettext("What to bring")
    assertContains(response, f"<h2 id='materials-heading'>{what_to_bring}</h2>", html=True)
    item = "护照复印件" if lang == "zh-hans" else "Copy of the passport"
    assertContains(response, f"<li>{item}</li>", html=True)


def test_a_guide_has_government_service_json_ld(client, guide):
    Office.objects.create(name_en="Foreign Affairs Office", name_zh_hans="外事办公室")
    html = client.get("/en/office/guides/invitation-letters/").content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "GovernmentService"
    assert data["name"] == "Invitation letters for foreign visitors"
    assert data["provider"] == {"@type": "GovernmentOrganization", "name": "Foreign Affairs Office"}


def test_json_ld_cannot_close_its_script(client):
    make_guide(slug="x", title_en="</script><script>alert(1)</script>")
    html = client.get("/en/office/guides/x/").content.decode()
    assert "</script><script>alert(1)" not in html


def test_a_draft_guide_is_hidden_from_visitors_and_previewed_for_staff(client, admin_client, guide):
    guide.status = "draft"
    guide.save()
    from django.test import Client

    assert Client().get("/en/office/guides/invitation-letters/").status_code == 404
    assertNotContains(Client().get("/en/office/guides/"), "Invitation letters")
    preview = admin_client.get("/en/office/guides/invitation-letters/")
    assert preview.status_code == 200 and preview["X-Robots-Tag"] == "noindex"


def test_a_yearly_report_is_a_table(client):
    make_report(2024, rows=[("Total visits", "总访问量", "12345")])
    response = client.get("/zh-hans/office/reports/2024/")
    assertContains(response, "<tr><th scope='row'>总访问量</th><td>12345</td></tr>", html=True)
    for path in (
        "/en/office/reports/1999/",
        "/en/office/reports/abcd/",
        "/en/office/reports/20245/",
    ):
        assert client.get(path).status_code == 404


@pytest.mark.parametrize(("lang", "label"), [("zh-hans", "办事指南"), ("en", "Service guides")])
def test_navigation_and_footer_lead_to_the_office(client, lang, label):
    response = client.get(f"/{lang}/")
    assertContains(response, f'<a href="/{lang}/office/guides/">{label}</a>', html=True, count=2)
    assertContains(response, f'href="/{lang}/office/contact/"')
    assertContains(response, f'href="/{lang}/sitemap/"')


def test_the_xml_sitemap_lists_the_office_pages_in_both_languages(client, guide):
    make_report(2024)
    make_guide(slug="secret", status="draft")
    pages = client.get("/sitemap-pages.xml").content.decode()
    assert "/en/office/contact/" in pages and "/zh-hans/office/guides/" in pages
    assert "/en/office/accessibility/" not in pages
    office = client.get("/sitemap-office.xml").content.decode()
    assert "/zh-hans/office/guides/invitation-letters/" in office
    assert "/en/office/reports/2024/" in office
    assert "secret" not in office
    assert "sitemap-office.xml" in client.get("/sitemap.xml").content.decode()


@pytest.mark.parametrize("lang", LANGS)
def test_the_site_map_page_lists_every_section_and_the_office_pages(client, guide, lang):
    response = client.get(f"/{lang}/sitemap/")
    for path in ("", "news/", "cities/", "office/", "office/contact/", "office/guides/"):
        assertContains(response, f'href="/{lang}/{path}"')
    assertContains(response, guide.get_absolute_url().replace("/zh-hans/", f"/{lang}/"))


@pytest.mark.parametrize(
    ("lang", "query", "title"),
    [("zh-hans", "邀请函", "邀请外国人来华"), ("en", "invitation", "letters for foreign visitors")],
)
def test_search_finds_a_service_guide(client, guide, lang, query, title):
    make_office_page("about", title_en="About", responsibilities_en="Handle invitation matters")
    response = client.get(f"/{lang}/search/", {"q": query})
    assertContains(response, f'href="/{lang}/office/guides/invitation-letters/"')
    assertContains(response, title)


def test_search_never_shows_a_draft_guide(client, guide):
    ServiceGuide.objects.filter(pk=guide.pk).update(
        status="draft"
    )  # the index still says published
    assertNotContains(client.get("/en/search/", {"q": "invitation"}), "invitation-letters")


def test_search_finds_an_office_page(client):
    make_office_page("about", title_en="About", responsibilities_en="Manage sister-city ties")
    assertContains(client.get("/en/search/", {"q": "sister-city ties"}), 'href="/en/office/"')


def test_office_pages_come_from_the_page_cache(client, guide):
    for path in ("/en/office/", "/en/office/contact/", "/en/office/guides/invitation-letters/"):
        assert client.get(path)["X-Page-Cache"] == "miss"
        assert client.get(path)["X-Page-Cache"] == "hit"
    guide.title_en = "Invitation letters, revised"
    guide.save()
    response = client.get("/en/office/guides/invitation-letters/")
    assert response["X-Page-Cache"] == "miss" and "revised" in response.content.decode()


def test_an_editor_may_not_publish_a_guide_but_a_publisher_may(client, sign_in):
    sign_in("Editors")
    add = reverse("admin:office_serviceguide_add")
    data = {"title_en": "G", "title_zh_hans": "", "slug": "g", "status": "published",
            "original_language": "en", "position": 0,
            "forms-TOTAL_FORMS": 0, "forms-INITIAL_FORMS": 0}  # fmt: skip
    response = client.post(add, data)
    assert response.status_code == 200 and "Only publishers" in response.content.decode()
    assert not ServiceGuide.objects.exists()
    client.logout()
    sign_in("Publishers")
    response = client.post(add, data)
    assert response.status_code == 302
    assert ServiceGuide.objects.get().is_live


def test_translators_translate_office_records_but_change_no_structure(sign_in):
    translator = sign_in("Translators")
    for model in ("officepage", "serviceguide", "websitereport", "reportrow"):
        assert translator.has_perm(f"office.translate_{model}")
        assert not translator.has_perm(f"office.change_{model}")


def test_a_draft_home_city_is_not_named_on_the_contact_page(client):
    make_city(slug="shenyang", is_home=True, relationship="", latitude=41.8, longitude=123.4,
              name_en="Secret Shenyang", status="draft")  # fmt: skip
    response = client.get("/en/office/contact/")
    assertNotContains(response, "Secret Shenyang")
    assertNotContains(response, "world.svg")
