"""XLIFF 1.2 round trip with a CAT tool, played by translate-toolkit's own API: the
export, a translated file imported back, and what an import refuses or holds for a
publisher. Who may import: `test_xliff_import_user`."""

import contextlib

import pytest
from django.core.management import CommandError
from lxml import etree
from pytest_django.asserts import assertContains
from translate.storage.placeables import StringElem
from translate.storage.placeables.xliff import G, X

from cities.models import CityPhoto
from news.models import Article
from portal.editorial.models import PendingChange
from tests.portal.xliff_files import NS, exported, import_as, translate_like_a_cat_tool

pytestmark = pytest.mark.django_db


def test_the_export_is_xliff_1_2_with_languages_ids_and_protected_tags(
    tmp_path, untranslated_records
):
    visit, _forum, city, photo = untranslated_records
    root = etree.parse(str(exported(tmp_path))).getroot()
    assert root.tag == f"{NS}xliff" and root.get("version") == "1.2"
    assert "document:1.1" not in etree.tostring(root).decode()
    file = root.find(f"{NS}file")
    assert (file.get("source-language"), file.get("target-language")) == ("zh-Hans", "en")
    assert file.get("original") and file.get("datatype")
    ids = [unit.get("id") for unit in root.iter(f"{NS}trans-unit")]
    assert f"news.article/{visit.pk}/body" in ids
    assert f"cities.city/{city.pk}/name" in ids
    assert f"cities.cityphoto/{photo.pk}/alt" in ids
    body = next(u for u in root.iter(f"{NS}trans-unit") if u.get("id").endswith("/body"))
    source = etree.tostring(body.find(f"{NS}source"), encoding="unicode")
    assert '<g id="1">卡拉奇<g id="2">代表团</g>访问<x id="3"/>沈阳。</g>' in source
    assert "<strong>" not in source  # the markup is protected, not text to translate


def test_only_the_named_model(tmp_path, untranslated_records):
    root = etree.parse(str(exported(tmp_path, "--model", "news.article"))).getroot()
    ids = [unit.get("id") for unit in root.iter(f"{NS}trans-unit")]
    assert ids and all(unit_id.startswith("news.article/") for unit_id in ids)
    with pytest.raises(CommandError, match="Unknown model"):
        exported(tmp_path, "--model", "auth.user")


def test_round_trip_fills_fields_with_a_version(tmp_path, untranslated_records, translator, capsys):
    visit, forum, city, photo = untranslated_records
    path = exported(tmp_path)
    rich = [
        StringElem(
            [
                G(id="1", sub=["Karachi ", G(id="2", sub=["delegation"]), " visits", X(id="3"),
                               "Shenyang & Co."]),
                G(id="4", sub=["Second paragraph"]),
            ]
        )
    ]  # fmt: skip
    translate_like_a_cat_tool(
        path,
        {
            f"news.article/{visit.pk}/title": "Karachi delegation visits Shenyang",
            f"news.article/{visit.pk}/body": rich,
            f"cities.city/{city.pk}/name": "Karachi",
            f"cities.cityphoto/{photo.pk}/alt": "The port of Karachi",
        },
    )
    import_as("translator", path)
    visit.refresh_from_db()
    assert visit.title_en == "Karachi delegation visits Shenyang"
    assert visit.body_en == (
        "<p>Karachi <strong>delegation</strong> visits<br>Shenyang &amp; Co.</p>"
        "<p>Second paragraph</p>"
    )
    assert visit.translation_status()["en"] == "complete"
    assert visit.history.latest().history_change_reason == "Imported from queue.xlf"
    assert visit.history.latest().history_user == translator
    assert CityPhoto.objects.get(pk=photo.pk).alt_en == "The port of Karachi"
    forum.refresh_from_db()
    assert forum.title_en == ""  # not translated in the file: left alone
    out = capsys.readouterr().out
    assert "3 records updated." in out and "units had no translation" in out


def test_a_stale_unit_is_refused_and_nothing_of_the_file_saved(
    tmp_path, untranslated_records, translator, capsys
):
    visit, forum, _city, _photo = untranslated_records
    path = exported(tmp_path)
    visit.body_zh_hans = "<p>原文改了。</p>"
    visit.save()
    translate_like_a_cat_tool(
        path,
        {
            f"news.article/{visit.pk}/title": "Karachi delegation visits Shenyang",
            f"news.article/{visit.pk}/body": "Changed",
            f"news.article/{forum.pk}/title": "Forum",
        },
    )
    with pytest.raises(CommandError, match="1 refusals, listed above: nothing was imported"):
        import_as("translator", path)
    visit.refresh_from_db()
    assert visit.title_en == ""  # nothing half-applied
    assert Article.objects.get(pk=forum.pk).title_en == ""  # all or nothing: the file
    out = capsys.readouterr().out
    assert f"news.article/{visit.pk}/body: stale" in out
    assert "Nothing was imported: 1 units were refused." in out


def test_unknown_records_and_fields_are_reported(
    tmp_path, untranslated_records, translator, capsys
):
    visit, forum, _city, _photo = untranslated_records
    path = exported(tmp_path)
    text = path.read_text()
    text = text.replace(f'id="news.article/{forum.pk}/title"', 'id="news.article/99999/title"')
    text = text.replace(f'id="news.article/{visit.pk}/title"', f'id="news.article/{visit.pk}/nope"')
    text = text.replace(f'id="news.article/{forum.pk}/body"', 'id="auth.user/1/password"')
    path.write_text(text)
    translate_like_a_cat_tool(
        path,
        {
            "news.article/99999/title": "x",
            f"news.article/{visit.pk}/nope": "x",
            f"news.article/{visit.pk}/body": "x",
            "auth.user/1/password": "x",
        },
    )
    with pytest.raises(CommandError):
        import_as("translator", path)
    out = capsys.readouterr().out
    assert "news.article/99999/title: no such record" in out
    assert f"news.article/{visit.pk}/nope: no such field" in out
    assert "auth.user/1/password: no such kind of record" in out
    visit.refresh_from_db()
    assert visit.body_en == ""


def test_a_published_record_gets_a_pending_change(tmp_path, untranslated_records, translator):
    visit, *_rest = untranslated_records
    visit.status = "published"
    visit.save()
    path = exported(tmp_path, "--model", "news.article")
    translate_like_a_cat_tool(path, {f"news.article/{visit.pk}/title": "Karachi visit"})
    import_as("translator", path)
    visit.refresh_from_db()
    assert visit.title_en == ""
    change = PendingChange.objects.get(object_id=visit.pk)
    assert change.values == {"title_en": "Karachi visit"} and change.author == translator


def test_a_file_that_is_not_xliff_is_refused_clearly(tmp_path, translator):
    path = tmp_path / "bad.xlf"
    path.write_text("<html>no</html>")
    with pytest.raises(CommandError):
        import_as("translator", path)


def test_the_admin_exports_the_queue_and_imports_a_file(
    client, sign_in, untranslated_records, tmp_path
):
    visit, *_rest = untranslated_records
    translator = sign_in("Translators")
    queue = client.get("/admin/translations/?language=en")
    assertContains(queue, 'href="/admin/translations/xliff/export/?language=en"')
    response = client.get("/admin/translations/xliff/export/?language=en")
    assert response["Content-Disposition"] == 'attachment; filename="portal-en.xlf"'
    path = tmp_path / "back.xlf"
    path.write_bytes(response.content)
    translate_like_a_cat_tool(path, {f"news.article/{visit.pk}/title": "Karachi visit"})
    with path.open("rb") as upload:
        response = client.post("/admin/translations/xliff/import/", {"file": upload})
    assertContains(response, "1 records updated.")
    visit.refresh_from_db()
    assert visit.title_en == "Karachi visit"
    assert visit.history.latest().history_user == translator
    client.cookies["django_language"] = "zh-hans"
    response = client.post(
        "/admin/translations/xliff/import/", {"file": tmp_path.joinpath("back.xlf").open("rb")}
    )
    assertContains(response, "导入结果")
    bad = tmp_path / "bad.xlf"
    bad.write_text("not xml")
    assertContains(
        client.post("/admin/translations/xliff/import/", {"file": bad.open("rb")}),
        "errorlist",
    )


def test_entities_in_a_file_are_not_resolved(tmp_path, untranslated_records, translator):
    """An XLIFF file is untrusted: an external entity must not read the server's files."""
    visit, *_rest = untranslated_records
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    path = exported(tmp_path, "--model", "news.article")
    translate_like_a_cat_tool(path, {f"news.article/{visit.pk}/title": "PLACEHOLDER"})
    text = path.read_text().replace("PLACEHOLDER", "&xxe;")
    doctype = f'<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
    text = text.replace("<xliff ", doctype + "<xliff ", 1)
    path.write_text(text)
    with contextlib.suppress(CommandError):  # refusing the file outright is fine too
        import_as("translator", path)
    visit.refresh_from_db()
    assert "SECRET" not in visit.title_en
