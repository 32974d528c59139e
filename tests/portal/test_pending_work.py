"""Pending work is real work: a translation waiting for a publisher is one proposal per
person, holds only what it changes, says "awaiting approval" wherever translators look,
and is checked against the official names where the publisher decides."""

import pytest
from django.db import IntegrityError
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from portal.editorial import pending
from portal.editorial.models import PendingChange
from portal.models import Term
from tests.admin_forms import admin_form_data
from tests.factories import make_article
from tests.two_factor import sign_in_fully

pytestmark = pytest.mark.django_db
CHANGE = "/admin/news/article/{}/change/"
AWAITING_BADGE = '<span class="translation-state translation-awaiting">awaiting approval</span>'


def chinese_article(slug="visit", **fields):
    """Written in Chinese, its English translation missing; published unless told."""
    fields.setdefault("title_en", "")
    fields.setdefault("body_en", "")
    return make_article(
        slug=slug,
        title_zh_hans="吕志成会见卡拉奇代表团",
        body_zh_hans="<p>代市长吕志成会见卡拉奇代表团。</p>",
        original_language="zh-hans",
        **fields,
    )


def workbench(record, language="en"):
    return reverse("translation_workbench", args=[record._meta.label_lower, record.pk, language])


def field(record, name, language="en"):
    return f"{record._meta.label_lower}-{record.pk}-{name}_{language.replace('-', '_')}"


def translate(client, record, title, **more):
    """Save `title` as the English title in the workbench, as a translator does."""
    data = admin_form_data(client.get(workbench(record)), **{field(record, "title"): title})
    data.update(more)
    return client.post(workbench(record), data)


def post_change(client, article, **changes):
    url = CHANGE.format(article.pk)
    return client.post(url, admin_form_data(client.get(url), **changes))


def publisher_client(client, django_user_model):
    other = client.__class__()
    sign_in_fully(other, django_user_model.objects.create_superuser("boss", "", "pw"))
    other.cookies["django_language"] = "en"
    return other


# One proposal per person and record


def test_a_second_save_replaces_the_first(client, sign_in):
    article = chinese_article()
    sign_in("Translators")
    translate(client, article, "Karachi: 13.5 million")
    translate(client, article, "Karachi: 12.5 million")
    assert PendingChange.objects.get().values == {"title_en": "Karachi: 12.5 million"}


def test_a_later_proposal_keeps_the_earlier_fields_it_does_not_set(client, sign_in):
    """The change form sends what the person changed; an import, the units in its file."""
    sign_in("Editors")
    article = make_article(title_en="Published title", standfirst_en="")
    post_change(client, article, title_en="Proposed title")
    post_change(client, article, standfirst_en="Proposed standfirst")
    post_change(client, article, title_en="Better title")
    change = PendingChange.objects.get()
    assert change.values == {"title_en": "Better title", "standfirst_en": "Proposed standfirst"}


def test_an_import_replaces_the_same_persons_proposal(sign_in):
    """What an XLIFF import hands over: the translated fields by their stored names."""
    translator = sign_in("Translators")
    article = chinese_article()
    pending.propose(
        article, {"title_en": "Lu Zhicheng meets Karachi", "body_en": "<p>A</p>"}, translator
    )
    pending.propose(article, {"title_en": "Lyu Zhicheng meets Karachi"}, translator)
    assert PendingChange.objects.get().values == {
        "title_en": "Lyu Zhicheng meets Karachi",
        "body_en": "<p>A</p>",
    }


def test_each_person_has_a_proposal_of_their_own(sign_in, django_user_model):
    article = chinese_article()
    first = sign_in("Translators")
    second = django_user_model.objects.create_user("second", password="pw", is_staff=True)
    pending.propose(article, {"title_en": "Lu"}, first)
    pending.propose(article, {"title_en": "Lyu"}, second)
    assert sorted(PendingChange.objects.values_list("values__title_en", flat=True)) == ["Lu", "Lyu"]


def test_the_database_refuses_a_second_change_by_the_same_person(sign_in):
    article = chinese_article()
    translator = sign_in("Translators")
    pending.propose(article, {"title_en": "Lu"}, translator)
    with pytest.raises(IntegrityError):
        PendingChange.objects.create(
            content_type=PendingChange.objects.get().content_type,
            object_id=article.pk,
            author=translator,
            values={"title_en": "Lyu"},
        )


# Only what changes


def test_fields_equal_to_the_published_ones_are_not_kept(sign_in):
    article = chinese_article(title_en="Lyu Zhicheng meets Karachi")
    translator = sign_in("Translators")
    change = pending.propose(
        article,
        {"title_en": "Lyu Zhicheng meets Karachi", "body_en": "<p>New</p>", "standfirst_en": ""},
        translator,
    )
    assert change.values == {"body_en": "<p>New</p>"}


def test_a_proposal_that_changes_nothing_is_not_kept_and_the_person_is_told(client, sign_in):
    sign_in("Editors")
    article = make_article(title_en="Published title")
    response = post_change(client, article, title_en="Published title")
    assert not PendingChange.objects.exists()
    assertContains(
        client.get(response.url),
        "Nothing differs from the published version, so nothing waits for a publisher.",
    )


def test_setting_the_translation_back_to_the_published_one_withdraws_it(client, sign_in):
    article = chinese_article(title_en="Published")
    sign_in("Translators")
    translate(client, article, "Proposed")
    response = translate(client, article, "Published")
    assert not PendingChange.objects.exists()
    assertContains(client.get(response.url), "Nothing differs from the published version")


def test_the_pending_change_table_says_empty_never_none(client, sign_in, django_user_model):
    article = chinese_article(title_en=None)
    sign_in("Translators")
    translate(client, article, "Lyu Zhicheng meets Karachi")
    page = publisher_client(client, django_user_model).get(CHANGE.format(article.pk))
    table = page.content.decode().split('class="module pending-change"')[1].split("</table>")[0]
    assert "None" not in table
    assertContains(page, '<td><em class="empty">empty</em></td>', html=True)


# Awaiting approval, wherever translators look


def test_the_queue_says_awaiting_approval(client, sign_in):
    article = chinese_article()
    sign_in("Translators")
    translate(client, article, "Lyu Zhicheng meets Karachi")
    queue = client.get("/admin/translations/?language=en")
    assertContains(queue, AWAITING_BADGE, html=True)
    client.cookies["django_language"] = "zh-hans"
    queue = client.get("/admin/translations/?language=en")
    assertContains(queue, "待批准")


def test_the_workbench_and_the_badges_say_awaiting_approval(client, sign_in):
    article = chinese_article()
    sign_in("Translators")
    translate(client, article, "Lyu Zhicheng meets Karachi")
    assertContains(client.get(workbench(article)), AWAITING_BADGE, html=True)
    changelist = client.get("/admin/news/article/").content.decode()
    assert "translation-awaiting" in changelist and "English: awaiting approval" in changelist
    awaiting = client.get("/admin/news/article/?translation=en:awaiting")
    assert list(awaiting.context["cl"].result_list) == [article]


def test_the_matrix_says_awaiting_approval(client, sign_in):
    article = chinese_article()
    chinese_article(slug="other")
    sign_in("Translators")
    translate(client, article, "Lyu Zhicheng meets Karachi")
    page = client.get("/admin/translations/matrix/?type=news.article&state=awaiting")
    assert [(row.kind, row.pk) for row, _cells in page.context["rows"]] == [
        ("news.article", article.pk)
    ]
    assertContains(
        page,
        f'<a class="translation-state translation-awaiting" href="{workbench(article)}">'
        "awaiting approval</a>",
        html=True,
    )
    response = client.get("/admin/translations/matrix/?type=news.article&format=csv")
    csv = b"".join(response.streaming_content).decode()
    # Its original has nothing to count (7 empty count columns); its English still
    # counts what the publisher has not yet approved.
    nothing = "," * 7
    assert (
        f"news.article,{article.pk},吕志成会见卡拉奇代表团,zh-hans,1,original,0,0,0{nothing},"
        "awaiting,2,0,0,characters," in csv
    )


# Save and go to the next


def test_save_and_next_skips_records_awaiting_approval(client, sign_in, django_user_model):
    saved = chinese_article(slug="saved")
    waiting = chinese_article(slug="waiting")
    todo = chinese_article(slug="todo")
    other = django_user_model.objects.create_user("other", password="pw", is_staff=True)
    pending.propose(waiting, {"title_en": "Waiting"}, other)
    sign_in("Translators")
    response = translate(client, saved, "Saved", _next="1")
    assertRedirects(response, workbench(todo), fetch_redirect_response=False)


def test_save_and_next_never_calls_a_queue_of_waiting_records_empty(client, sign_in):
    first = chinese_article(slug="first")
    second = chinese_article(slug="second")
    sign_in("Translators")
    translate(client, first, "First")
    response = translate(client, second, "Second", _next="1")
    assertRedirects(response, "/admin/translations/?language=en", fetch_redirect_response=False)
    queue = client.get(response.url)
    assertNotContains(queue, "The queue is empty")
    assertContains(
        queue,
        "Nothing left to translate: the records in the queue await a publisher&#x27;s approval.",
    )
    assertContains(queue, f'href="{workbench(second)}"')


def test_save_and_next_stays_on_the_last_record_left_with_work(client, sign_in):
    draft = chinese_article(status="draft")
    sign_in("Translators")
    data = admin_form_data(client.get(workbench(draft)), **{field(draft, "title"): "Visit"})
    response = client.post(workbench(draft), {**data, "_next": "1"})
    assertRedirects(response, workbench(draft), fetch_redirect_response=False)
    assertContains(client.get(response.url), "No other record is left to translate: only this one.")


# The publisher decides on the proposal


def test_the_approve_screen_checks_official_names_on_the_proposal(
    client, sign_in, django_user_model
):
    Term.objects.create(chinese="吕志成", english="Lyu Zhicheng", kind="person")
    article = chinese_article(title_en="Lyu Zhicheng meets Karachi delegation")
    sign_in("Translators")
    translate(client, article, "Lu Zhicheng meets Karachi delegation")
    page = publisher_client(client, django_user_model).get(CHANGE.format(article.pk))
    proposal = page.content.decode().split('class="module pending-change"')[1].split("editions")[0]
    assert "the proposed translations lack the required rendering" in proposal
    assert "English, title: Lyu Zhicheng" in proposal


def test_a_proposal_keeping_the_official_names_brings_no_warning(
    client, sign_in, django_user_model
):
    Term.objects.create(chinese="吕志成", english="Lyu Zhicheng", kind="person")
    article = chinese_article(title_en="Lu Zhicheng meets Karachi delegation")
    sign_in("Translators")
    translate(client, article, "Lyu Zhicheng meets Karachi delegation")
    page = publisher_client(client, django_user_model).get(CHANGE.format(article.pk))
    proposal = page.content.decode().split('class="module pending-change"')[1].split("editions")[0]
    assert "the proposed translations lack" not in proposal


# The queue names languages


def test_the_queue_names_the_language_not_yet_translated_into(client, sign_in):
    chinese_article()
    sign_in("Translators")
    queue = client.get("/admin/translations/?language=en")
    assertContains(queue, "Not yet translated into English: title, body")
    assertNotContains(queue, "[zh-hans]")
    client.cookies["django_language"] = "zh-hans"
    assertContains(client.get("/admin/translations/?language=en"), "尚未译成英文：")
