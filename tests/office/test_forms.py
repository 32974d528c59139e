"""A guide's PDF forms: verified by content, cleaned, and served only as downloads."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from office.models import GuideForm
from office.pdf import MAX_FORM_BYTES
from office.pdf_rebuild import Rebuild
from tests.factories import make_guide
from tests.hostile_pdfs import (
    pdf_with_embedded_html,
    pdf_with_launch_by_reference,
    pdf_with_named_script,
    pdf_with_open_action_link,
    pdf_with_open_action_script,
    pdf_with_page_action,
    pdf_with_remote_link,
    pdf_with_submit_button,
    pdf_with_xfa_script,
)
from tests.pdfs import fillable_form_pdf, form_pdf, form_with_unlisted_content_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(db):
    return make_guide(slug="invitation-letters", title_en="Invitation letters")


def inline_post(client, guide, upload, language="en"):
    """Post the guide's change form with one new form row holding `upload`."""
    client.cookies["django_language"] = language
    url = reverse("admin:office_serviceguide_change", args=[guide.pk])
    page = client.get(url)
    assert page.status_code == 200
    from tests.admin_forms import admin_form_data

    data = admin_form_data(page)
    data.update(
        {
            "forms-TOTAL_FORMS": ["1"],
            "forms-INITIAL_FORMS": ["0"],
            "forms-0-title_en": ["Application form"],
            "forms-0-title_zh_hans": ["申请表"],
            "forms-0-position": ["0"],
            "forms-0-guide": [str(guide.pk)],
        }
    )
    flat = {key: value[0] if len(value) == 1 else value for key, value in data.items()}
    flat["forms-0-file"] = upload
    return client.post(url, flat)


def field_errors(response):
    formset = next(
        fs for fs in response.context["inline_admin_formsets"] if fs.formset.prefix == "forms"
    )
    return formset.formset.forms[0].errors.get("file", [])


def test_a_pdf_is_stored_cleaned_under_a_random_name(admin_client, guide):
    response = inline_post(admin_client, guide, SimpleUploadedFile("my form.pdf", form_pdf()))
    assert response.status_code == 302
    record = GuideForm.objects.get()
    assert record.file.name.startswith("forms/") and "my form" not in record.file.name
    stored = record.file.read()
    assert b"Secret Author" not in stored
    reader = PdfReader(io.BytesIO(stored))
    assert reader.metadata is None and "/Metadata" not in reader.trailer["/Root"]
    assert len(reader.pages) == 1 and record.size == len(stored)


@pytest.mark.parametrize(
    "content", [pdf_with_open_action_script, pdf_with_named_script, pdf_with_page_action]
)
def test_a_pdf_with_javascript_is_refused_on_the_field(admin_client, guide, content):
    response = inline_post(admin_client, guide, SimpleUploadedFile("form.pdf", content()))
    assert response.status_code == 200
    assert any("JavaScript" in str(error) for error in field_errors(response))
    assert not GuideForm.objects.exists()


def refusal(found):
    return (
        f"This PDF contains: {found}. None of this is allowed in a downloadable form: remove "
        "it in the program that made the form, then save and upload the form again."
    )


@pytest.mark.parametrize(
    ("content", "found"),
    [
        (pdf_with_open_action_link, "an action run when it opens (OpenAction)"),
        (pdf_with_remote_link, "a link or content that opens another file (GoToR, GoToE)"),
        (pdf_with_submit_button, "a button that sends the form somewhere (SubmitForm)"),
        (pdf_with_xfa_script, "XFA form data, which can run scripts (XFA)"),
        (pdf_with_embedded_html, "embedded files"),
        (pdf_with_launch_by_reference, "an action that starts a program (Launch)"),
    ],
)
def test_a_pdf_with_active_content_is_refused_naming_what_it_holds(
    admin_client, guide, content, found
):
    response = inline_post(admin_client, guide, SimpleUploadedFile("form.pdf", content()))
    assert response.status_code == 200
    assert field_errors(response) == [refusal(found)]
    assert not GuideForm.objects.exists()


def test_every_kind_of_active_content_found_is_named(admin_client, guide):
    upload = SimpleUploadedFile("form.pdf", pdf_with_open_action_script())
    response = inline_post(admin_client, guide, upload)
    assert field_errors(response) == [
        refusal("JavaScript; an action run when it opens (OpenAction)")
    ]


def test_what_a_pdf_holds_is_named_in_the_staff_members_language(admin_client, guide):
    upload = SimpleUploadedFile("form.pdf", pdf_with_open_action_script())
    response = inline_post(admin_client, guide, upload, language="zh-hans")
    assert field_errors(response) == [
        "此PDF文件包含：JavaScript脚本；打开文件时运行的动作（OpenAction）。"
        "供下载的表格不允许含有这些内容，请在制作该表格的程序中将其删除，重新保存后再上传。"
    ]


def stored_form(admin_client, guide, content):
    response = inline_post(admin_client, guide, SimpleUploadedFile("form.pdf", content))
    assert response.status_code == 302
    stored = GuideForm.objects.get().file.read()
    return stored, PdfReader(io.BytesIO(stored))


def test_a_fillable_form_keeps_its_field_and_its_links(admin_client, guide):
    _stored, reader = stored_form(admin_client, guide, fillable_form_pdf())
    page = reader.pages[0]
    widget, *links = (annotation.get_object() for annotation in page["/Annots"])
    assert widget["/Subtype"] == "/Widget" and widget["/T"] == "applicant_name"
    assert widget["/P"].get_object() == page and "/N" in widget["/AP"]
    assert list(reader.get_fields()) == ["applicant_name"]
    assert reader.trailer["/Root"]["/AcroForm"]["/DR"]["/Font"]["/Helv"]["/BaseFont"] == (
        "/Helvetica"
    )
    assert [(link["/Subtype"], link["/A"]["/S"], link["/A"]["/URI"]) for link in links] == [
        ("/Link", "/URI", "https://www.example.gov/guides/visa"),
        ("/Link", "/URI", "mailto:consular@example.gov"),
    ]
    assert page.extract_text() == "Full name"
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"


def test_the_stored_form_holds_nothing_a_form_does_not_need(admin_client, guide):
    stored, reader = stored_form(admin_client, guide, form_with_unlisted_content_pdf())
    assert b"marker" not in stored
    assert set(reader.trailer["/Root"]) == {"/Type", "/Pages", "/AcroForm", "/Lang"}
    first, second = reader.pages
    annotations = [annotation.get_object() for annotation in first["/Annots"]]
    assert [annotation["/Subtype"] for annotation in annotations] == [
        "/Widget",
        "/Link",
        "/Link",
        "/Widget",
        "/Link",
        "/Link",
    ]
    reset, *to_second = annotations[3:]
    assert reset["/T"] == "clear" and "/A" not in reset
    assert [link["/Dest"][0].get_object() for link in to_second] == [second, second]
    assert not any("/A" in link for link in to_second)
    assert list(reader.get_fields()) == ["applicant_name", "clear"]
    assert "/PieceInfo" not in first


HOSTILE = [
    pdf_with_open_action_script,
    pdf_with_named_script,
    pdf_with_page_action,
    pdf_with_open_action_link,
    pdf_with_remote_link,
    pdf_with_submit_button,
    pdf_with_xfa_script,
    pdf_with_embedded_html,
    pdf_with_launch_by_reference,
]
ACTIVE_MARKS = [b"/JS", b"/JavaScript", b"/OpenAction", b"/AA", b"/XFA", b"/Names", b"/EF"]
ACTIVE_MARKS += [b"/EmbeddedFile", b"/GoToR", b"/SubmitForm", b"/Launch", b"/URI", b"<script"]
ACTIVE_MARKS += [b"alert", b"tracker.example", b"attacker.example", b"collector.example"]


@pytest.mark.parametrize("content", HOSTILE)
def test_the_rebuild_alone_would_leave_out_what_the_check_refuses(content):
    """Defence in depth: were the check to miss one, the stored file is written from
    the allowlist and holds none of it."""
    source = content()
    rebuilt = Rebuild(PdfReader(io.BytesIO(source))).write()
    assert any(mark in source for mark in ACTIVE_MARKS)
    assert [mark for mark in ACTIVE_MARKS if mark in rebuilt] == []


def test_a_file_named_pdf_that_is_not_one_is_refused(admin_client, guide):
    fake = SimpleUploadedFile("form.pdf", b"MZ\x90\x00 not a pdf at all", "application/pdf")
    response = inline_post(admin_client, guide, fake)
    assert field_errors(response) == ["This file is not a PDF, whatever its name says."]
    assert not GuideForm.objects.exists()


def test_the_refusal_is_in_the_staff_members_language(admin_client, guide):
    fake = SimpleUploadedFile("form.pdf", b"<html>not a pdf</html>", "application/pdf")
    response = inline_post(admin_client, guide, fake, language="zh-hans")
    assert field_errors(response) == ["此文件不是PDF文件（尽管文件名如此）。"]


def test_a_broken_pdf_is_refused_with_a_message_not_an_error(admin_client, guide):
    broken = SimpleUploadedFile(
        "form.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog", "application/pdf"
    )
    response = inline_post(admin_client, guide, broken)
    assert field_errors(response) == [
        "This PDF cannot be read. Save it again from the program that made it."
    ]


def test_a_30_mb_file_is_refused(admin_client, guide):
    big = SimpleUploadedFile("form.pdf", form_pdf() + b"\0" * (30 * 1024 * 1024))
    response = inline_post(admin_client, guide, big)
    assert field_errors(response) == ["The file is 30.0\xa0MB; a form may be at most 20.0\xa0MB."]
    assert MAX_FORM_BYTES == 20 * 1024 * 1024
    assert not GuideForm.objects.exists()


def _form(guide):
    return GuideForm.objects.create(
        guide=guide,
        title_en="Application form",
        title_zh_hans="申请表",
        file=ContentFile(form_pdf(), name="0123456789abcdef0123456789abcdef.pdf"),
    )


@pytest.mark.parametrize(("lang", "label"), [("zh-hans", "申请表"), ("en", "Application form")])
def test_the_guide_links_its_form_and_it_downloads_as_an_attachment(client, guide, lang, label):
    record = _form(guide)
    page = client.get(f"/{lang}/office/guides/invitation-letters/")
    url = f"/{lang}/office/forms/{record.pk}/"
    assert f'<a href="{url}" download>{label}</a>' in page.content.decode()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_a_draft_guides_form_is_not_served(client, guide):
    record = _form(guide)
    guide.status = "draft"
    guide.save()
    assert client.get(f"/en/office/forms/{record.pk}/").status_code == 404
    assert client.get("/en/office/forms/999/").status_code == 404


def test_forms_are_never_served_from_a_storage_address(client, guide):
    record = _form(guide)
    assert client.get(f"/media/{record.file.name}").status_code == 404


def test_deleting_a_form_or_its_guide_deletes_the_file(guide):
    first, second = _form(guide), _form(guide)
    names = [first.file.name, second.file.name]
    assert all(default_storage.exists(name) for name in names)
    first.delete()
    assert not default_storage.exists(names[0])
    guide.delete()
    assert not default_storage.exists(names[1])
