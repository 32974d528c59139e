"""A glossary change refreshes the stored summaries of the records it can affect, and
only those; several edits in a row queue one job."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django_tasks import default_task_backend

from news.models import Article
from portal.editorial.glossary import Term
from portal.editorial.glossary_refresh import SummaryRefresh, refresh_in_background
from portal.editorial.summaries import TranslationSummary
from tests.factories import make_article

pytestmark = pytest.mark.django_db

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
UNTOUCHED = {"en": "untouched", "zh_hans": "untouched"}


def summary(article):
    kind = ContentType.objects.get_for_model(Article)
    return TranslationSummary.objects.get(content_type=kind, object_id=article.pk)


def flagged(article, language="en"):
    return summary(article).cells[language]["flagged"]


def mark(article):
    """Set a summary's names to a value no refresh writes: a rewrite shows."""
    TranslationSummary.objects.filter(pk=summary(article).pk).update(names=UNTOUCHED)


@pytest.fixture
def records(db):
    lu = make_article(
        title_zh_hans="代市长吕志成会见代表团",
        title_en="Acting Mayor Lu Zhicheng met the delegation",
    )
    english = make_article(  # an English original, whose Chinese lacks the name
        title_en="Mayor Lyu Zhicheng visited Karachi",
        body_en="<p>A visit.</p>",
        title_zh_hans="市长访问卡拉奇",
        body_zh_hans="<p>访问。</p>",
        original_language="en",
    )
    other = make_article(title_zh_hans="沈阳举办文化活动", title_en="Shenyang held a festival")
    return lu, english, other


def test_a_new_term_refreshes_the_records_holding_it_and_no_other(
    settings, django_capture_on_commit_callbacks, records
):
    lu, english, other = records
    assert flagged(lu) == 0 and flagged(english, "zh_hans") == 0
    mark(other)
    settings.TASKS = IMMEDIATE
    with django_capture_on_commit_callbacks(execute=True):
        Term.objects.create(chinese="吕志成", english="Lyu Zhicheng", kind="person")
    assert flagged(lu) == 1, "its English lacks Lyu Zhicheng"
    assert flagged(english, "zh_hans") == 1, "its Chinese lacks 吕志成"
    assert summary(other).names == UNTOUCHED, "an unrelated record is not summarised again"
    assert not SummaryRefresh.objects.exists()


def test_a_corrected_or_deleted_term_refreshes_the_records_of_its_old_form(
    settings, django_capture_on_commit_callbacks, records
):
    lu, _english, other = records
    settings.TASKS = IMMEDIATE
    with django_capture_on_commit_callbacks(execute=True):
        term = Term.objects.create(chinese="吕志成", english="Lyu Zhicheng", kind="person")
    assert flagged(lu) == 1
    mark(other)
    term.chinese = "吕志诚"  # no longer the name the record holds
    with django_capture_on_commit_callbacks(execute=True):
        term.save()
    assert flagged(lu) == 0, "the record holding only the old form is summarised again"
    term.chinese = "吕志成"
    with django_capture_on_commit_callbacks(execute=True):
        term.save()
    assert flagged(lu) == 1
    with django_capture_on_commit_callbacks(execute=True):
        term.delete()
    assert flagged(lu) == 0
    assert summary(other).names == UNTOUCHED


def test_several_edits_in_a_row_queue_one_job(
    settings, django_capture_on_commit_callbacks, records
):
    lu, english, other = records
    settings.TASKS = DUMMY  # keeps what is queued; nothing runs
    default_task_backend.clear()
    for chinese, english_form in (("吕志成", "Lyu Zhicheng"), ("卡拉奇", "Karachi")):
        with django_capture_on_commit_callbacks(execute=True):  # each its own transaction
            Term.objects.create(chinese=chinese, english=english_form, kind="person")
    term = Term.objects.get(chinese="卡拉奇")
    term.note = "A partner city."
    with django_capture_on_commit_callbacks(execute=True):
        term.save()
    assert len(default_task_backend.results) == 1, "one job for three edits"
    assert flagged(lu) == 0, "not yet refreshed"
    mark(other)
    refresh_in_background.call()  # the worker runs the one job
    assert flagged(lu) == 1
    assert flagged(english, "zh_hans") == 1
    assert summary(other).names == UNTOUCHED
    assert not SummaryRefresh.objects.exists()


def test_an_edit_after_the_job_started_queues_another(
    settings, django_capture_on_commit_callbacks, records
):
    lu, _english, _other = records
    settings.TASKS = DUMMY
    default_task_backend.clear()
    with django_capture_on_commit_callbacks(execute=True):
        Term.objects.create(chinese="卡拉奇", english="Karachi", kind="place")
    refresh_in_background.call()  # it ran: a later edit cannot wait for it
    with django_capture_on_commit_callbacks(execute=True):
        Term.objects.create(chinese="吕志成", english="Lyu Zhicheng", kind="person")
    assert len(default_task_backend.results) == 2
    refresh_in_background.call()
    assert flagged(lu) == 1
