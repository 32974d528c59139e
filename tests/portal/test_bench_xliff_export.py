"""How long the XLIFF export of 1,000 units takes, in-process (the goal: under 5 s).

A benchmark, not a timed assertion (a shared machine's timings vary): it prints the
figure (`pytest -s` shows it) and checks only what was exported. 500 Chinese
originals, 2 translated fields each: 400 missing their English (state `new`), 100
with an English title awaiting approval and the body stale (`needs-review-translation`).
"""

import time

import pytest
from lxml import etree

from portal.editorial import pending
from portal.editorial.xliff import export
from tests.factories import make_article

pytestmark = pytest.mark.django_db

ARTICLES = 500
NS = "{urn:oasis:names:tc:xliff:document:1.2}"


def test_export_of_1000_units(django_user_model):
    translator = django_user_model.objects.create_user("translator")
    for n in range(ARTICLES):
        article = make_article(
            slug=f"report-{n}",
            title_zh_hans=f"卡拉奇代表团第{n}次访问沈阳",
            body_zh_hans=f"<p>代市长吕志成会见<strong>卡拉奇</strong>代表团（第{n}次）。</p>",
            title_en="",
            body_en="",
            original_language="zh-hans",
        )
        if n % 5 == 0:
            article.body_en = f"<p>Acting Mayor Lyu Zhicheng met the delegation ({n}).</p>"
            article.save()
            article.body_zh_hans += "<p>双方签署了合作备忘录。</p>"
            article.save()  # the English body is now stale
            pending.propose(article, {"title_en": f"Karachi delegation visit {n}"}, translator)

    started = time.perf_counter()
    data, count = export("en")
    elapsed = time.perf_counter() - started

    print(f"\nXLIFF export: {count} units, {len(data) / 1024:.0f} KiB, in {elapsed:.2f} s")
    assert count == 2 * ARTICLES
    states = [target.get("state") for target in etree.fromstring(data).iter(f"{NS}target")]
    assert states.count("new") == 2 * 400
    assert states.count("needs-review-translation") == 2 * 100
