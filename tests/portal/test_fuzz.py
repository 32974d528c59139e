"""Whatever a client sends to the public URLs, the answer is never a server error.

Hypothesis generates paths, query strings and form posts; the test client
re-raises any exception a view lets escape, so a 500 fails the test with the
input that caused it.
"""

from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

PREFIXES = [
    "/",
    "/en/",
    "/zh-hans/",
    "/en/news/",
    "/zh-hans/news/",
    "/en/news/feed/",
    "/en/cities/",
    "/zh-hans/cities/",
    "/en/search/",
    "/language/",
    "/media/renditions/",
    "/sitemap.xml",
    "/sitemap-news.xml",
    "/robots.txt",
    "/healthz",
]
PARAMETERS = [
    *("q", "page", "p", "city", "category", "order", "continent", "relationship", "next", "year"),
]

segment = st.text(min_size=0, max_size=40)
raw_segment = st.sampled_from(["..", "%00", "%ff%fe", "%2e%2e", "%", "%%20", ";", "//", "\\"])
paths = st.builds(
    lambda prefix, parts: prefix + "/".join(parts),
    st.sampled_from(PREFIXES),
    st.lists(st.one_of(segment.map(lambda text: quote(text, safe="")), raw_segment), max_size=3),
)
values = st.one_of(
    st.text(max_size=60),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.sampled_from(["", "0", "-1", "1e9", "NaN", "karachi", "' OR 1=1 --", "<script>", "卡拉奇"]),
)
queries = st.dictionaries(st.one_of(st.sampled_from(PARAMETERS), st.text(max_size=10)), values)

FUZZ = settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def site(demo):
    return demo


@FUZZ
@given(path=paths, query=queries)
def test_any_get_is_answered_without_a_server_error(client, site, path, query):
    response = client.get(f"{path}?{urlencode(query)}" if query else path)
    assert response.status_code < 500, (path, query)


@FUZZ
@given(path=paths, form=queries)
def test_any_form_post_is_answered_without_a_server_error(client, site, path, form):
    response = client.post(path, form)
    assert response.status_code < 500, (path, form)


@FUZZ
@given(query=st.binary(max_size=80))
def test_undecodable_query_strings_are_answered_without_a_server_error(client, site, query):
    response = client.get("/en/search/", QUERY_STRING=quote(query, safe="=&"))
    assert response.status_code < 500


def test_a_path_that_is_no_url_is_a_404_page_not_a_server_error(client, site, settings):
    """Found by the fuzzer: `//[` is a host with half an IPv6 address to urllib, which the
    404 page's language links gave to `translate_url` (a 500 with DEBUG off)."""
    settings.DEBUG = False
    assert client.get("/%2F%5B").status_code == 404
