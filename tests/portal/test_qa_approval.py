"""A publisher applies a change with a QA error only over a written reason, which the
version keeps and the version history shows."""

import pytest
from django.contrib.contenttypes.models import ContentType
from pytest_django.asserts import assertContains, assertNotContains

from news.models import Article
from portal.editorial.models import PendingChange
from tests.factories import make_article

pytestmark = pytest.mark.django_db

EN = "“12.5 million” here does not match the figure “1350万” of the original."
REASON = "The office confirmed the figure: the original had a misprint, " * 3


@pytest.fixture
def article():
    return make_article(
        slug="fund",
        title_zh_hans="沈阳设立1350万美元基金",
        title_en="Shenyang sets up a fund",
        body_zh_hans="<p>基金于2021年12月9日设立。</p>",
        body_en="<p>The fund was set up on 9 December 2021.</p>",
    )


def propose(article, **values):
    return PendingChange.objects.create(
        content_type=ContentType.objects.get_for_model(Article), object_id=article.pk, values=values
    )


def apply_url(article, change):
    return f"/admin/news/article/{article.pk}/pending/{change.pk}/apply/"


def test_the_approve_screen_shows_the_findings_beside_the_field(client, sign_in, article):
    change = propose(article, title_en="Shenyang sets up a USD 12.5 million fund")
    sign_in("Publishers")
    page = client.get(f"/admin/news/article/{article.pk}/change/").content.decode()
    proposal = page.split(f'id="pending-change-{change.pk}"')[1].split('id="editions"')[0]
    assert "QA error" in proposal and EN in proposal
    assert f'name="qa_reason" form="apply-{change.pk}"' in proposal


def test_a_change_with_an_error_is_not_applied_without_a_reason(client, sign_in, article):
    change = propose(article, title_en="Shenyang sets up a USD 12.5 million fund")
    sign_in("Publishers")
    for reason in ["", "   ", "x" * 1001]:
        response = client.post(apply_url(article, change), {"qa_reason": reason}, follow=True)
        assertContains(response, "The QA checks found errors in these changes")
        assertNotContains(response, "The changes are applied")
    assert Article.objects.get(pk=article.pk).title_en == "Shenyang sets up a fund"
    assert PendingChange.objects.filter(pk=change.pk).exists()


def test_with_a_reason_it_is_applied_and_the_version_history_shows_it(client, sign_in, article):
    change = propose(article, body_en="<p>The fund was set up on 10 December 2021.</p>")
    publisher = sign_in("Publishers")
    response = client.post(apply_url(article, change), {"qa_reason": REASON}, follow=True)
    assertContains(response, "The changes are applied and published.")
    article.refresh_from_db()
    assert "10 December" in article.body_en
    version = article.history.order_by("-history_id").first()
    assert version.history_user == publisher
    assert version.history_change_reason.endswith(REASON.strip())
    assert version.history_change_reason.startswith("Applied changes by")
    history = client.get(f"/admin/news/article/{article.pk}/history/")
    assertContains(history, REASON.strip())


def test_a_change_without_errors_needs_no_reason(client, sign_in, article):
    change = propose(article, title_en="Shenyang sets up a USD 13.5 million fund")
    sign_in("Publishers")
    page = client.get(f"/admin/news/article/{article.pk}/change/")
    assertNotContains(page, 'name="qa_reason"')
    client.post(apply_url(article, change))
    assert Article.objects.get(pk=article.pk).title_en == "Shenyang sets up a USD 13.5 million fund"
    version = article.history.order_by("-history_id").first()
    assert version.history_change_reason == "Applied changes by someone"


def test_only_publishers_apply_even_with_a_reason(client, sign_in, article):
    change = propose(article, title_en="Shenyang sets up a USD 12.5 million fund")
    sign_in("Editors")
    response = client.post(apply_url(article, change), {"qa_reason": REASON})
    assert response.status_code == 403
    assert PendingChange.objects.filter(pk=change.pk).exists()


def test_the_approve_screen_says_it_in_chinese(client, sign_in, article):
    propose(article, title_en="Shenyang sets up a USD 12.5 million fund")
    sign_in("Publishers")
    client.cookies["django_language"] = "zh-hans"
    page = client.get(f"/admin/news/article/{article.pk}/change/")
    assertContains(page, "此处的“12.5 million”与原文中的数字“1350万”不符。")
