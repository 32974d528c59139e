import pytest

from portal.formatting.richtext import sanitize_html
from tests.factories import make_article, make_city

HOSTILE = (
    '<p style="color:red" onclick="steal()">Hello <script>alert(1)</script>'
    '<a href="javascript:alert(2)">link</a> <a href="https://example.org/">safe</a></p>'
    '<iframe src="https://evil.example/"></iframe><img src=x onerror=alert(3)>'
    "<style>body{display:none}</style><h1>Too big</h1><h2>Subheading</h2>"
)


def test_sanitiser_keeps_what_a_report_needs():
    html = (
        "<h2>Sub</h2><h3>Subsub</h3><p><strong>b</strong> <em>i</em> "
        '<a href="https://example.org/">l</a></p><ul><li><p>x</p></li></ul>'
        "<ol><li><p>y</p></li></ol><blockquote><p>q</p></blockquote>"
    )
    assert sanitize_html(html) == html


def test_sanitiser_drops_scripts_styles_handlers_and_foreign_frames():
    clean = sanitize_html(HOSTILE)
    for forbidden in (
        "<script",
        "alert(1)",
        "style=",
        "onclick",
        "javascript:",
        "<iframe",
        "<img",
        "onerror",
        "<style",
        "<h1",
    ):
        assert forbidden not in clean
    assert '<a href="https://example.org/"' in clean
    assert "<h2>Subheading</h2>" in clean


@pytest.mark.django_db
def test_article_body_is_sanitised_on_save_in_both_languages():
    article = make_article(body_en=HOSTILE, body_zh_hans=HOSTILE)
    article.refresh_from_db()
    for body in (article.body_en, article.body_zh_hans):
        assert "<script" not in body and "onclick" not in body and "Subheading" in body


@pytest.mark.django_db
def test_city_long_texts_are_sanitised_on_save():
    city = make_city(climate_en=HOSTILE, pillar_industries_zh_hans=HOSTILE)
    city.refresh_from_db()
    assert "<script" not in city.climate_en
    assert "<script" not in city.pillar_industries_zh_hans


@pytest.mark.django_db
def test_saving_does_not_copy_one_language_into_the_other():
    article = make_article(body_en="<p>English only</p>", body_zh_hans="")
    article.refresh_from_db()
    assert not article.body_zh_hans
