"""On the home page only the featured report's card is styled as featured."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import make_article


@pytest.mark.django_db
def test_only_the_featured_card_is_featured(client):
    now = timezone.now()
    make_article(slug="lead", featured=True, published_at=now - datetime.timedelta(hours=3))
    for n in range(3):
        make_article(slug=f"other-{n}", published_at=now - datetime.timedelta(hours=1 + n))
    page = client.get("/en/").content.decode()
    assert page.count("card-featured") == 1
    featured_card = page[
        page.index("card-featured") : page.index("</li>", page.index("card-featured"))
    ]
    assert "/en/news/lead/" in featured_card
