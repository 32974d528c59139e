"""The demo's own gaps show up in the self-check: nothing is invented to hide them."""

import pytest
from django.utils import translation

from portal import selfcheck


@pytest.fixture
def results(demo):
    with translation.override("en"):
        return {result.name.split(" ")[0]: result for result in selfcheck.run()}


def test_the_demo_gaps_are_listed(results):
    blank = {failure.label for failure in results["空白栏目"].failures}
    # The demo has guides and a yearly report; it has no sourced contact details.
    assert blank == {"Contact"}
    # The one article is from 2021: the news section is years behind.
    assert [failure.label for failure in results["更新不及时"].failures] == ["News"]
    # The office has given no filing numbers: listed, never invented.
    identity = [failure.label for failure in results["标识信息缺失"].failures]
    assert "ICP filing number (ICP备案号)" in identity
    assert "Site identifier code (网站标识码)" in identity
    assert "Telephone" in identity and "Address" in identity


def test_every_indicator_says_whether_it_is_met(results):
    assert len(results) == 9
    for result in results.values():
        assert result.threshold
        assert result.met == (not result.failures)
