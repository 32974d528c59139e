"""Who imports an XLIFF file: the command names a staff account, active and allowed to
translate every kind of record in the file, or it imports nothing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.utils import translation

from portal.editorial.xliff_import import import_file
from tests.portal.xliff_files import exported, import_as, translate_like_a_cat_tool

pytestmark = pytest.mark.django_db


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


def test_an_import_without_user_is_refused_naming_the_option(tmp_path, untranslated_records):
    path = translated_file(tmp_path, untranslated_records)
    with pytest.raises(CommandError, match="the following arguments are required: --user"):
        call_command("xliff", "import", str(path))
    assert nothing_imported(untranslated_records)


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
def test_an_unknown_inactive_or_non_staff_user_is_refused(
    tmp_path, untranslated_records, username, message
):
    users = get_user_model().objects
    gone = users.create_user("gone", password="pw", is_staff=True, is_active=False)
    gone.groups.add(Group.objects.get(name="Translators"))
    users.create_user("visitor", password="pw")
    path = translated_file(tmp_path, untranslated_records)
    with pytest.raises(CommandError) as raised:
        import_as(username, path)
    assert str(raised.value) == message
    assert nothing_imported(untranslated_records)


def news_translator():
    """Staff who may translate articles, and nothing of the cities."""
    user = get_user_model().objects.create_user("news", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="translate_article"))
    return get_user_model().objects.get(pk=user.pk)  # permissions not cached


def test_a_file_with_records_the_user_may_not_translate_is_refused_whole(
    tmp_path, untranslated_records
):
    news_translator()
    path = translated_file(tmp_path, untranslated_records)
    with pytest.raises(CommandError) as raised:
        import_as("news", path)
    assert str(raised.value) == (
        "User 'news' may not translate cities.city, cities.cityphoto; nothing was imported. "
        "Export only what they translate (--model), or import as someone who may."
    )
    assert nothing_imported(untranslated_records)


def test_the_user_s_own_kind_of_record_imports(tmp_path, untranslated_records, capsys):
    visit, *_rest = untranslated_records
    user = news_translator()
    path = exported(tmp_path, "--model", "news.article")
    translate_like_a_cat_tool(path, {f"news.article/{visit.pk}/title": "Karachi visit"})
    import_as("news", path)
    visit.refresh_from_db()
    assert visit.title_en == "Karachi visit"
    assert visit.history.latest().history_user == user


def test_an_upload_refuses_each_record_its_uploader_may_not_translate(
    tmp_path, untranslated_records
):
    """The admin's upload asks the same permissions, record by record."""
    visit, _forum, city, _photo = untranslated_records
    path = translated_file(tmp_path, untranslated_records)
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
