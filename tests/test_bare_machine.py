"""On a machine without Chromium the suite still passes: browser tests are skipped
with one line saying how many and how to get Chromium."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_browser_tests_are_skipped_with_a_reason_when_chromium_is_missing():
    environment = {**os.environ, "CHROMIUM_PATH": "/nonexistent/chromium"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/browser"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:]
    summary = [line for line in result.stdout.splitlines() if "browser tests skipped" in line]
    assert len(summary) == 1
    count = int(summary[0].split()[0])
    assert count >= 20 and f"{count} skipped" in result.stdout
    assert "apt-get install chromium fonts-noto-cjk" in summary[0]


def test_an_explicit_chromium_path_is_never_installed():
    result = subprocess.run(
        ["sh", "tests/get-test-tools.sh"],
        cwd=ROOT,
        env={**os.environ, "CHROMIUM_PATH": "/nonexistent/chromium"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and result.stdout == ""
