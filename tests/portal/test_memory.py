"""The translation memory: filled when a translation is approved, looked up exactly
and fuzzily, on SQLite and PostgreSQL alike."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation

from news.models import Article
from portal.editorial import memory
from portal.editorial.memory import pairs, segments
from portal.editorial.memory_lookup import best, matches
from portal.editorial.memory_models import MemoryEntry
from tests.admin_forms import admin_form_data
from tests.factories import make_article

pytestmark = pytest.mark.django_db

ZH = "2021年12月9日，卡拉奇代表团访问沈阳。双方签署了友好合作协议。"
EN = (
    "On 9 December 2021 a Karachi delegation visited Shenyang. "
    "The two sides signed a friendship agreement."
)


def workbench(record, language="en"):
    return reverse("translation_workbench", args=[record._meta.label_lower, record.pk, language])


def field(record, name, language="en"):
    return f"{record._meta.label_lower}-{record.pk}-{name}_{language.replace('-', '_')}"


def untranslated(status="published", **fields):
    return make_article(
        title_zh_hans="卡拉奇代表团访问沈阳",
        title_en="",
        standfirst_zh_hans=ZH,
        standfirst_en="",
        body_zh_hans="<p>代表团参观了<strong>浑南</strong>新区。</p><p>市长会见了代表团。</p>",
        body_en="",
        original_language="zh-hans",
        status=status,
        **fields,
    )


def translate(client, article, **values):
    page = client.get(workbench(article))
    data = admin_form_data(page, **{field(article, k): v for k, v in values.items()}, _save="Save")
    assert client.post(workbench(article), data).status_code == 302


TRANSLATION = {
    "title": "Karachi delegation visits Shenyang",
    "standfirst": EN,
    "body": "<p>The delegation toured the <strong>Hunnan</strong> New District.</p>"
    "<p>The mayor met the delegation.</p>",
}


def test_segments_are_sentences_per_block_with_inline_tags_dropped():
    html = "<p>代表团参观了<strong>浑南</strong>新区。市长会见了代表团。</p><p>第二段</p>"
    assert segments(html, "zh-hans", rich=True) == [
        "代表团参观了浑南新区。",
        "市长会见了代表团。",
        "第二段",
    ]
    assert pairs(ZH, EN, "zh-hans", "en") == [
        (
            "2021年12月9日，卡拉奇代表团访问沈阳。",
            "On 9 December 2021 a Karachi delegation visited Shenyang.",
        ),
        ("双方签署了友好合作协议。", "The two sides signed a friendship agreement."),
    ]
    # Sentences that do not correspond: the block is one pair.
    assert pairs("甲。乙。", "A and B.", "zh-hans", "en") == [("甲。乙。", "A and B.")]


def test_a_publishers_translation_goes_in_with_its_record_field_date_and_approver(client, sign_in):
    article = untranslated()
    publisher = sign_in("Publishers")
    translate(client, article, **TRANSLATION)
    entry = MemoryEntry.objects.get(source="双方签署了友好合作协议。")
    assert entry.target == "The two sides signed a friendship agreement."
    assert (entry.source_language, entry.target_language) == ("zh-hans", "en")
    assert entry.record == article and entry.field == "standfirst"
    assert entry.approved_by == publisher and entry.approved_at is not None
    body = MemoryEntry.objects.get(field="body", source="代表团参观了浑南新区。")
    assert body.target == "The delegation toured the Hunnan New District."
    assert MemoryEntry.objects.filter(object_id=article.pk).count() == 5


def test_a_translators_draft_is_not_approved_until_a_publisher_publishes_it(client, sign_in):
    article = untranslated(status="draft")
    sign_in("Translators")
    translate(client, article, **TRANSLATION)
    assert not MemoryEntry.objects.exists()
    article.refresh_from_db()
    article.status = "published"
    article._history_user = get_user_model().objects.create_user("pub")
    article.save()  # no publisher: still nothing
    assert not MemoryEntry.objects.exists()


def test_a_pending_translation_goes_in_when_a_publisher_applies_it(client, sign_in):
    article = untranslated()
    sign_in("Translators")
    translate(client, article, **TRANSLATION)  # waits: the article is live
    assert not MemoryEntry.objects.exists()
    client.logout()
    sign_in("Publishers")
    change = article_changes(article)
    apply = f"/admin/news/article/{article.pk}/pending/{change}/apply/"
    assert client.post(apply).status_code == 302
    assert MemoryEntry.objects.filter(field="title").get().target == TRANSLATION["title"]


def article_changes(article):
    from portal.editorial.models import PendingChange

    return PendingChange.objects.get(object_id=article.pk).pk


def test_rebuild_fills_the_memory_from_approved_content():
    make_article(
        title_zh_hans="市长会见代表团",
        title_en="The mayor meets a delegation",
        original_language="zh-hans",
    )
    make_article(
        title_zh_hans="草稿", title_en="Draft", status="draft", original_language="zh-hans"
    )
    assert memory.rebuild() >= 1
    sources = set(MemoryEntry.objects.values_list("source", flat=True))
    assert "市长会见代表团" in sources and "草稿" not in sources
    count = MemoryEntry.objects.count()
    memory.rebuild()
    assert MemoryEntry.objects.count() == count


def entry(source, target, **fields):
    fields.setdefault("approved_at", "2026-01-05T10:00:00Z")
    created = memory.add(
        [
            MemoryEntry(
                source=source,
                target=target,
                source_language="zh-hans",
                target_language="en",
                **fields,
            ).fill_keys()
        ]
    )
    return created[0]


def test_an_exact_match_is_100_and_one_date_changed_is_80_to_99():
    entry(
        "2021年12月9日，卡拉奇代表团访问沈阳。",
        "On 9 December 2021 a Karachi delegation visited Shenyang.",
    )
    entry("双方签署了友好合作协议。", "The two sides signed a friendship agreement.")
    exact = best("2021年12月9日，卡拉奇代表团访问沈阳。", "zh-hans", "en")
    assert exact.percent == 100 and exact.exact
    fuzzy = matches("2021年12月19日，卡拉奇代表团访问沈阳。", "zh-hans", "en")
    assert len(fuzzy) == 1
    assert 80 <= fuzzy[0].percent <= 99
    assert fuzzy[0].entry.target == "On 9 December 2021 a Karachi delegation visited Shenyang."
    assert "<ins>19</ins>" in fuzzy[0].diff and "<del>9</del>" in fuzzy[0].diff
    # Another language pair, or text too unlike, finds nothing.
    assert matches("2021年12月9日，卡拉奇代表团访问沈阳。", "en", "zh-hans") == []
    assert matches("完全不同的一句话。", "zh-hans", "en") == []


def test_english_matches_and_the_diff_is_escaped():
    memory.add(
        [
            MemoryEntry(
                source="The mayor met <b> delegates on 3 May.",
                target="市长于5月3日会见代表。",
                source_language="en",
                target_language="zh-hans",
                approved_at="2026-01-05T10:00:00Z",
            ).fill_keys()
        ]
    )
    found = best("The mayor met <b> delegates on 4 May.", "en", "zh-hans")
    assert 80 <= found.percent <= 99
    assert "&lt;b&gt;" in found.diff and "<b>" not in found.diff


def test_the_origin_names_the_record_and_field():
    article = make_article(title_zh_hans="市长会见代表团", original_language="zh-hans")
    content_type = ContentType.objects.get_for_model(Article)
    entry(
        "市长会见代表团。",
        "The mayor meets a delegation.",
        content_type=content_type,
        object_id=article.pk,
        field="title",
    )
    # The field as the admin names it, in the admin's language.
    for language, name in (("en", "title"), ("zh-hans", "标题")):
        with translation.override(language):
            record, label = best("市长会见代表团。", "zh-hans", "en").origin
            assert record == article and str(label) == name
    # A field gone since (renamed, say) is named as stored, not a failed lookup.
    MemoryEntry.objects.filter(field="title").update(field="headline")
    record, label = best("市长会见代表团。", "zh-hans", "en").origin
    assert record == article and label == "headline"


def test_a_publishers_xliff_import_goes_in_and_a_rebuild_keeps_the_counts(sign_in):
    from portal.editorial.memory_models import MemoryGramCount
    from portal.editorial.xliff import export
    from portal.editorial.xliff_format import Xliff12
    from portal.editorial.xliff_import import import_file

    article = untranslated()
    store = Xliff12.parsestring(export("en")[0])
    for unit in store.getunits():
        if unit.xmlelement.get("id") == f"news.article/{article.pk}/title":
            unit.target = "Karachi delegation visits Shenyang"
    report = import_file(bytes(store), "queue.xlf", sign_in("Publishers"))
    assert not report.refused and report.applied
    entry = MemoryEntry.objects.get(source="卡拉奇代表团访问沈阳")
    assert (entry.target, entry.field) == ("Karachi delegation visits Shenyang", "title")
    counts = dict(MemoryGramCount.objects.values_list("gram", "entries"))
    memory.rebuild()
    assert dict(MemoryGramCount.objects.values_list("gram", "entries")) == counts
