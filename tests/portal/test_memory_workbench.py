"""The translation memory where translators work: the workbench shows each segment's
matches (percentage, difference, origin, a button to insert), and XLIFF exports
carry the best match as <alt-trans>."""

import datetime
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from lxml import etree
from pytest_django.asserts import assertContains, assertNotContains

from news.models import Article
from portal.editorial import memory
from portal.editorial.memory_models import MemoryEntry
from portal.editorial.xliff import export
from tests.factories import make_article

pytestmark = pytest.mark.django_db

OLD = "2021年12月9日，卡拉奇代表团访问沈阳。"
OLD_EN = "On 9 December 2021 a Karachi delegation visited Shenyang."
NEW = "2021年12月19日，卡拉奇代表团访问沈阳。"
NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
DATA = Path(__file__).parent / "data"


@pytest.fixture
def approved(db):
    """An approved pair from an earlier article, approved by a publisher."""
    from django.contrib.auth import get_user_model

    earlier = make_article(title_zh_hans="卡拉奇代表团访问沈阳", original_language="zh-hans")
    approver = get_user_model().objects.create_user("wang")
    memory.add(
        [
            MemoryEntry(
                source=OLD,
                target=OLD_EN,
                source_language="zh-hans",
                target_language="en",
                content_type=ContentType.objects.get_for_model(Article),
                object_id=earlier.pk,
                field="standfirst",
                approved_at=datetime.datetime(2026, 1, 5, 10, tzinfo=datetime.UTC),
                approved_by=approver,
            ).fill_keys(),
            MemoryEntry(
                source="市长会见了代表团。",
                target="The mayor met the delegation.",
                source_language="zh-hans",
                target_language="en",
                note="Imported from office.tmx",
                approved_at=datetime.datetime(2026, 1, 6, 10, tzinfo=datetime.UTC),
            ).fill_keys(),
        ]
    )
    return earlier


def new_article():
    return make_article(
        title_zh_hans="代表团再次访问",
        title_en="",
        standfirst_zh_hans=NEW,
        standfirst_en="",
        body_zh_hans="<p>市长会见了<strong>代表团</strong>。</p>",
        body_en="",
        original_language="zh-hans",
        status="draft",
    )


def workbench(record):
    return reverse("translation_workbench", args=[record._meta.label_lower, record.pk, "en"])


def test_the_workbench_shows_each_segments_matches_with_percent_diff_and_origin(
    client, sign_in, approved
):
    article = new_article()
    sign_in("Translators")
    response = client.get(workbench(article))
    assertContains(response, f'<p class="memory-source" lang="zh-hans">{NEW}</p>', html=True)
    assertContains(response, '<span class="memory-percent">97%</span>', html=True)
    assertContains(response, f'<span class="memory-target" lang="en">{OLD_EN}</span>', html=True)
    assertContains(response, "2021年12月<del>9</del><ins>19</ins>日，卡拉奇代表团访问沈阳。")
    assertContains(response, f"{approved} · standfirst · 5 January 2026 · wang")
    assertContains(response, f'data-text="{OLD_EN}"')
    assertContains(response, "<kbd>Alt</kbd> + <kbd>1</kbd> / <kbd>2</kbd> / <kbd>3</kbd>")
    # The body's sentence (its inline tags dropped) matches the imported pair exactly.
    assertContains(response, '<span class="memory-percent">100%</span>', html=True)
    assertContains(response, "Imported from office.tmx")
    client.cookies["django_language"] = "zh-hans"
    response = client.get(workbench(article))
    assertContains(response, "翻译记忆")
    assertContains(response, "插入")


def test_a_segment_without_a_match_says_so_and_a_complete_field_shows_none(
    client, sign_in, approved
):
    article = new_article()
    article.title_en = "The delegation visits again"
    article.save()
    sign_in("Translators")
    response = client.get(workbench(article))
    assertNotContains(
        response, '<p class="memory-source" lang="zh-hans">代表团再次访问</p>', html=True
    )
    MemoryEntry.objects.all().delete()
    response = client.get(workbench(article))
    assertContains(response, "No match in the memory.", count=2)


def alt_trans(data):
    root = etree.fromstring(data)
    return {
        unit.get("id"): [
            (alt.get("match-quality"), alt.findtext(f"{{{NAMESPACE}}}target"))
            for alt in unit.iter(f"{{{NAMESPACE}}}alt-trans")
        ]
        for unit in root.iter(f"{{{NAMESPACE}}}trans-unit")
    }


def test_xliff_units_carry_the_best_match_as_alt_trans(approved):
    article = new_article()
    data, _count = export("en")
    units = alt_trans(data)
    assert units[f"news.article/{article.pk}/standfirst"] == [("97", OLD_EN)]
    assert units[f"news.article/{article.pk}/body"] == [("100", "The mayor met the delegation.")]
    assert units[f"news.article/{article.pk}/title"] == []
    # The file stays XLIFF 1.2: alt-trans after the target, with its source.
    unit = etree.fromstring(data).find(
        f".//{{{NAMESPACE}}}trans-unit[@id='news.article/{article.pk}/standfirst']"
    )
    tags = [etree.QName(child).localname for child in unit]
    assert tags.index("alt-trans") > tags.index("target")


def test_an_export_stops_looking_up_matches_when_its_time_is_spent(approved, monkeypatch):
    from portal.editorial import memory_xliff

    article = new_article()
    monkeypatch.setattr(memory_xliff, "ALT_TRANS_SECONDS", 0)
    units = alt_trans(export("en")[0])
    assert units[f"news.article/{article.pk}/standfirst"] == []
    assert units[f"news.article/{article.pk}/body"] == []
    assert f"news.article/{article.pk}/title" in units  # the units themselves are all there


class _BesideTheSchema(etree.Resolver):
    """The schema's import of the W3C's xml.xsd, read from the copy beside it."""

    def resolve(self, url, pubid, context):
        if url.endswith("xml.xsd"):
            return self.resolve_filename(str(DATA / "xml.xsd"), context)
        return None


def xliff_schema():
    parser = etree.XMLParser()
    parser.resolvers.add(_BesideTheSchema())
    return etree.XMLSchema(etree.parse(str(DATA / "xliff-core-1.2-strict.xsd"), parser))


def test_the_export_with_alt_trans_is_valid_xliff_1_2(approved):
    new_article()
    schema = xliff_schema()
    document = etree.fromstring(export("en")[0])
    assert document.find(f".//{{{NAMESPACE}}}alt-trans") is not None
    assert schema.validate(document), schema.error_log


def test_a_file_with_alt_trans_imports_its_own_targets_only(approved, sign_in):
    from portal.editorial.xliff_format import Xliff12
    from portal.editorial.xliff_import import import_file

    article = new_article()
    store = Xliff12.parsestring(export("en")[0])
    wanted = f"news.article/{article.pk}/standfirst"
    (unit,) = [unit for unit in store.getunits() if unit.xmlelement.get("id") == wanted]
    unit.target = "On 19 December 2021 a Karachi delegation visited Shenyang."
    report = import_file(bytes(store), "memory.xlf", sign_in("Translators"))
    assert not report.refused
    article.refresh_from_db()
    assert article.standfirst_en == "On 19 December 2021 a Karachi delegation visited Shenyang."
    assert article.body_en == ""  # its alt-trans is no translation


def test_a_match_from_a_deleted_record_still_names_its_origin(client, sign_in, approved):
    article = new_article()
    pk = approved.pk
    approved.delete()
    sign_in("Translators")
    response = client.get(workbench(article))
    assertContains(response, f"article {pk} · standfirst · 5 January 2026 · wang")


def test_a_segmented_unit_carries_a_match_per_segment(approved):
    article = new_article()
    article.standfirst_zh_hans = f"{NEW}市长会见了代表团。无关的一句话。"
    article.body_zh_hans = f"<p>{NEW}市长会见了<strong>代表团</strong>。</p>"
    article.save()
    root = etree.fromstring(export("en")[0])
    schema = xliff_schema()
    assert schema.validate(root), schema.error_log
    units = {unit.get("id"): unit for unit in root.iter(f"{{{NAMESPACE}}}trans-unit")}
    # Plain text: a match per segment, naming it.
    unit = units[f"news.article/{article.pk}/standfirst"]
    marks = {
        "".join(mark.itertext()): mark.get("mid")
        for mark in unit.find(f"{{{NAMESPACE}}}seg-source").iter(f"{{{NAMESPACE}}}mrk")
    }
    alts = {
        alt.get("mid"): (alt.get("match-quality"), alt.findtext(f"{{{NAMESPACE}}}target"))
        for alt in unit.iter(f"{{{NAMESPACE}}}alt-trans")
    }
    assert alts == {
        marks[NEW]: ("97", OLD_EN),
        marks["市长会见了代表团。"]: ("100", "The mayor met the delegation."),
    }
    # Rich text (segments inside the paragraph's <g>): one match for the whole unit.
    (alt,) = units[f"news.article/{article.pk}/body"].iter(f"{{{NAMESPACE}}}alt-trans")
    assert alt.get("mid") is None and alt.get("match-quality") == "97"
    assert alt.findtext(f"{{{NAMESPACE}}}target") == f"{OLD_EN} The mayor met the delegation."
