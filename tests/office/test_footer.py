"""The footer follows the conventions of a Chinese government website, each only when set."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from portal.models import GovernmentMark, Office, SecurityMark
from tests.images import landscape

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(db):
    return Office.objects.create(name_en="Foreign Affairs Office", name_zh_hans="外事办公室")


@pytest.fixture
def all_set(office):
    office.organiser_en = "Foreign Affairs Office of Shenyang"
    office.organiser_zh_hans = "沈阳市人民政府外事办公室"
    office.site_code = "2101000001"
    office.icp_number = "辽ICP备12345678号-1"
    office.security_number = "辽公网安备 21010202000123号"
    office.operator_en = "Shenyang Information Centre"
    office.operator_zh_hans = "沈阳市信息中心"
    office.government_mark_url = "https://bszs.conac.cn/sitename?method=show&id=1"
    office.full_clean()
    office.save()
    GovernmentMark.objects.create(
        office=office, image=ContentFile(landscape(110, 130), name="m.jpg")
    )
    return office


@pytest.mark.parametrize(
    ("lang", "organiser", "operator", "code", "mark"),
    [
        ("zh-hans", "主办单位：沈阳市人民政府外事办公室", "承办单位：沈阳市信息中心",
         "网站标识码：2101000001", "党政机关网站标识"),
        ("en", "Organiser: Foreign Affairs Office of Shenyang",
         "Operator: Shenyang Information Centre", "Website identifier code: 2101000001",
         "Party and government website mark"),
    ],
)  # fmt: skip
def test_every_convention_when_all_are_set(client, all_set, lang, organiser, operator, code, mark):
    response = client.get(f"/{lang}/")
    assertContains(response, f"<li>{organiser}</li>", html=True)
    assertContains(response, f"<li>{operator}</li>", html=True)
    assertContains(response, f"<li>{code}</li>", html=True)
    assertContains(
        response,
        '<a href="https://beian.miit.gov.cn/" rel="external">辽ICP备12345678号-1</a>',
        html=True,
    )
    html = response.content.decode()
    assert 'href="https://beian.mps.gov.cn/#/query/webSearch?code=21010202000123"' in html
    # Our own shield drawn beside the number (the office uploaded no mark of its own).
    security = html.split('class="security-filing"')[1].split("</a>")[0]
    assert '<svg class="shield"' in security and "辽公网安备 21010202000123号" in security
    assert f'alt="{mark}"' in html
    assert 'href="https://bszs.conac.cn/sitename?method=show&amp;id=1"' in html


@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_none_of_them_when_none_is_set(client, office, lang):
    html = client.get(f"/{lang}/").content.decode()
    for absent in ("beian", "主办单位", "承办单位", "Organiser", "Operator", "标识码",
                   "identifier code", 'class="mark"', "government-mark", "shield",
                   "zfwzzc"):  # fmt: skip
        assert absent not in html, absent
    legal = html.split('class="wrap footer-legal"')[1]
    # Only the link to report a problem, to the portal's own form.
    assert legal.count("<li>") == 1
    assert f'<a href="/{lang}/report-a-problem/?page=%2F{lang}%2F">' in legal


def test_the_footer_links_contact_site_map_and_accessibility_in_both_languages(client, office):
    from tests.factories import make_office_page

    make_office_page("accessibility", title_en="Accessibility", title_zh_hans="无障碍")
    for lang, labels in (("zh-hans", ("联系我们", "网站地图", "无障碍声明")),
                         ("en", ("Contact", "Site map", "Accessibility statement"))):  # fmt: skip
        response = Client().get(f"/{lang}/")
        for label in labels:
            assertContains(response, f">{label}</a>")


def test_without_an_office_record_the_footer_still_renders(client):
    response = client.get("/en/")
    assert response.status_code == 200
    assertNotContains(response, "beian")


def test_a_security_number_without_digits_is_refused(office):
    from django.core.exceptions import ValidationError

    office.security_number = "辽公网安备"
    with pytest.raises(ValidationError) as error:
        office.full_clean()
    assert "security_number" in error.value.message_dict


@pytest.mark.parametrize("code", ["21-01 <b>", "210100000", "21010000011", "2101 00001"])
def test_a_site_code_not_of_ten_letters_and_digits_is_refused(office, code):
    from django.core.exceptions import ValidationError

    office.site_code = code
    with pytest.raises(ValidationError) as error:
        office.full_clean()
    assert "site_code" in error.value.message_dict


def test_the_database_refuses_a_malformed_site_code_too(office):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Office.objects.filter(pk=office.pk).update(site_code="21-0100001")


@pytest.mark.parametrize(
    ("field", "good", "bad"),
    [
        ("site_code", ["2101000001", "bm17000001"], []),
        ("icp_number", ["辽ICP备05000000号", "辽ICP备05000000号-1"],
         ["ICP备05000000号", "辽ICP05000000", "辽ICP备05000000号<b>"]),
        ("security_number", ["辽公网安备 21010202000000号", "辽公网安备21010202000000号"],
         ["辽公网安备 2101号", "公网安备 21010202000000号"]),
    ],
)  # fmt: skip
def test_identity_numbers_are_checked_as_registered(office, field, good, bad):
    from django.core.exceptions import ValidationError

    for value in good:
        setattr(office, field, value)
        office.full_clean()
    for value in bad:
        setattr(office, field, value)
        with pytest.raises(ValidationError) as error:
            office.full_clean()
        assert field in error.value.message_dict, value


def test_a_publisher_uploads_the_mark_in_the_admin_and_it_shows_in_the_footer(
    client, office, sign_in
):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from tests.admin_forms import admin_form_data

    sign_in("Publishers")
    url = reverse("admin:portal_office_change", args=[office.pk])
    data = admin_form_data(client.get(url), site_code="2101000001")
    flat = {key: value[0] if len(value) == 1 else value for key, value in data.items()}
    flat["government_mark-TOTAL_FORMS"] = "1"
    flat["government_mark-0-image"] = SimpleUploadedFile("mark.png", landscape(110, 130, "PNG"))
    flat["government_mark-0-alt_en"] = "Party and government website mark"
    flat["government_mark-0-alt_zh_hans"] = "党政机关网站标识"
    response = client.post(url, flat)
    assert response.status_code == 302, response.content.decode()[:3000]
    mark = GovernmentMark.objects.get()
    assert mark.image.name.startswith("originals/") and mark.rendition_widths == [110]
    client.logout()
    html = Client().get("/en/").content.decode()
    assert mark.rendition_url(110, "jpg") in html and "Website identifier code: 2101000001" in html


def test_an_editor_cannot_change_the_office_record(client, office, sign_in):
    from django.urls import reverse

    sign_in("Editors")
    url = reverse("admin:portal_office_change", args=[office.pk])
    response = client.post(url, {"name_en": "Hijacked", "icp_number": "x"})
    assert response.status_code == 403
    office.refresh_from_db()
    assert office.name_en == "Foreign Affairs Office" and office.icp_number == ""


def test_with_a_site_code_chinese_pages_link_the_national_platform(client, all_set):
    from urllib.parse import parse_qs, urlsplit

    response = client.get("/zh-hans/cities/?continent=asia")
    html = response.content.decode()
    link = html.split('" rel="external">网站纠错</a>')[0].rsplit('<a href="', 1)[1]
    parts = urlsplit(link.replace("&amp;", "&"))
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == (
        "https://zfwzzc.www.gov.cn/check_web/errorInfo/jcInfoNew"
    )
    assert parse_qs(parts.query) == {
        "siteCode": ["2101000001"],
        "url": ["http://testserver/zh-hans/cities/?continent=asia"],
    }


def test_english_pages_link_the_portals_own_form_even_with_a_site_code(client, all_set):
    response = client.get("/en/news/")
    assertContains(
        response, '<a href="/en/report-a-problem/?page=%2Fen%2Fnews%2F">Report a problem</a>'
    )
    assertNotContains(response, "zfwzzc")


def test_an_uploaded_security_mark_takes_the_place_of_our_shield(client, all_set):
    SecurityMark.objects.create(
        office=all_set, image=ContentFile(landscape(40, 40), name="s.jpg"), alt_en="mark"
    )
    html = client.get("/en/").content.decode()
    security = html.split('class="security-filing"')[1].split("</a>")[0]
    assert 'alt="Public-security filing mark"' in security and "shield" not in security
