"""The back office in the benchmark: its table beside the goals, and its staff signed in
as the back office requires (the second step done), against a real server."""

import json
from datetime import UTC, datetime

import pytest
from django.db import connection

from portal.operations.bench import back_office, back_office_data, report, results, site
from portal.operations.bench.back_office import BackOfficeResult, Timing
from portal.operations.bench.server import gunicorn
from tests.factories import make_article
from tests.servers import database_url


def office_size():
    queue = BackOfficeResult("translation queue", "/admin/translations/", "translator", 300)
    queue.rounds = [Timing(90.0, 140.0), Timing(100.0, 180.0)]
    search = BackOfficeResult("article changelist, search", "/admin/news/article/?q=K",
                              "publisher", 300)  # fmt: skip
    search.rounds = [Timing(250.0, 420.0)]
    csv = BackOfficeResult("completeness matrix CSV", "/m?format=csv", "publisher", 300,
                           back_office.STREAMED)  # fmt: skip
    csv.rounds = [Timing(9000.0, 12000.0, 30.0, 60.0)]
    csv.note = "105,221 rows, 12.2 MB"
    xliff = BackOfficeResult("XLIFF export", "/x", "translator", 5000, note="1,000 units")
    xliff.rounds = [Timing(500.0, 700.0)]
    return results.SizeResult(
        articles=100_000,
        cities=200,
        exchanges=5_000,
        pages=[],
        floor=[],
        back_office=[queue, search, csv, xliff],
    )


def test_the_back_office_table_sets_each_page_beside_its_goal(tmp_path):
    run = results.Report(
        generated=datetime(2026, 12, 7, 9, 0, tzinfo=UTC),
        machine={"cores": "2"},
        method={},
        sizes=[office_size()],
    )
    path = tmp_path / "performance.md"
    report.write(run, path)
    text = path.read_text(encoding="utf-8")
    assert "#### Back office, signed in, at 100,000 articles" in text
    assert "| translation queue | translator | 95 | 180 | – | p95 < 300 ms | met |" in text
    assert (
        "| article changelist, search | publisher | 250 | 420 | – | p95 < 300 ms | **not met** |"
        in text
    )
    # Streamed: the goal is its first byte's; its whole length grows with the records.
    assert (
        "| completeness matrix CSV | publisher | 9000 | 12000 | 30 / 60 "
        "| first byte p95 < 300 ms | met | 105,221 rows, 12.2 MB |" in text
    )
    assert (
        "| XLIFF export | translator | 500 | 700 | – | p95 < 5,000 ms | met | 1,000 units |" in text
    )
    summary = (
        "- back office at 100,000 articles: 3 of 4 goals met "
        "(slowest page: article changelist, search, p95 420 ms)"
    )
    assert text.count(summary) == 2, "in the summary and under the table"
    assert "bakerydemo" not in text.split("## Machine")[0], "no public pages: no comparison"
    data = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    office = data["sizes"][0]["back_office"]
    assert [(row["label"], row["met"]) for row in office][:2] == [
        ("translation queue", True),
        ("article changelist, search", False),
    ]
    assert office[2]["judged_p95"] == 60.0


@pytest.mark.django_db(transaction=True)
def test_the_benchmark_signs_in_its_translator_and_publisher_and_reaches_every_page():
    """With a few records, on a real server of this test database: every page answers
    as itself (a sign-in page or the second step would be refused)."""
    if connection.vendor != "postgresql":
        pytest.skip("the server shares the test database: PostgreSQL (DATABASE_URL=…)")
    for n in (0, 1, 200):  # bench-200: the first the benchmark makes stale
        make_article(slug=f"bench-{n}", title_zh_hans=f"沈阳{n}", title_en=f"Shenyang {n}")
    stale, proposed = back_office_data.prepare(articles=401)
    assert (stale, proposed) == (1, 1)
    site.collect_static()  # the server runs with DEBUG off, as the benchmark's
    environment = {**site.server_environment(cached=False), "DATABASE_URL": database_url()}
    with gunicorn(1, **environment) as base:
        found = back_office.measure(base, 1, environment["SECRET_KEY"])
    assert {result.label for result in found} >= {"translation queue", "completeness matrix CSV"}
    notes = {result.label: result.note for result in found}
    assert notes["XLIFF export of the English queue"] == "2 units"  # its title and body
    assert all(result.rounds[0].p95 > 0 for result in found)
