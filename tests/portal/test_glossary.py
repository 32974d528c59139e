"""Official names: found in the original, required in the translation, a warning when lacking."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from portal.editorial.glossary import Glossary, Term
from tests.factories import make_article

pytestmark = pytest.mark.django_db

ASSOCIATION = "Chinese People's Association for Friendship with Foreign Countries"


@pytest.fixture
def terms(db):
    return [
        Term.objects.create(chinese="吕志成", english="Lyu Zhicheng", kind="person"),
        Term.objects.create(chinese="卡拉奇", english="Karachi", kind="place"),
        Term.objects.create(chinese="沈阳", english="Shenyang", kind="place"),
        Term.objects.create(
            chinese="沈阳市人民对外友好协会",
            english="Shenyang Municipal Association for Friendship with Foreign Countries",
            kind="organisation",
        ),
        Term.objects.create(
            chinese="中国人民对外友好协会", english=ASSOCIATION, kind="organisation"
        ),
        Term.objects.create(chinese="代市长", english="Acting Mayor", kind="title"),
    ]


def names(found):
    return [hit.required for hit in found]


def test_chinese_matches_as_a_substring(terms):
    found, lacking = Glossary().check(
        "<p>代市长吕志成访问卡拉奇。</p>", "zh-hans", "Lyu Zhicheng visited karachi.", "en"
    )
    assert sorted(names(found)) == ["Acting Mayor", "Karachi", "Lyu Zhicheng"]
    assert lacking == ["Acting Mayor"]  # Karachi matched case-insensitively


def test_english_matches_on_word_boundaries_case_insensitively(terms):
    glossary = Glossary()
    assert names(glossary.found("KARACHI's port", "en", "zh-hans")) == ["卡拉奇"]
    assert glossary.found("Karachiites and Shenyangers", "en", "zh-hans") == []
    found, lacking = glossary.check(
        f"The {ASSOCIATION.lower()} met.", "en", "中国人民对外友好协会会见。", "zh-hans"
    )
    assert names(found) == ["中国人民对外友好协会"] and lacking == []


def test_a_name_inside_a_longer_one_is_not_required_twice(terms):
    found = Glossary().found("沈阳市人民对外友好协会工作组", "zh-hans", "en")
    assert names(found) == ["Shenyang Municipal Association for Friendship with Foreign Countries"]
    found = Glossary().found("沈阳市人民对外友好协会在沈阳", "zh-hans", "en")
    assert "Shenyang" in names(found)


def test_no_warning_while_nothing_is_translated(terms):
    assert Glossary().check("吕志成", "zh-hans", "", "en")[1] == []


def test_the_workbench_lists_required_names_and_warns_when_one_is_lacking(client, sign_in, terms):
    article = make_article(
        slug="visit",
        title_zh_hans="吕志成会见卡拉奇代表团",
        title_en="Lyu Zhicheng meets a delegation",
        body_zh_hans="<p>正文。</p>",
        body_en="",  # still in the queue
        original_language="zh-hans",
        status="draft",
    )
    sign_in("Translators")
    url = reverse("translation_workbench", args=["news.article", article.pk, "en"])
    response = client.get(url)
    assertContains(
        response,
        '<li><span lang="zh-hans">卡拉奇</span> → <span lang="en">Karachi</span></li>',
        html=True,
    )
    assertContains(response, '<span lang="en">Lyu Zhicheng</span>')
    assertContains(response, "Check the official names: this translation lacks")
    assertContains(
        response,
        '<p class="workbench-warning" role="status">Check the official names: this '
        'translation lacks <span class="workbench-lacking" lang="en">Karachi</span></p>',
        html=True,
    )
    # The same warning in the queue and to the publisher.
    queue = client.get("/admin/translations/?language=en")
    assertContains(queue, "title lacks the official names")
    sign_in("Publishers")
    change = client.get(f"/admin/news/article/{article.pk}/change/")
    assertContains(change, "Check the official names before publishing")
    assertContains(change, "<li>English, title: Karachi</li>", html=True)
    article.title_en = "Lyu Zhicheng meets a Karachi delegation"
    article.save()
    assertNotContains(client.get(url), '<p class="workbench-warning" role="status">')


def test_everyone_in_the_back_office_reads_the_glossary_in_both_admin_languages(
    client, sign_in, terms
):
    sign_in("Translators")
    response = client.get("/admin/portal/term/?q=karachi")
    assertContains(response, "卡拉奇")
    assertNotContains(response, "吕志成")
    client.cookies["django_language"] = "zh-hans"
    assertContains(client.get("/admin/portal/term/"), "规范名称")
