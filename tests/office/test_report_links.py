"""Every link to a yearly website report, on the about page, the site map and in the
footer, answers 200 in both languages, whatever the report's edition."""

import re

import pytest
from django.test import Client

from portal.editorial.translation_state import refresh_states
from portal.models import Office
from tests.factories import make_report

pytestmark = pytest.mark.django_db

LANGS = ["zh-hans", "en"]


@pytest.fixture
def reports(db):
    Office.objects.create(name_en="Foreign Affairs Office", name_zh_hans="外事办公室")
    whole = make_report(2026, rows=[("Visits", "访问量", "100")], note_en="N", note_zh_hans="注")
    chinese_only = make_report(2025, original_language="zh-hans")
    chinese_only.rows.create(item_zh_hans="访问量", value_zh_hans="100")
    original_only = make_report(2024, original_language="zh-hans", original_only=True)
    original_only.rows.create(item_zh_hans="访问量", value_zh_hans="100")
    for report in (whole, chinese_only, original_only):
        report.refresh_from_db()
        refresh_states(report)
    return whole, chinese_only, original_only


def report_links(html):
    return set(re.findall(r'href="(/[^"]*/office/reports/[^"]*)"', html))


@pytest.mark.parametrize("lang", LANGS)
def test_every_report_link_answers_200(reports, lang):
    client = Client()
    links = set()
    for page in ("office/", "sitemap/", ""):
        links |= report_links(client.get(f"/{lang}/{page}").content.decode())
    assert links >= {f"/{lang}/office/reports/2026/", f"/{lang}/office/reports/2024/"}
    for link in links:
        assert client.get(link).status_code == 200, link
