"""XLIFF files refused: what a target cannot hold, a record changed meanwhile, a failing
save, and 200,000 units for missing records; each unit's fault named, nothing of the
file saved."""

import time

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError
from django.utils import translation
from lxml import etree

from news.models import Article
from portal.editorial import xliff_saving
from portal.editorial.xliff import export
from portal.editorial.xliff_import import import_file
from tests.portal.xliff_files import (
    NS,
    chinese_original,
    fill,
    many_units_for_records_that_do_not_exist,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    """The reasons as the command prints them, whichever test ran before."""
    with translation.override("en"):
        yield


ENTITY = "the target contains the entity %s: write the character itself"


def with_target(data, unit_id, raw):
    """The file with `raw` XML as the target of one unit, as a hand or a tool wrote it."""
    root = etree.fromstring(data)
    unit = next(unit for unit in root.iter(f"{NS}trans-unit") if unit.get("id") == unit_id)
    target = unit.find(f"{NS}target")
    marker = "@@TARGET@@"
    for child in list(target):
        target.remove(child)
    target.text = marker
    return etree.tostring(root, encoding="unicode").replace(marker, raw).encode()


# --- Import: every unit's fault named, nothing of the file saved -----------------


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("Hi&nbsp;there", ENTITY % "&nbsp;"),
        ("Hi &amp;nbsp; there", ENTITY % "&nbsp;"),
        ("Hi &amp;#160; there", ENTITY % "&#160;"),
        (
            "Hi <script>alert(1)</script>",
            "the target contains a <script> element, which is not one of the original's "
            "inline tags",
        ),
        (
            "Hi <ph id='9'>&lt;br&gt;</ph>",
            "the target contains a <ph> element, which is not one of the original's inline tags",
        ),
        (
            "&lt;b&gt;Hi&lt;/b&gt;",
            "the target contains the markup <b> as text: use the original's inline tags",
        ),
    ],
)
def test_what_a_target_cannot_hold_is_refused_for_its_unit(translator, raw, reason):
    visit, forum = chinese_original(status="draft"), chinese_original(status="draft")
    data = fill(export("en")[0], {f"news.article/{forum.pk}/title": "Forum"})
    data = with_target(data, f"news.article/{visit.pk}/title", raw)
    with translation.override("en"):
        report = import_file(data, "queue.xlf", translator)
    assert report.refused == [(f"news.article/{visit.pk}/title", reason)]
    assert report.untranslated == 2  # the bodies, left empty; not the refused unit
    assert [visit.title_en for visit in Article.objects.all()] == ["", ""]  # forum's neither


def test_an_entity_the_file_declares_is_refused_not_taken_as_no_translation(translator):
    visit = chinese_original(status="draft")
    data = with_target(export("en")[0], f"news.article/{visit.pk}/title", "Hi&nbsp;there")
    data = data.replace(b"<xliff ", b'<!DOCTYPE xliff [<!ENTITY nbsp "&#160;">]>\n<xliff ', 1)
    with translation.override("zh-hans"):
        report = import_file(data, "queue.xlf", translator)
    reason = "译文含有实体 &nbsp;：请直接写出该字符"
    assert report.refused == [(f"news.article/{visit.pk}/title", reason)]
    assert report.untranslated == 1


def test_the_command_exits_non_zero_and_saves_nothing_when_a_unit_is_refused(
    tmp_path, translator, capsys
):
    visit, forum = chinese_original(status="draft"), chinese_original(status="draft")
    data = fill(export("en")[0], {f"news.article/{forum.pk}/title": "Forum"})
    path = tmp_path / "queue.xlf"
    path.write_bytes(with_target(data, f"news.article/{visit.pk}/title", "<script>x</script>"))
    with pytest.raises(CommandError, match="1 refusals, listed above: nothing was imported"):
        call_command("xliff", "import", "--user", "translator", str(path))
    out = capsys.readouterr().out
    assert f"news.article/{visit.pk}/title: the target contains a <script>" in out
    assert Article.objects.get(pk=forum.pk).title_en == ""


def test_a_record_changed_while_the_file_is_checked_refuses_the_file(translator):
    visit, forum = chinese_original(status="draft"), chinese_original(status="draft")
    data = fill(
        export("en")[0],
        {f"news.article/{visit.pk}/title": "Visit", f"news.article/{forum.pk}/title": "Forum"},
    )

    def meanwhile(_checked, _units):
        Article.objects.filter(pk=forum.pk).update(title_en="Someone else's")

    report = import_file(data, "queue.xlf", translator, progress=meanwhile)
    assert (str(forum), "changed while the file was being imported: import it again") in (
        report.refused
    )
    assert Article.objects.get(pk=visit.pk).title_en == ""


def test_a_failure_while_saving_leaves_nothing_saved(translator, monkeypatch):
    """The records are saved in one transaction (run on PostgreSQL too)."""
    visit, forum = chinese_original(status="draft"), chinese_original(status="draft")
    data = fill(
        export("en")[0],
        {f"news.article/{visit.pk}/title": "Visit", f"news.article/{forum.pk}/title": "Forum"},
    )
    saved = []
    save_one = xliff_saving._save_one

    def then_fail(change, *args):
        if saved:
            raise DatabaseError("disk full")
        save_one(change, *args)
        saved.append(change.record.pk)

    monkeypatch.setattr(xliff_saving, "_save_one", then_fail)
    report = import_file(data, "queue.xlf", translator)
    assert saved and report.applied == []
    assert report.refused == [("queue.xlf", "the database refused the changes: disk full")]
    assert list(Article.objects.values_list("title_en", flat=True)) == ["", ""]


# --- Size ---------------------------------------------------------------------------


def test_200000_units_for_missing_records_save_nothing_within_seconds(translator):
    real = chinese_original(status="draft")
    data = many_units_for_records_that_do_not_exist(200_000, real)
    assert 18_000_000 < len(data) < 20 * 1024 * 1024  # under the upload limit
    started = time.perf_counter()
    with translation.override("en"):
        report = import_file(data, "big19-many.xlf", translator)
        lines = report.lines(limit=100)
    elapsed = time.perf_counter() - started
    assert len(report.refused) == 200_000
    assert report.refused[0] == ("news.article/1000000/title", "no such record")
    assert Article.objects.get(pk=real.pk).title_en == ""
    assert not Article.history.filter(history_change_reason__startswith="Imported").exists()
    assert elapsed < 20, elapsed  # inside the 30 s worker timeout, with room on a busy machine
    assert lines[0].startswith("Nothing was imported: 200000 units were refused.")
    assert lines[-1] == "199900 more units: no such record"
