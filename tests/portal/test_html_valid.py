"""Every public page type, in both languages and both modes (standard and care), passes
the Nu HTML Checker with no error.

The checker is vnu.jar from the npm registry (`make test` fetches it into var/vnu,
see tests/get-test-tools.sh; `VNU_JAR` names another), run offline with Java.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile

from office.models import GuideForm
from tests.factories import make_article, make_guide, make_photo, make_report
from tests.pdfs import form_pdf

VNU = Path(
    os.environ.get("VNU_JAR")
    or settings.BASE_DIR / "var/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
)
NO_CHECKER = shutil.which("java") is None or not VNU.is_file()
pytestmark = pytest.mark.skipif(
    NO_CHECKER, reason=f"needs Java and the Nu HTML Checker at {VNU} (make test fetches both)"
)

PAGES = [
    "",
    "cities/",
    "cities/?continent=asia&relationship=sister",
    "cities/karachi/",
    "news/",
    "news/?page=1&category=sister-cities",
    "news/shenyang-and-karachi-become-sister-cities/",
    "search/?q=卡拉奇",
    "search/?q=Karachi",
    "search/?q=",
    "news/no-such-article/",
    # Language editions: not yet translated; published in the original only.
    "news/chinese-only/",
    "news/original-only/",
    "office/",
    "office/contact/",
    "office/accessibility/",
    "office/guides/",
    "office/guides/official-passports/",
    "office/reports/2024/",
    "sitemap/",
    "search/?q=passports",
    "report-a-problem/?page=/en/news/",
    "report-a-problem/thanks/",
]


def checker_errors(folder):
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--errors-only", str(folder)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    return [
        f"{Path(message['url']).name}:{message.get('lastLine')}: {message['message']}"
        for message in report["messages"]
        if message["type"] == "error"
    ]


def test_every_public_page_type_is_valid_html(client, demo, tmp_path):
    from cities.models import City

    make_photo(City.objects.get(slug="karachi"))  # the gallery's markup too
    for slug, original_only in (("chinese-only", False), ("original-only", True)):
        make_article(
            slug=slug,
            title_zh_hans="卡拉奇代表团访问沈阳",
            title_en="",
            body_en="",
            original_language="zh-hans",
            original_only=original_only,
        )
    guide = make_guide(slug="official-passports", title_en="Passports", materials_en="A\nB")
    GuideForm.objects.create(
        guide=guide, title_en="Form", file=ContentFile(form_pdf(), name="f" * 32 + ".pdf")
    )
    make_report(2024, rows=[("Visits", "访问量", "1")])
    pages = tmp_path / "pages"
    pages.mkdir()
    for mode in ("standard", "care"):
        client.cookies["care_mode"] = "1" if mode == "care" else ""
        for language in ("zh-hans", "en"):
            for number, path in enumerate(PAGES):
                response = client.get(f"/{language}/{path}")
                assert response.status_code in (200, 404), path
                name = f"{mode}-{language}-{number:02d}.html"
                (pages / name).write_bytes(response.content)
    assert checker_errors(pages) == []


def test_the_checker_sees_an_error(demo, tmp_path):
    """The check can fail: an empty form action, as the list pages once had. (It takes
    the demo like every test of this module, which loads it once.)"""
    page = '<!doctype html><html lang="en"><head><title>x</title></head>'
    (tmp_path / "bad.html").write_text(page + '<body><form action=""></form></body></html>')
    assert any("action" in error for error in checker_errors(tmp_path))
