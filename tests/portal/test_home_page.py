"""The home page: featured news, partner cities and recent exchanges."""

import pytest

pytestmark = pytest.mark.django_db


def test_home_shows_featured_news_partner_cities_and_recent_exchanges(client, demo):
    html = client.get("/en/").content.decode()
    assert (
        "card-featured" in html and "Shenyang and Karachi, Pakistan, become sister cities" in html
    )
    assert 'href="/en/cities/karachi/"' in html
    assert "December 9, 2021" in html and "Recent exchanges" in html


def test_an_older_featured_article_still_leads_the_home_page(client, db):
    from tests.factories import make_article

    make_article(
        slug="old-featured",
        title_en="Old but featured",
        featured=True,
        published_at="2020-01-01T00:00Z",
    )
    for n in range(8):
        make_article(slug=f"new-{n}")
    html = client.get("/en/").content.decode()
    assert 'class="card card-featured"' in html
    assert html.index("Old but featured") < html.index("/en/news/new-7/")
