"""The glossary's exchange buttons: publishers only, a preview first, then all or nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from portal.editorial.glossary import Term

pytestmark = pytest.mark.django_db

IMPORT = reverse("admin:portal_term_import")
CSV = (
    "zh-Hans,en,en variants,domain,kind\n"
    "吕志成,Lyu Zhicheng,Mr Lyu,diplomacy,person\n"
    "沈阳,Shenyang,,,place\n"
)


@pytest.fixture
def karachi(db):
    return Term.objects.create(chinese="吕志成", english="Lyu Zhicheng", kind="person")


def upload(client, content, name="terms.csv"):
    data = content.encode() if isinstance(content, str) else content
    return client.post(IMPORT, {"file": SimpleUploadedFile(name, data)})


def test_publishers_see_the_buttons_and_export_both_formats(client, sign_in, karachi):
    sign_in("Publishers")
    changelist = client.get(reverse("admin:portal_term_changelist"))
    assertContains(changelist, "Export TBX")
    assertContains(changelist, f'href="{IMPORT}"')
    tbx = client.get(reverse("admin:portal_term_export") + "?format=tbx")
    assert tbx["Content-Disposition"] == 'attachment; filename="glossary.tbx"'
    assert "<term>吕志成</term>" in tbx.content.decode()
    csv = client.get(reverse("admin:portal_term_export") + "?format=csv")
    assert csv.content.decode("utf-8-sig").startswith("zh-Hans,en,")


def test_no_one_else_sees_or_uses_them(client, sign_in, karachi):
    sign_in("Translators")
    assertNotContains(client.get(reverse("admin:portal_term_changelist")), "Export TBX")
    assert client.get(reverse("admin:portal_term_export")).status_code == 403
    assert upload(client, CSV).status_code == 403
    assert not Term.objects.filter(chinese="沈阳").exists()


def test_an_upload_shows_a_preview_and_saves_nothing_until_applied(client, sign_in, karachi):
    publisher = sign_in("Publishers")
    preview = upload(client, CSV)
    assertContains(preview, "1 names to add, 1 to change, 0 unchanged.")
    assertContains(
        preview,
        '<li><span lang="zh-hans">沈阳</span> → <span lang="en">Shenyang</span></li>',
        html=True,
    )
    assertContains(preview, "variants, domain")
    assert not Term.objects.filter(chinese="沈阳").exists()
    assert Term.objects.get(chinese="吕志成").variants == {}
    payload = preview.context["payload"]
    applied = client.post(IMPORT, {"payload": payload}, follow=True)
    assertContains(applied, "Imported from terms.csv: 1 names added, 1 changed.")
    assert Term.objects.get(chinese="吕志成").variants == {"en": ["Mr Lyu"]}
    assert Term.objects.get(chinese="沈阳").history.first().history_user == publisher


def test_a_preview_is_checked_again_when_applied(client, sign_in, karachi):
    sign_in("Publishers")
    payload = upload(client, CSV).context["payload"]
    Term.objects.create(chinese="沈阳", english="Shen-yang", kind="place", forbidden={"en": ["x"]})
    # Since the preview, someone made the file's variant a forbidden rendering.
    Term.objects.filter(chinese="吕志成").update(forbidden={"en": ["Mr Lyu"]})
    response = client.post(IMPORT, {"payload": payload})
    assertContains(response, "is also an accepted variant")
    assert Term.objects.get(chinese="沈阳").english == "Shen-yang"


def test_a_tampered_preview_is_refused(client, sign_in, karachi):
    sign_in("Publishers")
    payload = upload(client, CSV).context["payload"]
    response = client.post(IMPORT, {"payload": payload[:-2] + "xx"}, follow=True)
    assertContains(response, "This preview has expired: upload the file again.")
    assert not Term.objects.filter(chinese="沈阳").exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("terms.tbx", "<martif><oops></martif>", "This is not a TBX file"),
        ("terms.txt", "hello", "is a .tbx or a .csv file"),
        ("terms.csv", "zh-Hans,en\n沈阳,\n", "no official form in English"),
    ],
)
def test_a_bad_file_gets_a_message_in_both_admin_languages(
    client, sign_in, karachi, name, content, message
):
    sign_in("Publishers")
    response = upload(client, content, name)
    assertContains(response, message)
    assertNotContains(response, 'name="payload"')
    client.cookies["django_language"] = "zh-hans"
    assertContains(upload(client, content, name), "导入规范名称")


def test_a_file_that_is_too_large_is_refused(client, sign_in, karachi, settings):
    sign_in("Publishers")
    response = upload(client, "zh-Hans,en\n" + "x" * (20 * 1024 * 1024))
    assertContains(response, "The file is larger than 20 MB.")


def test_a_file_too_large_to_confirm_is_sent_to_the_command(client, sign_in, karachi, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 20_000
    sign_in("Publishers")
    rows = "".join(f"名{n:05d},Name {n} {'x' * (n % 97)},place\n" for n in range(2000))
    response = upload(client, "zh-Hans,en,kind\n" + rows)
    assertContains(response, "too large to be confirmed here")
    assertNotContains(response, 'name="payload"')


def test_the_change_form_keeps_variants_and_refuses_one_also_forbidden(client, sign_in, karachi):
    sign_in("Publishers")
    url = reverse("admin:portal_term_change", args=[karachi.pk])
    page = client.get(url)
    assertContains(page, "Variants (English)")
    data = {
        "chinese": "吕志成",
        "english": "Lyu Zhicheng",
        "kind": "person",
        "domain": "diplomacy",
        "variants_en": "Mr Lyu\nLyu\n",
        "variants_zh_hans": "",
        "forbidden_en": "Lu Zhicheng",
        "forbidden_zh_hans": "",
        "note": "",
        "source": "",
    }
    assert client.post(url, data).status_code == 302
    karachi.refresh_from_db()
    assert (karachi.variants, karachi.domain) == ({"en": ["Mr Lyu", "Lyu"]}, "diplomacy")
    refused = client.post(url, {**data, "forbidden_en": "Mr Lyu"})
    assertContains(refused, "“Mr Lyu” is also an accepted variant: it cannot be forbidden.")
