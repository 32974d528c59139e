"""A changelist's rows counted exactly up to a bound, estimated past it on PostgreSQL."""

import pytest
from django.db import connection
from pytest_django.asserts import assertContains, assertNotContains

from news.models import Article
from portal.editorial.changelists import EstimatedCountPaginator
from tests.factories import make_article

pytestmark = pytest.mark.django_db


class SmallBound(EstimatedCountPaginator):
    exact_up_to = 3


@pytest.fixture
def articles(db):
    return [make_article(slug=f"count-{n}", title_en=f"Karachi {n}") for n in range(6)]


def test_a_list_within_the_bound_is_counted_exactly(articles):
    paginator = EstimatedCountPaginator(Article.objects.order_by("pk"), 2)
    assert paginator.count == 6 and not paginator.estimated
    assert paginator.num_pages == 3


def test_past_the_bound_postgresql_estimates_and_sqlite_counts(articles):
    paginator = SmallBound(Article.objects.filter(title_en__icontains="karachi"), 2)
    count = paginator.count
    if connection.vendor == "postgresql":
        assert paginator.estimated
        assert count >= 4, "never fewer than the rows known to be there"
    else:
        assert (count, paginator.estimated) == (6, False)


def test_the_changelist_pages_and_searches_as_before(client, sign_in, articles):
    sign_in("Publishers")
    response = client.get("/admin/news/article/?q=count-4")
    assertContains(response, "Karachi 4")
    assertNotContains(response, "Karachi 5")
    assertContains(response, "\n1 article\n")
    assertNotContains(response, "about")
    # Each row's checkbox, as Django's widget writes it.
    pk = Article.objects.get(slug="count-4").pk
    assertContains(
        response,
        f'<input type="checkbox" name="_selected_action" value="{pk}" class="action-select" '
        'aria-label="Select this object for an action - Karachi 4">',
        html=True,
    )


def test_the_translation_filter_finds_stale_missing_and_awaiting(client, sign_in, articles):
    from portal.editorial import pending

    publisher = sign_in("Publishers")
    stale, awaiting = articles[0], articles[1]
    stale.title_zh_hans = "改过的标题"
    stale.save()
    missing = make_article(slug="count-missing", title_en="", body_en="", title_zh_hans="缺")
    pending.propose(awaiting, {"title_en": "Karachi, revised"}, publisher)

    def listed(value):
        response = client.get(f"/admin/news/article/?translation={value}")
        return {row.pk for row in response.context["cl"].result_list}

    assert listed("en:stale") == {stale.pk}
    assert listed("en:missing") == {missing.pk}
    assert listed("en:awaiting") == {awaiting.pk}
    assert listed("zh_hans:stale") == set()
