"""XLIFF as CAT tools write and read it: each target's state, everything for a
translation memory, the tags Trados writes, and pending changes proposed only for what
a file changes. Files refused, whole or unit by unit: `test_xliff_refusals`."""

from pathlib import Path
from string import Template

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from lxml import etree

from cities.models import City
from portal.editorial import xliff_import
from portal.editorial.models import PendingChange
from portal.editorial.xliff import export
from portal.editorial.xliff_import import import_file
from tests.factories import make_article, make_city
from tests.portal.xliff_files import NS, chinese_original, fill

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"


def units(data):
    """`{unit id: (target state, target text, approved)}` of an exported file."""
    root = etree.fromstring(data)
    found = {}
    for unit in root.iter(f"{NS}trans-unit"):
        target = unit.find(f"{NS}target")
        text = "".join(target.itertext())
        found[unit.get("id")] = (target.get("state"), text, unit.get("approved"))
    return found


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
