"""A load run: many clients asking mixed public pages for a minute; counts 5xx.

`make load` runs it on the benchmark database (fill it with `make bench` or
`makebenchdata` first); it needs wrk.
"""

import shutil

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.operations.bench import site
from portal.operations.bench.server import gunicorn


class Command(BaseCommand):
    help = "Mixed public pages from many clients for a while; prints throughput and errors."

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=60)
        parser.add_argument("--connections", type=int, default=50)
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, *args, seconds, connections, workers, **options):
        if not shutil.which("wrk"):
            raise CommandError("wrk is needed: apt-get install wrk")
        from news.models import Article

        if not Article.objects.published().exists():
            raise CommandError("No published articles: fill the database first (makebenchdata).")
        site.collect_static()
        pages = [path for _label, path in site.public_pages()]
        database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        articles = Article.objects.count()
        failed = False
        for cached in (True, False):
            with gunicorn(workers=workers, **site.server_environment(cached)) as base:
                figures = site.load_run(base, pages, seconds, connections)
            failed |= figures["5xx"] > 0 or figures["socket errors"] > 0
            self.stdout.write(
                f"Load run, page cache {'on' if cached else 'off'}: {seconds} s, "
                f"{connections} clients, {len(pages)} pages in turn, {articles:,} articles, "
                f"{database}, gunicorn {workers} sync workers\n"
                f"  {figures['requests']:,} requests, {figures['rps']:,.0f}/s; "
                f"5xx: {figures['5xx']}, 4xx: {figures['4xx']}, "
                f"socket errors: {figures['socket errors']}; latency p50 "
                f"{figures['p50 ms']:.0f} ms, p95 {figures['p95 ms']:.0f} ms, "
                f"p99 {figures['p99 ms']:.0f} ms"
            )
        if failed:
            raise CommandError("Some requests failed.")
