"""The site benchmark: every public page at 1,000, 10,000 and 100,000 articles.

`make bench` runs it on its own database (var/bench.sqlite3, or PostgreSQL
with BENCH_DATABASE_URL); it needs wrk (`apt-get install wrk`).
"""

import shutil
import statistics

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.operations.bench import site
from portal.operations.bench.dataset import make_articles, make_cities
from portal.operations.bench.server import gunicorn
from portal.search.backends import optimize

FLOOR = "/bench/floor/"


class Command(BaseCommand):
    help = "Queries, latency and requests per second of every public page, as data grows."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="1000,10000,100000")
        parser.add_argument("--seconds", type=int, default=5, help="wrk run per page and mode")
        parser.add_argument("--connections", type=int, default=16)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--cities", type=int, default=200)
        parser.add_argument("--exchanges", type=int, default=5_000)

    def handle(self, *args, sizes, seconds, connections, workers, cities, exchanges, **options):
        name = str(settings.DATABASES["default"]["NAME"])
        if "bench" not in name:
            raise CommandError(f"Refusing to fill {name!r}: use a database whose name has 'bench'.")
        if not shutil.which("wrk"):
            raise CommandError("wrk is needed: apt-get install wrk")
        site.collect_static()
        from cities.models import City

        if not City.objects.filter(slug__startswith="bench-city-").exists():
            make_cities(cities, exchanges)
        self.stdout.write(
            f"gunicorn, {workers} sync workers; wrk, {connections} connections, {seconds} s "
            f"per page; latency from one client, request after request. Database: "
            f"{settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}; cache: "
            f"{settings.CACHES['default']['BACKEND'].rsplit('.', 1)[-1]}.\n"
        )
        for size in [int(size) for size in sizes.split(",")]:
            make_articles(size)
            optimize()
            self.report(size, cities, exchanges, seconds, connections, workers)

    def report(self, size, cities, exchanges, seconds, connections, workers):
        pages = site.public_pages()
        queries = {path: site.count_queries(path) for _label, path in pages}
        results = {}
        for cached in (False, True):
            with gunicorn(workers=workers, **site.server_environment(cached)) as base:
                for _label, path in pages:
                    site.latencies(base, path, seconds=0.3, at_least=4)  # warm every worker
                for _label, path in [*pages, ("floor", FLOOR)]:
                    results[path, cached] = site.measure(base, path, seconds, connections)
        floor = statistics.mean([results[FLOOR, False].rps, results[FLOOR, True].rps])
        self.stdout.write(
            f"\n### {size:,} articles, {cities} cities, {exchanges:,} exchanges\n\n"
            "| page | queries | uncached median / p95 ms | uncached req/s "
            "| cached median / p95 ms | cached req/s | cached / floor |\n"
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
        )
        for label, path in pages:
            plain, cached = results[path, False], results[path, True]
            self.stdout.write(
                f"| {label} | {queries[path]} | {plain.median:.1f} / {plain.p95:.1f} "
                f"| {plain.rps:,.0f} | {cached.median:.1f} / {cached.p95:.1f} "
                f"| {cached.rps:,.0f} | {cached.rps / floor:.0%} |"
            )
        bare = results[FLOOR, False]
        self.stdout.write(
            f"| bare Django view (floor) | 0 | {bare.median:.1f} / {bare.p95:.1f} "
            f"| {bare.rps:,.0f} | | | |"
        )
