import datetime

import pytest
from django.utils import timezone

from cities.models import City
from news.models import Article
from tests.factories import make_article, make_city

pytestmark = pytest.mark.django_db


def states():
    """Each state, timed from now (not from when the suite started: it runs for minutes)."""
    now = timezone.now()
    return {
        "draft": {"status": "draft"},
        "review": {"status": "review"},
        "withdrawn": {"status": "withdrawn", "published_at": now - datetime.timedelta(days=3)},
        "scheduled": {"status": "published", "published_at": now + datetime.timedelta(minutes=5)},
        "live": {"status": "published", "published_at": now - datetime.timedelta(minutes=5)},
    }


@pytest.mark.parametrize(("model", "make"), [(Article, make_article), (City, make_city)])
def test_published_means_published_and_due(model, make):
    records = {state: make(slug=state, **fields) for state, fields in states().items()}
    assert list(model.objects.published()) == [records["live"]]
    assert [state for state, record in records.items() if record.is_live] == ["live"]


def test_scheduled_record_appears_when_its_time_comes(settings):
    article = make_article(published_at=timezone.now() + datetime.timedelta(seconds=60))
    assert not Article.objects.published().exists()
    Article.objects.filter(pk=article.pk).update(
        published_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert Article.objects.published().get() == article
