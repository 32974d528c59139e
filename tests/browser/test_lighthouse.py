"""Lighthouse's accessibility score is 1.0 on the home page, an office page and a
service guide, in both languages and both modes (care mode by its cookie).

Lighthouse comes from the npm registry (`make test` fetches it into var/lighthouse,
see tests/get-test-tools.sh; `LIGHTHOUSE_DIR` names another install) and runs on
Node with the same Chromium as the other browser tests (`tests/lighthouse.mjs`:
one Chromium, headless, for every page).
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from portal import care
from portal.demo.loader import load_demo
from tests.browser.conftest import CHROMIUM
from tests.factories import make_guide

LIGHTHOUSE = Path(os.environ.get("LIGHTHOUSE_DIR") or settings.BASE_DIR / "var/lighthouse")
RUNNER = Path(__file__).resolve().parents[1] / "lighthouse.mjs"
INSTALLED = (LIGHTHOUSE / "node_modules/lighthouse/core/index.js").is_file()
pytestmark = pytest.mark.skipif(
    shutil.which("node") is None or not INSTALLED,
    reason=f"needs Node and Lighthouse in {LIGHTHOUSE} (make test fetches it with npm)",
)

PAGES = ["", "office/", "office/guides/official-passports/"]


def audits(pages):
    result = subprocess.run(
        ["node", str(RUNNER), str(LIGHTHOUSE)],
        input=json.dumps(pages),
        capture_output=True,
        text=True,
        check=False,
        timeout=1200,
        env={**os.environ, "CHROME_PATH": shutil.which(CHROMIUM) or CHROMIUM},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout)


def test_lighthouse_accessibility_is_clean_in_both_languages_and_modes(
    live_server, transactional_db
):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("run once, in the SQLite run (what it audits is the same on every database)")
    load_demo()
    make_guide(
        slug="official-passports",
        title_en="Passports for official visits",
        title_zh_hans="因公护照申办指南",
        summary_en="How staff apply for passports for official visits.",
        summary_zh_hans="因公出国人员如何申办因公护照。",
        materials_en="Application form\nApproval of the visit",
        materials_zh_hans="申请表\n出访批件",
    )
    pages = [
        {
            "url": f"{live_server.url}/{language}/{path}",
            "cookies": [{"name": care.COOKIE, "value": care.ON}] if mode == "care" else [],
        }
        for language in ("zh-hans", "en")
        for path in PAGES
        for mode in ("standard", "care")
    ]
    results = audits(pages)
    assert len(results) == len(pages)
    for page, result in zip(pages, results, strict=True):
        # The page Lighthouse audited was in the mode asked for.
        assert ("care" in result["htmlClass"].split()) == bool(page["cookies"]), result
        assert result["score"] == 1, (result["url"], page["cookies"], result["failing"])
