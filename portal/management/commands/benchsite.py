"""The site benchmark: every public page at 1,000, 10,000 and 100,000 articles.

`make bench` runs it on its own database (var/bench.sqlite3, or PostgreSQL
with BENCH_DATABASE_URL); it needs wrk (`apt-get install wrk`). It prints each
size's table as it is measured and writes the report, docs/performance.md and
docs/performance.json (`--output`), after every size.
"""

import shutil
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from portal.operations.bench import report, site
from portal.operations.bench.dataset import make_articles, make_cities
from portal.operations.bench.server import gunicorn
from portal.search.backends import optimize

FLOOR = "/bench/floor/"


class Command(BaseCommand):
    help = "Queries, latency and requests per second of every public page, as data grows."

    def add_arguments(self, parser):
        parser.add_argument(
            "--sizes", default="1000,10000,100000", help="articles at each step, e.g. 1000"
        )
        parser.add_argument("--seconds", type=int, default=5, help="wrk run per page and mode")
        parser.add_argument("--connections", type=int, default=16)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--cities", type=int, default=200)
        parser.add_argument("--exchanges", type=int, default=5_000)
        parser.add_argument(
            "--output",
            type=Path,
            default=settings.BASE_DIR / "docs" / "performance.md",
            help="the markdown report; the JSON goes beside it",
        )

    def handle(self, *args, sizes, seconds, connections, workers, cities, exchanges, **options):
        from cities.models import City, Exchange
        from news.models import Article

        name = str(settings.DATABASES["default"]["NAME"])
        if "bench" not in name:
            raise CommandError(f"Refusing to fill {name!r}: use a database whose name has 'bench'.")
        if not shutil.which("wrk"):
            raise CommandError("wrk is needed: apt-get install wrk")
        sizes = [int(size) for size in sizes.split(",")]
        if sizes != sorted(sizes):
            raise CommandError("Sizes grow: the data is added to, never taken away.")
        present = Article.objects.filter(slug__startswith="bench-").count()
        if present > sizes[0]:
            raise CommandError(
                f"The database already holds {present:,} benchmark articles, more than "
                f"{sizes[0]:,}: start from an empty one (rm var/bench.sqlite3) or larger sizes."
            )
        site.collect_static()
        if not City.objects.filter(slug__startswith="bench-city-").exists():
            make_cities(cities, exchanges)
        results = report.Report(
            generated=timezone.now(),
            machine=report.machine_facts(connection, settings.CACHES["default"]["BACKEND"]),
            method=report.method(workers, connections, seconds),
        )
        self.stdout.write("\n".join(f"{k}: {v}" for k, v in results.machine.items()) + "\n")
        for size in sizes:
            make_articles(size)
            optimize()
            counts = {
                "articles": Article.objects.count(),
                "cities": City.objects.count(),
                "exchanges": Exchange.objects.count(),
            }
            measured = self.measure(counts, seconds, connections, workers)
            results.sizes.append(measured)
            self.stdout.write("\n" + report.size_table(measured))
            report.write(results, options["output"])
        self.stdout.write(f"Written: {options['output']} and its .json")

    def measure(self, counts, seconds, connections, workers):
        pages = site.public_pages()
        queries = {path: site.count_queries(path) for _label, path in pages}
        results = {}
        for cached in (False, True):
            with gunicorn(workers=workers, **site.server_environment(cached)) as base:
                for _label, path in pages:
                    site.latencies(base, path, seconds=0.3, at_least=4)  # warm every worker
                for _label, path in [*pages, ("floor", FLOOR)]:
                    results[path, cached] = site.measure(base, path, seconds, connections)
        return report.SizeResult(
            **counts,
            pages=[
                report.PageResult(
                    label, path, queries[path], results[path, False], results[path, True]
                )
                for label, path in pages
            ],
            floor_uncached=results[FLOOR, False],
            floor_cached=results[FLOOR, True],
        )
