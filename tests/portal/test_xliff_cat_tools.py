"""XLIFF as CAT tools write and read it: states, the tags Trados writes, everything
for a translation memory, and a file applied all or nothing, each unit's fault named."""

import time
from pathlib import Path
from string import Template

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.db import DatabaseError
from django.utils import translation
from lxml import etree

from cities.models import City
from news.models import Article
from portal.editorial import xliff_import
from portal.editorial.models import PendingChange
from portal.editorial.xliff import export
from portal.editorial.xliff_format import Xliff12
from portal.editorial.xliff_import import import_file
from tests.factories import make_article, make_city

pytestmark = pytest.mark.django_db

NS = "{urn:oasis:names:tc:xliff:document:1.2}"
DATA = Path(__file__).parent / "data"
ENTITY = "the target contains the entity %s: write the character itself"


@pytest.fixture
def translator(db):
    user = get_user_model().objects.create_user("translator", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Translators"))
    return get_user_model().objects.get(pk=user.pk)


def chinese_original(**fields):
    fields.setdefault("title_zh_hans", "卡拉奇代表团访问沈阳")
    fields.setdefault("body_zh_hans", "<p>代表团会见了市长。</p>")
    fields.setdefault("title_en", "")
    fields.setdefault("body_en", "")
    fields.setdefault("original_language", "zh-hans")
    return make_article(**fields)


def units(data):
    """`{unit id: (target state, target text, approved)}` of an exported file."""
    root = etree.fromstring(data)
    found = {}
    for unit in root.iter(f"{NS}trans-unit"):
        target = unit.find(f"{NS}target")
        text = "".join(target.itertext())
        found[unit.get("id")] = (target.get("state"), text, unit.get("approved"))
    return found


def fill(data, targets):
    """A CAT tool's work: targets set by unit id; the file's bytes."""
    store = Xliff12.parsestring(data)
    for unit in store.getunits():
        identity = unit.xmlelement.get("id")
        if identity in targets:
            unit.target = targets[identity]
    return bytes(store)


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


# --- Export -----------------------------------------------------------------------


def test_every_target_has_the_xliff_state_of_its_translation(translator):
    missing = chinese_original(status="draft")
    stale = chinese_original(title_en="Karachi delegation visits Shenyang", body_en="<p>Met.</p>")
    stale.title_zh_hans = "卡拉奇代表团再次访问沈阳"
    stale.save()
    final = chinese_original(title_en="Forum", body_en="<p>Held.</p>")
    draft = chinese_original(title_en="Draft", body_en="<p>Draft.</p>", status="draft")
    waiting = chinese_original()
    data = fill(export("en")[0], {f"news.article/{waiting.pk}/title": "Karachi visit"})
    import_file(data, "queue.xlf", translator)  # published: waits for a publisher
    everything = units(export("en", "news.article", everything=True)[0])

    assert everything[f"news.article/{missing.pk}/title"] == ("new", "", None)
    assert everything[f"news.article/{stale.pk}/title"] == (
        "needs-review-translation",
        "Karachi delegation visits Shenyang",  # what visitors read, to be reviewed
        None,
    )
    assert everything[f"news.article/{stale.pk}/body"] == ("final", "Met.", "yes")
    assert everything[f"news.article/{final.pk}/title"] == ("final", "Forum", "yes")
    assert everything[f"news.article/{draft.pk}/title"] == ("translated", "Draft", None)
    assert everything[f"news.article/{waiting.pk}/title"] == (
        "needs-review-translation",
        "Karachi visit",  # the proposal waiting for a publisher
        None,
    )
    assert everything[f"news.article/{waiting.pk}/body"] == ("new", "", None)


def test_the_queue_leaves_complete_units_out_and_all_puts_them_in(tmp_path):
    complete = chinese_original(title_en="Forum", body_en="<p>Held.</p>")
    missing = chinese_original()
    queue = tmp_path / "queue.xlf"
    call_command("xliff", "export", "--language", "en", str(queue))
    assert set(units(queue.read_bytes())) == {
        f"news.article/{missing.pk}/title",
        f"news.article/{missing.pk}/body",
    }
    memory = tmp_path / "memory.xlf"
    call_command("xliff", "export", "--language", "en", "--all", str(memory))
    found = units(memory.read_bytes())
    assert found[f"news.article/{complete.pk}/body"] == ("final", "Held.", "yes")
    assert f"news.article/{missing.pk}/title" in found


def test_the_admin_exports_everything_on_request(client, sign_in):
    complete = chinese_original(title_en="Forum", body_en="<p>Held.</p>")
    sign_in("Translators")
    queue = client.get("/admin/translations/?language=en")
    assert 'href="/admin/translations/xliff/export/?language=en&amp;all=1"' in queue.text
    response = client.get("/admin/translations/xliff/export/?language=en&all=1")
    assert response["Content-Disposition"] == 'attachment; filename="portal-en-all.xlf"'
    assert units(response.content)[f"news.article/{complete.pk}/title"][0] == "final"
    plain = client.get("/admin/translations/xliff/export/?language=en")
    assert f"news.article/{complete.pk}/title" not in units(plain.content)


# --- Import: the tags and states CAT tools write ---------------------------------


def test_a_file_written_by_trados_imports(translator):
    article = make_article(
        title_en="Karachi delegation visits Shenyang",
        body_en="<p>The <strong>delegation</strong> met the mayor.</p>",
        title_zh_hans="",
        body_zh_hans="",
        original_language="en",
        status="draft",
    )
    city = make_city(name_en="Karachi", name_zh_hans="", original_language="en")
    text = Template((DATA / "trados-en-US-zh-CN.xlf").read_text(encoding="utf-8-sig"))
    data = text.substitute(article=article.pk, city=city.pk).encode("utf-8-sig")

    report = import_file(data, "trados.xlf", translator)

    assert report.refused == []
    article.refresh_from_db()
    assert article.title_zh_hans == "卡拉奇代表团访问沈阳"
    assert article.body_zh_hans == "<p><strong>代表团</strong>会见了市长。</p>"
    # "final" in the file, yet a published city's new name waits for a publisher.
    assert City.objects.get(pk=city.pk).name_zh_hans == ""
    change = PendingChange.objects.get(object_id=city.pk)
    assert change.values == {"name_zh_hans": "卡拉奇"}


def test_a_traditional_chinese_file_is_refused_whole(translator):
    article = chinese_original(original_language="en", title_en="A", body_en="<p>B</p>")
    data = export("zh-hans")[0].replace(b'target-language="zh-Hans"', b'target-language="zh-TW"')
    with pytest.raises(xliff_import.UnreadableFile, match=r"\(zh-Hans, en\)"):
        import_file(fill(data, {f"news.article/{article.pk}/title": "甲"}), "tw.xlf", translator)


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
    save_one = xliff_import._save_one

    def then_fail(change, *args):
        if saved:
            raise DatabaseError("disk full")
        save_one(change, *args)
        saved.append(change.record.pk)

    monkeypatch.setattr(xliff_import, "_save_one", then_fail)
    report = import_file(data, "queue.xlf", translator)
    assert saved and report.applied == []
    assert report.refused == [("queue.xlf", "the database refused the changes: disk full")]
    assert list(Article.objects.values_list("title_en", flat=True)) == ["", ""]


# --- Pending changes ---------------------------------------------------------------


def test_an_import_proposes_only_what_it_changes(translator):
    article = chinese_original(title_en="Karachi visit", body_en="<p>Met.</p>")
    article.title_zh_hans = "卡拉奇代表团再次访问沈阳"
    article.body_zh_hans = "<p>代表团再次会见了市长。</p>"
    article.save()
    data = export("en", everything=True)[0]  # both stale: the old targets in the file
    data = fill(data, {f"news.article/{article.pk}/title": "Karachi's second visit"})
    report = import_file(data, "queue.xlf", translator)
    assert report.unchanged == 1 and report.refused == []
    change = PendingChange.objects.get(object_id=article.pk)
    assert change.values == {"title_en": "Karachi's second visit"}


def test_a_proposal_sent_back_unchanged_is_not_proposed_again(translator):
    article = chinese_original()
    import_file(
        fill(export("en")[0], {f"news.article/{article.pk}/title": "Karachi visit"}),
        "one.xlf",
        translator,
    )
    colleague = get_user_model().objects.create_user("colleague", password="pw", is_staff=True)
    colleague.groups.add(Group.objects.get(name="Translators"))
    report = import_file(export("en")[0], "two.xlf", colleague)  # the pending target in it
    assert report.unchanged == 1 and report.held == []
    assert PendingChange.objects.filter(object_id=article.pk).count() == 1


def test_a_second_import_by_the_same_translator_replaces_the_first(translator):
    """Karachi got 1350万 and then 1250万 as two pending changes: a second file from the
    same person for the same record replaces what the first proposed, field by field."""
    article = chinese_original()
    title, body = f"news.article/{article.pk}/title", f"news.article/{article.pk}/body"
    first = import_file(
        fill(export("en")[0], {title: "Lu visits", body: "The mayor met them."}),
        "one.xlf",
        translator,
    )
    assert first.refused == [] and first.held == [article]
    proposed = PendingChange.objects.get(object_id=article.pk).values
    report = import_file(fill(export("en")[0], {title: "Lyu visits"}), "two.xlf", translator)
    assert report.refused == [] and report.held == [article]
    change = PendingChange.objects.get(object_id=article.pk)  # one, not two
    assert change.values == {**proposed, "title_en": "Lyu visits"}


# --- Size ---------------------------------------------------------------------------


def many_units_for_records_that_do_not_exist(count, real):
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
        '<file original="portal" source-language="zh-Hans" target-language="en" '
        'datatype="plaintext"><body>',
        f'<trans-unit id="news.article/{real.pk}/title"><source>{real.title_zh_hans}</source>'
        "<target>Saved?</target></trans-unit>",
    ]
    lines += [
        f'<trans-unit id="news.article/{1_000_000 + n}/title"><source/>'
        f"<target>T{n}</target></trans-unit>"
        for n in range(count)
    ]
    lines.append("</body></file></xliff>")
    return "\n".join(lines).encode()


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
