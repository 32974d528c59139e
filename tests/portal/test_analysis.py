"""What waits for translation, counted as a CAT tool's analysis counts it: English in
words, Chinese in characters, rich text by its text, each segment in a leverage band
against the translation memory (repetition, exact, fuzzy, new), stored on save."""

import datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from news.models import Article
from portal.editorial import memory
from portal.editorial.analysis import analyse, size
from portal.editorial.memory_models import MemoryEntry
from portal.editorial.summaries import TranslationSummary, fill_if_empty
from portal.formatting.scripts import count_unit
from tests.factories import make_article

EXACT = "2021年12月9日，卡拉奇代表团访问沈阳。"  # 16 characters: 2021 12 9 count one each
FUZZY = "2021年12月19日，卡拉奇代表团访问沈阳。"  # 16 too, 9x % like EXACT
NEW = "市长会见了新的朋友们。"  # 10
APPROVED = datetime.datetime(2026, 1, 5, 10, tzinfo=datetime.UTC)


def test_english_counts_words():
    assert size("Shenyang and Karachi became sister cities.") == 6
    assert size("Shenyang's population: 9,070,093 (2020), up 1.5 %.") == 6
    assert size("A well-known, long-standing partner — since 2007!") == 6
    assert count_unit("en") == "words"


def test_chinese_counts_characters_without_punctuation_or_spaces():
    assert size("沈阳与卡拉奇结为友好城市。") == 12
    assert size("“沈阳” 、 卡拉奇！") == 5
    assert size(EXACT) == 16
    assert count_unit("zh-hans") == "characters"
    assert count_unit("ja") == "characters"  # a language without spaces: data, not code


def test_mixed_text_counts_each_ideograph_and_each_word():
    assert size("卡拉奇GDP增长5%") == 7  # 卡 拉 奇 GDP 增 长 5
    assert size("Karachi (卡拉奇) and Shenyang") == 6  # Karachi 卡 拉 奇 and Shenyang


def test_rich_text_is_counted_on_its_text_not_its_tags(db):
    rich = '<p>Shenyang <strong class="x">welcomed</strong> <a href="/a-b-c/">Karachi</a>.</p>'
    count = analyse([(rich, True)], "en", "zh-hans", [0])
    assert count["total"] == 3
    assert count["unit"] == "words"


@pytest.fixture
def memory_pairs(db):
    """An approved pair EXACT → English, nothing else."""
    memory.add(
        [
            MemoryEntry(
                source=EXACT,
                target="On 9 December 2021 a Karachi delegation visited Shenyang.",
                source_language="zh-hans",
                target_language="en",
                note="Imported from office.tmx",
                approved_at=APPROVED,
            ).fill_keys()
        ]
    )


def test_segments_fall_in_bands_against_the_memory(memory_pairs):
    body = f"<p>{EXACT}</p><p>{FUZZY}{NEW}</p><p>{NEW}</p>"
    count = analyse([(body, True)], "zh-hans", "en")
    assert count["unit"] == "characters"
    assert (count["exact"], count["fuzzy"], count["new"]) == (16, 16, 10)
    assert count["repetitions"] == 10  # NEW again, in the same record
    assert count["total"] == 16 + 16 + 10 + 10
    assert count["unchecked"] == 0


def test_bands_are_per_language_pair(memory_pairs):
    count = analyse([(EXACT, False)], "en", "zh-hans")  # no English → Chinese pair
    assert (count["exact"], count["new"]) == (0, 16)


def test_fuzzy_lookups_stop_at_the_allowance_and_say_so(memory_pairs):
    allowance = [1]
    count = analyse([(f"{EXACT}{NEW}{FUZZY}", False)], "zh-hans", "en", allowance)
    # The exact match costs no lookup; the longest of the others (FUZZY, 16) takes the
    # one lookup; NEW (10) is left unchecked, not counted as new.
    assert (count["exact"], count["fuzzy"], count["unchecked"], count["new"]) == (16, 16, 10, 0)
    assert allowance == [0]


def cell(record, language="en"):
    summary = TranslationSummary.objects.get(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk
    )
    return summary.cells[language]


@time_machine.travel(datetime.datetime(2026, 12, 7, 4, tzinfo=datetime.UTC), tick=False)
def test_a_save_stores_the_count_of_what_is_to_translate(memory_pairs):
    article = make_article(
        title_zh_hans="卡拉奇代表团", title_en="", standfirst_zh_hans=EXACT,
        body_zh_hans=f"<p>{FUZZY}</p>", body_en="",
    )  # fmt: skip
    count = cell(article)["count"]
    # The title (6) and body (16) are missing, the standfirst too: all counted.
    assert count == {
        "unit": "characters", "total": 6 + 16 + 16, "repetitions": 0, "exact": 16,
        "fuzzy": 16, "new": 6, "unchecked": 0, "at": "2026-12-07",
    }  # fmt: skip
    assert "count" not in cell(article, "zh_hans")  # its original
    article.title_en, article.standfirst_en = "A Karachi delegation", "Karachi visited."
    article.body_en = "<p>On 19 December 2021 a Karachi delegation visited Shenyang.</p>"
    article.save()
    assert cell(article)["state"] == "complete"
    assert "count" not in cell(article)  # nothing left to translate
    article.title_zh_hans = "卡拉奇代表团来访"
    article.save()
    count = cell(article)["count"]
    assert cell(article)["state"] == "stale"
    assert (count["total"], count["new"]) == (8, 8)  # the stale title only


def test_an_english_original_is_counted_in_words_into_chinese(db):
    article = make_article(
        original_language="en", title_en="Karachi and Shenyang sign", title_zh_hans="",
        body_en="<p>Two cities. Two ports.</p>", body_zh_hans="",
    )  # fmt: skip
    count = cell(article, "zh_hans")["count"]
    assert (count["unit"], count["total"], count["new"]) == ("words", 8, 8)


def test_migrate_fills_the_counts_of_summaries_made_before_them(memory_pairs):
    article = make_article(title_zh_hans=EXACT, title_en="", status="draft")
    summary = TranslationSummary.objects.get(object_id=article.pk, content_type__model="article")
    summary.cells["en"].pop("count")
    summary.save()
    fill_if_empty()
    assert cell(article)["count"]["exact"] == 16
    assert Article.objects.count() == 1


def test_a_tmx_import_counts_again_what_waits_for_translation(
    db, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Group
    from django_tasks_db.models import DBTaskResult

    from portal.editorial import count_jobs, memory_tmx
    from tests.portal.test_memory_tmx import tmx_file, unit

    article = make_article(title_zh_hans=EXACT, title_en="", status="draft")
    assert (cell(article)["count"]["exact"], cell(article)["count"]["new"]) == (0, 16)
    publisher = get_user_model().objects.create_user("pub", is_staff=True)
    publisher.groups.add(Group.objects.get(name="Publishers"))
    with django_capture_on_commit_callbacks(execute=True):
        memory_tmx.import_file(tmx_file(unit("", source=EXACT)), publisher, "office.tmx")
    # Counted again by a job, not within the import's request.
    assert (cell(article)["count"]["exact"], cell(article)["count"]["new"]) == (0, 16)
    assert DBTaskResult.objects.filter(task_path="portal.editorial.count_jobs.recount").exists()
    count_jobs.recount.call()  # the worker runs it
    assert (cell(article)["count"]["exact"], cell(article)["count"]["new"]) == (16, 0)


def test_what_a_save_leaves_not_looked_up_a_job_looks_up(
    memory_pairs, monkeypatch, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    from portal.editorial import analysis, count_jobs

    monkeypatch.setattr(analysis, "LOOKUPS", 1)
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(
            title_zh_hans="卡拉奇代表团", title_en="", standfirst_zh_hans=EXACT, standfirst_en="",
            body_zh_hans=f"<p>{FUZZY}{NEW}</p>", body_en="",
        )  # fmt: skip
    count = cell(article)["count"]
    # One lookup at the save, for the longest (FUZZY); NEW and the title wait.
    assert (count["exact"], count["fuzzy"], count["unchecked"], count["new"]) == (16, 16, 16, 0)
    job = DBTaskResult.objects.get(task_path="portal.editorial.count_jobs.finish")
    assert job.args_kwargs["args"] == [
        ContentType.objects.get_for_model(Article).pk,
        article.pk,
    ]
    count_jobs.finish.call(*job.args_kwargs["args"])  # the worker runs it
    count = cell(article)["count"]
    assert (count["exact"], count["fuzzy"], count["unchecked"], count["new"]) == (16, 16, 0, 16)
    # The job's own count queues no other job, and a record deleted meanwhile is skipped.
    assert DBTaskResult.objects.count() == 1
    Article.objects.filter(pk=article.pk).delete()
    count_jobs.finish.call(ContentType.objects.get_for_model(Article).pk, article.pk)


def test_counting_again_takes_the_records_a_few_at_a_time(memory_pairs, monkeypatch):
    from portal.editorial import summaries

    articles = [make_article(title_zh_hans=EXACT, title_en="", status="draft") for _ in range(5)]
    asked = []
    real = summaries.refresh_all
    monkeypatch.setattr(summaries, "BATCH", 2)
    monkeypatch.setattr(
        summaries, "refresh_all", lambda **kwargs: asked.append(kwargs["pks"]) or real(**kwargs)
    )
    TranslationSummary.objects.all().delete()
    for article in articles:
        article.save()
    summaries.refresh_counts()
    assert sorted(len(pks) for pks in asked) == [1, 2, 2]  # SQLite: 32,766 parameters at most
    assert all(cell(article)["count"]["exact"] == 16 for article in articles)
