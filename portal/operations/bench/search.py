"""Time the search page (`manage.py benchsearch`, `make bench-search`).

Every timed request renders: the page cache and the fragment cache are off
while timing (a kept page would still run the search, but not render it), and a
response from the page cache stops the benchmark rather than report a cache hit
as a search. Times are the whole page through the test client, in-process.
"""

import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.test import Client, override_settings

from portal.search.backends import COUNT_LIMIT
from portal.search.query import search_articles

# (language, query): what each stands for in the generated data
# (`portal.operations.bench.dataset`).
QUERIES = [
    ("zh-hans", "沈阳"),  # two characters, in every article
    ("zh-hans", "目"),  # one character, in every article (项目), never first in a run
    ("zh-hans", "兹"),  # one character, one place in twenty (罗兹)
    ("zh-hans", "卡拉奇"),  # three characters, one place in twenty
    ("zh-hans", "伊尔库茨克"),  # five characters
    ("zh-hans", "港口物流"),  # a topic
    ("zh-hans", "沈阳 港口物流"),  # two terms
    ("zh-hans", "41421"),  # rare: one article's number
    ("zh-hans", "罕见词"),  # nothing
    ("en", "Shenyang"),
    ("en", "Karachi"),
    ("en", "logist"),  # a prefix
    ("en", "Karachi logistics"),
    ("en", "41421"),  # rare
    ("en", "nothingatall"),
]


@dataclass
class Timing:
    query: str
    results: int
    median: float
    p95: float

    @property
    def results_label(self):
        """The count as the page shows it: capped at COUNT_LIMIT."""
        if self.results >= COUNT_LIMIT:
            return f">{COUNT_LIMIT - 1:,}"
        return f"{self.results:,}"


def ensure_database_directory():
    """Create the folder of an SQLite database file (`var/` on a fresh clone)."""
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        name = str(database["NAME"])
        if name and name != ":memory:" and not name.startswith("file:"):
            Path(name).parent.mkdir(parents=True, exist_ok=True)


def rendered_get(client, path, params):
    """GET `path`; the page must have been rendered for this request, not served
    from the page cache (which marks what it serves and stores)."""
    response = client.get(path, params)
    if response.status_code != 200:
        raise CommandError(f"{path}?q={params['q']} answered {response.status_code}")
    if response.has_header("X-Page-Cache"):
        raise CommandError(
            f"{path}?q={params['q']} went through the page cache "
            f"({response['X-Page-Cache']}): the timing would not be of search"
        )
    return response


def percentile_95(times):
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def time_query(client, language, query, runs):
    path, params = f"/{language}/search/", {"q": query}
    rendered_get(client, path, params)  # warm up: the site's small caches, the planner
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        rendered_get(client, path, params)
        times.append((time.perf_counter() - started) * 1000)
    results = search_articles(query, language)
    count = results.count() if results else 0
    return Timing(query, count, statistics.median(times), percentile_95(times))


def time_queries(queries, runs):
    """A Timing per (language, query), the page cache and fragments off throughout."""
    client = Client(HTTP_HOST="localhost")
    with override_settings(PAGE_CACHE_SECONDS=0, FRAGMENT_CACHE_SECONDS=0):
        for language, query in queries:
            yield time_query(client, language, query, runs)
