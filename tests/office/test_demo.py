"""The demo's office pages: sourced facts, nothing invented, loaded once."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from office.models import OfficePage, ServiceGuide

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    call_command("loaddemo", stdout=StringIO())


def test_the_office_pages_load_once_and_staff_edits_survive(loaded):
    OfficePage.objects.filter(kind="about").update(summary_en="Edited by staff.")
    out = StringIO()
    call_command("loaddemo", stdout=out)
    assert "0 created" in out.getvalue()
    assert OfficePage.objects.count() == 2 and ServiceGuide.objects.count() == 1
    assert OfficePage.objects.get(kind="about").summary_en == "Edited by staff."


@pytest.mark.parametrize(
    ("lang", "duty", "source"),
    [
        ("zh-hans", "审批邀请外国人来沈事项", "主要职责：沈阳市人民政府外事办公室英文网站"),
        ("en", "approving invitations to foreign nationals", "Responsibilities: the office"),
    ],
)
def test_about_states_the_responsibilities_and_names_its_sources(
    client, loaded, lang, duty, source
):
    response = client.get(f"/{lang}/office/")
    assertContains(response, duty)
    assertContains(response, source)
    assertContains(response, 'href="http://wb.shenyang.gov.cn/English/aboutshenyangfao/')


@pytest.mark.parametrize("lang", ["zh-hans", "en"])
def test_the_contact_page_invents_nothing(client, loaded, lang):
    response = client.get(f"/{lang}/office/contact/")
    for absent in ("tel:", "mailto:", "<dt>Fax</dt>", "<dt>传真</dt>"):
        assertNotContains(response, absent)


def test_the_demo_guide_is_a_draft_with_the_structure_and_no_requirements(
    client, loaded, admin_client
):
    guide = ServiceGuide.objects.get()
    assert guide.status == "draft" and guide.last_checked is None
    for field in ("eligibility", "materials", "steps", "legal_basis"):
        assert getattr(guide, f"{field}_en").startswith("[To be completed by staff")
        assert getattr(guide, f"{field}_zh_hans").startswith("【待工作人员")
    assert Client().get(guide.get_absolute_url()).status_code == 404
    assertNotContains(Client().get("/en/office/guides/"), guide.title_en)
    preview = admin_client.get("/en/office/guides/invitation-letters-for-foreign-visitors/")
    assertContains(preview, "What to bring")
