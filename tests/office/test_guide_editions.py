"""A service guide's language edition follows the same rule as an article's."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import make_guide

pytestmark = pytest.mark.django_db


def chinese_only(**fields):
    return make_guide(
        slug="invitations",
        title_zh_hans="邀请外国人来华",
        title_en="",
        original_language="zh-hans",
        **fields,
    )


def test_an_untranslated_guide_is_absent_from_the_english_site(client):
    chinese_only()
    assertNotContains(client.get("/en/office/guides/"), "/en/office/guides/invitations/")
    assertContains(client.get("/zh-hans/office/guides/"), "/zh-hans/office/guides/invitations/")
    page = client.get("/en/office/guides/invitations/")
    assert page.status_code == 200 and page["X-Robots-Tag"] == "noindex"
    assertContains(page, "This service guide is not yet available in English.")
    assertContains(page, 'href="/zh-hans/office/guides/invitations/"')


def test_a_guide_published_in_the_original_only_is_listed_marked_with_a_notice(client):
    chinese_only(original_only=True)
    assertContains(client.get("/en/office/guides/"), "/en/office/guides/invitations/")
    page = client.get("/en/office/guides/invitations/")
    assert page["X-Robots-Tag"] == "noindex"
    assertContains(page, "This service guide is published in Chinese only")


def test_a_whole_guide_is_in_both_languages(client):
    make_guide(slug="passports", title_zh_hans="因公护照", title_en="Official passports")
    for language in ("zh-hans", "en"):
        page = client.get(f"/{language}/office/guides/passports/")
        assert page.status_code == 200 and "X-Robots-Tag" not in page


def test_an_untranslated_guide_is_not_in_english_search_or_site_map(client):
    chinese_only(summary_zh_hans="接待单位申请邀请函。")
    assertNotContains(client.get("/en/search/", {"q": "邀请函"}), "/office/guides/invitations/")
    assertContains(client.get("/zh-hans/search/", {"q": "邀请函"}), "/office/guides/invitations/")
    assertNotContains(client.get("/en/sitemap/"), "/en/office/guides/invitations/")
    assertNotContains(client.get("/en/office/"), "/en/office/guides/invitations/")


def test_a_guide_in_the_original_only_is_found_by_english_search_marked(client):
    chinese_only(original_only=True, summary_zh_hans="接待单位申请邀请函。")
    found = client.get("/en/search/", {"q": "邀请函"})
    assertContains(found, "/en/office/guides/invitations/")
    assertContains(found, "Chinese only")
    assertContains(client.get("/en/sitemap/"), "Chinese only")


def guide_with_form(form_title_en="", slug="passports"):
    """An English guide offering one form, its title in Chinese and `form_title_en`."""
    from django.core.files.base import ContentFile

    from office.models import GuideForm
    from tests.pdfs import form_pdf

    guide = make_guide(slug=slug, title_en="Official passports", title_zh_hans="因公护照")
    form = GuideForm.objects.create(
        guide=guide,
        title_en=form_title_en,
        title_zh_hans="申请表",
        file=ContentFile(form_pdf(), name="0123456789abcdef0123456789abcdef.pdf"),
    )
    return guide, form


def test_a_form_without_its_english_title_keeps_the_guide_out_of_the_english_site(client):
    guide, _form = guide_with_form()
    guide.refresh_from_db()
    assert guide.translation_states["en"] == "missing"
    assert guide.translation_status()["en"] == "missing"
    assertNotContains(client.get("/en/office/guides/"), "/en/office/guides/passports/")
    page = client.get("/en/office/guides/passports/")
    assert page["X-Robots-Tag"] == "noindex"
    assertContains(page, "This service guide is not yet available in English.")


def test_saving_or_deleting_a_form_refreshes_the_guide_s_state(client):
    guide, form = guide_with_form()
    form.title_en = "Application form"  # saved through the model, as the admin and workbench do
    form.save()
    guide.refresh_from_db()
    assert guide.translation_states["en"] == "complete"
    assertContains(client.get("/en/office/guides/"), "/en/office/guides/passports/")
    form.title_en = ""
    form.save()
    guide.refresh_from_db()
    assert guide.translation_states["en"] == "missing"
    form.delete()
    guide.refresh_from_db()
    assert guide.translation_states["en"] == "complete"


def test_translating_a_form_title_on_the_workbench_completes_the_guide(client, sign_in):
    from django.urls import reverse

    from tests.admin_forms import admin_form_data

    guide, form = guide_with_form()
    sign_in("Publishers")  # a published guide's forms change by its publishers only
    address = reverse("translation_workbench", args=["office.serviceguide", guide.pk, "en"])
    page = client.get(address)
    assertContains(page, "申请表")
    field = f"office.guideform-{form.pk}-title_en"
    client.post(address, admin_form_data(page, **{field: "Application form", "_save": "Save"}))
    guide.refresh_from_db()
    assert guide.translation_states["en"] == "complete"


def test_the_migration_marks_guides_whose_forms_lack_a_translation():
    """Guides stored before forms counted: their state is worked out again once."""
    import importlib

    from django.apps import apps

    from office.models import ServiceGuide

    migration = importlib.import_module("office.migrations.0004_guide_form_states")
    guide, _form = guide_with_form()
    whole, _whole_form = guide_with_form("Application form", slug="whole")
    ServiceGuide.objects.update(translation_states={"zh_hans": "complete", "en": "complete"})
    migration.mark_untranslated_forms(apps, None)
    guide.refresh_from_db()
    whole.refresh_from_db()
    assert guide.translation_states == {"zh_hans": "complete", "en": "missing"}
    assert whole.translation_states == {"zh_hans": "complete", "en": "complete"}
