"""`manage.py benchsearch` (`make bench-search`) times searches that render, and
runs on a fresh clone, where the SQLite file's folder does not exist yet."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from portal.operations.bench.search import rendered_get
from tests.factories import make_article

ROOT = Path(__file__).resolve().parents[2]


def table(output):
    """{query: [results, median, p95]} from the command's table."""
    lines = output.splitlines()
    header = next(n for n, line in enumerate(lines) if line.startswith("query"))
    return {line[:24].strip(): line[24:].split() for line in lines[header + 1 :]}


@pytest.fixture
def page_cache_on(settings):
    """As in production: anonymous pages are served from the cache."""
    settings.PAGE_CACHE_SECONDS = 3600
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def test_the_page_cache_would_answer_a_repeated_search(db, page_cache_on):
    """The guard can fail: with the cache on, a search goes through the page cache."""
    make_article(title_zh_hans="沈阳项目")
    with pytest.raises(CommandError, match="page cache"):
        rendered_get(Client(HTTP_HOST="localhost"), "/zh-hans/search/", {"q": "沈阳"})


def test_benchsearch_times_rendered_pages_with_the_cache_switched_off(db, page_cache_on):
    for n in range(3):
        make_article(slug=f"report-{n}", title_zh_hans=f"沈阳合作项目{n}", title_en=f"Shenyang {n}")
    out = io.StringIO()
    call_command("benchsearch", runs=2, stdout=out)
    assert "page cache and fragments off" in out.getvalue().splitlines()[0]
    rows = table(out.getvalue())
    assert rows["沈阳"][0] == "3" and rows["目"][0] == "3" and rows["Shenyang"][0] == "3"
    assert rows["罕见词"][0] == "0"
    assert all(len(values) == 3 for values in rows.values())  # count, median, p95
    from django.conf import settings

    assert settings.PAGE_CACHE_SECONDS == 3600  # switched off for the timing only
    assert settings.FRAGMENT_CACHE_SECONDS == 3600


def test_benchsearch_creates_the_sqlite_files_folder_on_a_fresh_clone(tmp_path):
    database = tmp_path / "var" / "bench.sqlite3"
    assert not database.parent.exists()
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "PAGE_CACHE_SECONDS": "3600",
    }
    command = ["benchsearch", "--articles", "40", "--cities", "3", "--exchanges", "3"]
    result = subprocess.run(
        [sys.executable, "manage.py", *command, "--runs", "1"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert database.exists()
    assert "sqlite: 40 articles, page cache and fragments off" in result.stdout
    counts = {query: values[0] for query, values in table(result.stdout).items()}
    assert counts["沈阳"] == "40" and counts["目"] == "40" and counts["41421"] == "0"


def test_search_timing_renders_every_page_and_keeps_no_part(db, page_cache_on, settings):
    """Kept parts are off while timing too: a kept page would run the search but not
    render it, and its time would not be the page's."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    from portal.operations.bench.search import time_queries

    cache = caches["default"]
    if not isinstance(cache, LocMemCache):
        pytest.skip("reads what the process's memory cache holds")
    settings.FRAGMENT_CACHE_SECONDS = 3600
    make_article(title_zh_hans="沈阳合作项目")
    list(time_queries([("zh-hans", "沈阳")], runs=2))
    kept = [key for key in cache._cache if ":page:" in key or ":template.cache." in key]
    assert kept == []
