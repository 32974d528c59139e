"""XLIFF 1.2 round trip with a CAT tool, played by translate-toolkit's own API."""

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.utils import translation
from lxml import etree
from pytest_django.asserts import assertContains
from translate.storage.placeables import StringElem
from translate.storage.placeables.xliff import G, X

from cities.models import CityPhoto
from news.models import Article
from portal.editorial.models import PendingChange
from portal.editorial.xliff_format import Xliff12
from portal.editorial.xliff_import import import_file
from tests.factories import make_article, make_city, make_photo

pytestmark = pytest.mark.django_db

NS = "{urn:oasis:names:tc:xliff:document:1.2}"
BODY = "<p>卡拉奇<strong>代表团</strong>访问<br>沈阳。</p><p>第二段</p>"


@pytest.fixture
def records(db):
    visit = make_article(
        slug="visit",
        title_zh_hans="卡拉奇代表团访问沈阳",
        title_en="",
        body_zh_hans=BODY,
        body_en="",
        original_language="zh-hans",
        status="draft",
    )
    forum = make_article(
        slug="forum",
        title_zh_hans="论坛",
        title_en="",
        body_zh_hans="<p>论坛举行。</p>",
        body_en="",
        original_language="zh-hans",
        status="draft",
    )
    city = make_city(slug="karachi", name_zh_hans="卡拉奇", name_en="", status="draft")
    photo = make_photo(city, alt_zh_hans="卡拉奇港口", alt_en="")
    return visit, forum, city, photo


@pytest.fixture
def translator(db):
    """A staff member in the Translators role, not signed in: the command names them."""
    user = get_user_model().objects.create_user("translator", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Translators"))
    return user


def import_as(username, path):
    call_command("xliff", "import", "--user", username, str(path))


def exported(tmp_path, *args):
    path = tmp_path / "queue.xlf"
    call_command("xliff", "export", "--language", "en", *args, str(path))
    return path


def translate_like_a_cat_tool(path, targets):
    """Fill targets by unit id, as a translator's tool would, and save the file."""
    store = Xliff12.parsefile(str(path))
    for unit in store.getunits():
        target = targets.get(unit.xmlelement.get("id"))
        if target is None:
            continue
        if isinstance(target, str):
            unit.target = target
        else:
            unit.rich_target = target
    path.write_bytes(bytes(store))


def test_the_export_is_xliff_1_2_with_languages_ids_and_protected_tags(tmp_path, records):
    visit, _forum, city, photo = records
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


def test_only_the_named_model(tmp_path, records):
    root = etree.parse(str(exported(tmp_path, "--model", "news.article"))).getroot()
    ids = [unit.get("id") for unit in root.iter(f"{NS}trans-unit")]
    assert ids and all(unit_id.startswith("news.article/") for unit_id in ids)
    with pytest.raises(CommandError, match="Unknown model"):
        exported(tmp_path, "--model", "auth.user")


def test_round_trip_fills_fields_with_a_version(tmp_path, records, translator, capsys):
    visit, forum, city, photo = records
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
    tmp_path, records, translator, capsys
):
    visit, forum, _city, _photo = records
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


def test_unknown_records_and_fields_are_reported(tmp_path, records, translator, capsys):
    visit, forum, _city, _photo = records
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


def test_a_published_record_gets_a_pending_change(tmp_path, records, translator):
    visit, *_rest = records
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


def test_the_admin_exports_the_queue_and_imports_a_file(client, sign_in, records, tmp_path):
    visit, *_rest = records
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


def test_entities_in_a_file_are_not_resolved(tmp_path, records, translator):
    """An XLIFF file is untrusted: an external entity must not read the server's files."""
    visit, *_rest = records
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


def translated_file(tmp_path, records):
    visit, _forum, city, _photo = records
    path = exported(tmp_path)
    translate_like_a_cat_tool(
        path,
        {
            f"news.article/{visit.pk}/title": "Karachi visit",
            f"cities.city/{city.pk}/name": "Karachi",
        },
    )
    return path


def nothing_imported(records):
    visit, _forum, city, _photo = records
    visit.refresh_from_db()
    city.refresh_from_db()
    return visit.title_en == "" and city.name_en == ""


def test_an_import_without_user_is_refused_naming_the_option(tmp_path, records):
    path = translated_file(tmp_path, records)
    with pytest.raises(CommandError, match="the following arguments are required: --user"):
        call_command("xliff", "import", str(path))
    assert nothing_imported(records)


def test_the_command_exits_non_zero_without_user(tmp_path):
    path = tmp_path / "queue.xlf"
    path.write_text("<xliff/>")
    manage = Path(__file__).parents[2] / "manage.py"
    done = subprocess.run(
        [sys.executable, str(manage), "xliff", "import", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={"SECRET_KEY": "only-for-this-test", **os.environ},
    )
    assert done.returncode != 0
    assert "the following arguments are required: --user" in done.stderr


@pytest.mark.parametrize(
    ("username", "message"),
    [
        ("nobody", "--user: no user 'nobody'; name a staff account."),
        ("gone", "--user: 'gone' is inactive; name an active staff account."),
        ("visitor", "--user: 'visitor' is not staff; name a staff account."),
    ],
)
def test_an_unknown_inactive_or_non_staff_user_is_refused(tmp_path, records, username, message):
    users = get_user_model().objects
    gone = users.create_user("gone", password="pw", is_staff=True, is_active=False)
    gone.groups.add(Group.objects.get(name="Translators"))
    users.create_user("visitor", password="pw")
    path = translated_file(tmp_path, records)
    with pytest.raises(CommandError) as raised:
        import_as(username, path)
    assert str(raised.value) == message
    assert nothing_imported(records)


def news_translator():
    """Staff who may translate articles, and nothing of the cities."""
    user = get_user_model().objects.create_user("news", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="translate_article"))
    return get_user_model().objects.get(pk=user.pk)  # permissions not cached


def test_a_file_with_records_the_user_may_not_translate_is_refused_whole(tmp_path, records):
    news_translator()
    path = translated_file(tmp_path, records)
    with pytest.raises(CommandError) as raised:
        import_as("news", path)
    assert str(raised.value) == (
        "User 'news' may not translate cities.city, cities.cityphoto; nothing was imported. "
        "Export only what they translate (--model), or import as someone who may."
    )
    assert nothing_imported(records)


def test_the_user_s_own_kind_of_record_imports(tmp_path, records, capsys):
    visit, *_rest = records
    user = news_translator()
    path = exported(tmp_path, "--model", "news.article")
    translate_like_a_cat_tool(path, {f"news.article/{visit.pk}/title": "Karachi visit"})
    import_as("news", path)
    visit.refresh_from_db()
    assert visit.title_en == "Karachi visit"
    assert visit.history.latest().history_user == user


def test_an_upload_refuses_each_record_its_uploader_may_not_translate(tmp_path, records):
    """The admin's upload asks the same permissions, record by record."""
    visit, _forum, city, _photo = records
    path = translated_file(tmp_path, records)
    user = news_translator()
    with translation.override("en"):
        report = import_file(path.read_bytes(), path.name, user)
    assert (f"cities.city/{city.pk}/name", "you may not translate this kind of record") in (
        report.refused
    )
    with translation.override("zh-hans"):
        report = import_file(path.read_bytes(), path.name, user)
    assert (f"cities.city/{city.pk}/name", "您无权翻译此类记录") in report.refused
    visit.refresh_from_db()
    city.refresh_from_db()
    assert (visit.title_en, city.name_en) == ("", "")  # all or nothing
