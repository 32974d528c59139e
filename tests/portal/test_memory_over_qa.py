"""Pairs published over QA errors are flagged in the translation memory: marked in the
workbench, offered after an equal clean match, kept by a rebuild and exchanged in TMX;
and a withdrawn city's exchanges leave the memory with it and come back with it."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from lxml import etree
from pytest_django.asserts import assertContains

from news.models import Article
from portal.editorial import memory, memory_tmx, pending
from portal.editorial.memory_lookup import matches
from portal.editorial.memory_models import MemoryEntry
from portal.editorial.models import PendingChange
from tests.factories import make_article, make_city, make_exchange

pytestmark = pytest.mark.django_db

SOURCE = "卡拉奇代表团访问沈阳。"
FUZZY = "卡拉奇代表团再次访问沈阳。"
REASON = "The office confirmed the figure."
OVER = "x-approved-over-qa"


def user(name, group):
    found = get_user_model().objects.create_user(name, is_staff=True)
    found.groups.add(Group.objects.get(name=group))
    return found


def entry(target, over, day, source=SOURCE):
    return MemoryEntry(
        source=source,
        target=target,
        source_language="zh-hans",
        target_language="en",
        note="test",
        approved_at=datetime.datetime(2026, 1, day, tzinfo=datetime.UTC),
        over_qa_errors=over,
    ).fill_keys()


@pytest.fixture
def two_pairs():
    """The same source twice: a newer pair approved over QA errors, an older clean one."""
    memory.add([entry("Flagged: newer.", True, 9), entry("Clean: older.", False, 1)])


def test_a_clean_match_goes_before_an_equal_flagged_one(two_pairs):
    exact = matches(SOURCE, "zh-hans", "en")
    assert [(m.percent, m.entry.target, m.over_qa_errors) for m in exact] == [
        (100, "Clean: older.", False),
        (100, "Flagged: newer.", True),
    ]
    assert matches(SOURCE, "zh-hans", "en", limit=1)[0].entry.target == "Clean: older."
    fuzzy = matches(FUZZY, "zh-hans", "en")
    assert [m.entry.target for m in fuzzy] == ["Clean: older.", "Flagged: newer."]
    assert fuzzy[0].percent == fuzzy[1].percent < 100


def test_a_better_flagged_match_still_goes_first():
    memory.add(
        [
            entry("Flagged.", True, 9, "卡拉奇代表团再次访问沈阳！"),  # one character off
            entry("Clean.", False, 1, "卡拉奇代表团再次访问沈阳市！"),  # two off
        ]
    )
    found = matches(FUZZY, "zh-hans", "en")
    assert [m.entry.target for m in found] == ["Flagged.", "Clean."]
    assert found[0].percent > found[1].percent


def test_the_workbench_marks_a_flagged_match(client, sign_in, two_pairs):
    article = make_article(
        title_zh_hans=SOURCE, title_en="", original_language="zh-hans", status="draft"
    )
    sign_in("Translators")
    url = reverse("translation_workbench", args=["news.article", article.pk, "en"])
    response = client.get(url)
    page = response.content.decode()
    assert page.index("Clean: older.") < page.index("Flagged: newer.")
    assertContains(response, "approved over QA errors", count=1)
    assertContains(response, 'class="memory-match memory-exact memory-over-qa"', count=1)
    client.cookies["django_language"] = "zh-hans"
    assertContains(client.get(url), "经质量检查报错后仍获批准", count=1)


def test_tmx_carries_the_flag_both_ways(two_pairs):
    data = memory_tmx.export()
    units = etree.fromstring(data).findall(".//tu")
    flags = {
        unit.find("tuv[2]/seg").text: [
            p.text for p in unit.findall("prop[@type='x-approved-over-qa']")
        ]
        for unit in units
    }
    assert flags == {"Flagged: newer.": ["yes"], "Clean: older.": []}
    MemoryEntry.objects.all().delete()
    importer = user("pub", "Publishers")
    assert memory_tmx.import_file(data, importer, "back.tmx") == (2, 2)
    assert set(MemoryEntry.objects.values_list("target", "over_qa_errors")) == {
        ("Flagged: newer.", True),
        ("Clean: older.", False),
    }


def fund():
    return make_article(
        title_zh_hans="沈阳设立1350万美元基金",
        title_en="Shenyang sets up a fund",
        standfirst_zh_hans="基金已设立。",
        standfirst_en="",
        original_language="zh-hans",
    )


def test_a_change_applied_over_errors_flags_only_the_fields_with_errors():
    article = fund()
    change = PendingChange.objects.create(
        content_type=ContentType.objects.get_for_model(Article),
        object_id=article.pk,
        values={"title_en": "A USD 12.5 million fund", "standfirst_en": "The fund is set up."},
    )
    pending.apply(change, article, user("pub", "Publishers"), REASON, {"title_en"})
    pairs = dict(MemoryEntry.objects.values_list("target", "over_qa_errors"))
    assert pairs["A USD 12.5 million fund"] is True
    assert pairs["The fund is set up."] is False


def test_the_approve_screen_flags_what_it_applies_over_errors(client, sign_in):
    article = fund()
    change = PendingChange.objects.create(
        content_type=ContentType.objects.get_for_model(Article),
        object_id=article.pk,
        values={"title_en": "A USD 12.5 million fund"},
    )
    sign_in("Publishers")
    client.post(
        f"/admin/news/article/{article.pk}/pending/{change.pk}/apply/", {"qa_reason": REASON}
    )
    assert MemoryEntry.objects.get(target="A USD 12.5 million fund").over_qa_errors


def test_the_workbench_flags_what_a_publisher_saves_over_errors(client, sign_in):
    from tests.admin_forms import admin_form_data

    article = fund()
    sign_in("Publishers")
    url = reverse("translation_workbench", args=["news.article", article.pk, "en"])
    data = admin_form_data(client.get(url))
    data[f"news.article-{article.pk}-title_en"] = "A USD 12.5 million fund"
    data[f"news.article-{article.pk}-standfirst_en"] = "The fund is set up."
    data["qa_reason"] = REASON
    client.post(url, data)
    pairs = dict(MemoryEntry.objects.values_list("target", "over_qa_errors"))
    assert pairs["A USD 12.5 million fund"] is True
    assert pairs["The fund is set up."] is False


def test_a_rebuild_keeps_the_flag():
    article = fund()
    article.title_en = "A USD 12.5 million fund"
    article._history_user = user("pub", "Publishers")
    from portal.editorial.qa_gate import mark_override

    mark_override(article, {"title_en"}, REASON)
    article.save()
    assert MemoryEntry.objects.get(target="A USD 12.5 million fund").over_qa_errors
    memory.rebuild()
    assert MemoryEntry.objects.get(target="A USD 12.5 million fund").over_qa_errors
    assert MemoryEntry.objects.get(source="沈阳设立1350万美元基金").over_qa_errors is not False


def test_publishing_a_record_whose_translation_has_errors_flags_it():
    draft = make_article(
        title_zh_hans="沈阳设立1350万美元基金",
        title_en="A USD 12.5 million fund",
        original_language="zh-hans",
        status="draft",
    )
    draft.status = "published"
    draft._history_user = user("pub", "Publishers")
    draft.save()
    assert MemoryEntry.objects.get(target="A USD 12.5 million fund").over_qa_errors


def city_pairs(city):
    return set(MemoryEntry.objects.filter(field="title").values_list("source", flat=True))


def test_withdrawing_a_city_removes_its_exchanges_pairs_and_republishing_adds_them():
    publisher = user("pub", "Publishers")
    city = make_city(name_zh_hans="卡拉奇", name_en="Karachi", original_language="zh-hans")
    visit = make_exchange(city, title_zh_hans="市长访问", title_en="The mayor visits")
    flagged = make_exchange(city, title_zh_hans="2万名游客来访", title_en="2,000 visitors came")
    elsewhere = make_exchange(make_city(), title_zh_hans="别处访问", title_en="A visit elsewhere")
    for item in (visit, flagged, elsewhere):
        item._history_user = publisher
        item.save()
    assert city_pairs(city) == {"市长访问", "2万名游客来访", "别处访问"}

    city.status, city._history_user = "withdrawn", publisher
    city.save()
    assert city_pairs(city) == {"别处访问"}
    assert not MemoryEntry.objects.filter(source="卡拉奇").exists()

    city.status = "published"
    city.save()
    assert city_pairs(city) == {"市长访问", "2万名游客来访", "别处访问"}
    back = MemoryEntry.objects.get(source="市长访问")
    assert back.approved_by == publisher and back.object_id == visit.pk
    # A part whose translation has QA errors comes back flagged, as a record does.
    assert MemoryEntry.objects.get(source="2万名游客来访").over_qa_errors
    assert not back.over_qa_errors


def test_a_translators_save_of_a_withdrawn_city_adds_nothing_back():
    publisher = user("pub", "Publishers")
    city = make_city(original_language="zh-hans")
    visit = make_exchange(city, title_zh_hans="市长访问", title_en="The mayor visits")
    visit._history_user = publisher
    visit.save()
    city.status, city._history_user = "withdrawn", publisher
    city.save()
    city.status, city._history_user = "published", user("tran", "Translators")
    city.save()  # not an approval: nothing comes back
    assert not MemoryEntry.objects.filter(source="市长访问").exists()
