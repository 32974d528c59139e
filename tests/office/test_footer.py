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
    office.error_report_url = "https://zfwzzc.www.gov.cn/check_web/errorInfo?websiteCode=2101000001"
    office.government_mark_url = "https://bszs.conac.cn/sitename?method=show&id=1"
    office.full_clean()
    office.save()
    GovernmentMark.objects.create(
        office=office, image=ContentFile(landscape(110, 130), name="m.jpg")
    )
    SecurityMark.objects.create(office=office, image=ContentFile(landscape(40, 40), name="s.jpg"))
    return office


@pytest.mark.parametrize(
    ("lang", "organiser", "code", "report", "mark"),
    [
        ("zh-hans", "主办单位：沈阳市人民政府外事办公室", "网站标识码：2101000001",
         "网站纠错", "党政机关网站标识"),
        ("en", "Organiser: Foreign Affairs Office of Shenyang",
         "Website identifier code: 2101000001", "Report an error on this site",
         "Party and government website mark"),
    ],
)  # fmt: skip
def test_every_convention_when_all_are_set(client, all_set, lang, organiser, code, report, mark):
    response = client.get(f"/{lang}/")
    assertContains(response, f"<li>{organiser}</li>", html=True)
    assertContains(response, f"<li>{code}</li>", html=True)
    assertContains(
        response,
        '<a href="https://beian.miit.gov.cn/" rel="external">辽ICP备12345678号-1</a>',
        html=True,
    )
    html = response.content.decode()
    assert (
        'href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=21010202000123"' in html
    )
    assert "辽公网安备 21010202000123号" in html
    assertContains(response, f">{report}</a>")
    assert f'alt="{mark}"' in html
    assert 'href="https://bszs.conac.cn/sitename?method=show&amp;id=1"' in html


@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_none_of_them_when_none_is_set(client, office, lang):
    html = client.get(f"/{lang}/").content.decode()
    for absent in ("beian", "recordcode", "主办单位", "Organiser", "标识码", "identifier code",
                   'class="mark"', "government-mark"):  # fmt: skip
        assert absent not in html, absent
    legal = html.split('class="wrap footer-legal"')[1]
    assert "<ul>" not in legal and "<li>" not in legal


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


def test_a_site_code_with_other_characters_is_refused(office):
    from django.core.exceptions import ValidationError

    office.site_code = "21-01 <b>"
    with pytest.raises(ValidationError) as error:
        office.full_clean()
    assert "site_code" in error.value.message_dict


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
