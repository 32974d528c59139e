"""The demo's office pages, guides and forms: sourced facts, nothing invented, loaded once."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from office.models import GuideForm, OfficePage, ServiceGuide

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    call_command("loaddemo", stdout=StringIO())


def test_the_office_pages_load_once_and_staff_edits_survive(loaded):
    OfficePage.objects.filter(kind="about").update(summary_en="Edited by staff.")
    out = StringIO()
    call_command("loaddemo", stdout=out)
    assert "0 created" in out.getvalue()
    assert OfficePage.objects.count() == 2 and ServiceGuide.objects.count() == 3
    assert GuideForm.objects.count() == 3
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


GUIDES = {
    "invitation-letters-for-foreign-visitors": ("邀请外国人来华邀请函", "Invitation letters"),
    "passports-for-official-travel": ("因公出国（境）护照办理", "Passports for official travel"),
    "apec-business-travel-card": ("APEC商务旅行卡", "APEC Business Travel Card"),
}


def test_each_guide_is_published_in_both_languages_with_a_pdf_form_to_download(loaded):
    client = Client()
    for slug, titles in GUIDES.items():
        guide = ServiceGuide.objects.get(slug=slug)
        assert guide.is_live and guide.last_checked is None  # no staff check is claimed
        for lang, title in zip(("zh-hans", "en"), titles, strict=True):
            page = client.get(f"/{lang}/office/guides/{slug}/")
            assertContains(page, title)
            assertNotContains(page, "noindex")
            form = guide.forms.get()
            assertContains(page, f'href="{form.get_absolute_url()}"')
            download = client.get(form.get_absolute_url())
            assert download.status_code == 200
            assert download["Content-Type"] == "application/pdf"
            assert b"".join(download.streaming_content).startswith(b"%PDF-")
        for lang in ("zh-hans", "en"):
            assertContains(client.get(f"/{lang}/office/guides/"), f"/office/guides/{slug}/")


def test_the_guides_give_no_fee_counter_hours_or_telephone_they_cannot_source(loaded):
    for guide in ServiceGuide.objects.all():
        for field in ("fees", "location", "hours", "contact"):
            assert not getattr(guide, f"{field}_en") and not getattr(guide, f"{field}_zh_hans")
