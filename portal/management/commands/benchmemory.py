"""`manage.py benchmemory`: translation-memory lookup times (`make bench`,
`make bench-memory`): median and p95 per kind of query, on the database in use
(a benchmark database: its name must contain 'bench')."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from news.models import Article
from portal.operations.bench.memory import fill_if_empty, time_lookups
from portal.operations.bench.memory import queries as queries_for

# The bound for a lookup at 100,000 articles.
P95_BOUND_MS = 50


class Command(BaseCommand):
    help = (
        "Time translation-memory lookups (exact, one number changed, unseen) at the "
        "database's size, filling the memory from approved content first if it is empty."
    )

    def add_arguments(self, parser):
        parser.add_argument("--queries", type=int, default=200, help="per kind of query")

    def handle(self, *args, queries: int, **options):
        name = str(settings.DATABASES["default"]["NAME"])
        if "bench" not in name:
            raise CommandError(f"Refusing to fill {name!r}: use a database whose name has 'bench'.")
        size = fill_if_empty(progress=self.progress)
        self.stdout.write(
            f"{connection.vendor}: {Article.objects.count():,} articles, "
            f"{size:,} pairs in the memory, {queries} lookups per kind after a warm-up"
        )
        self.stdout.write(f"{'query':<22}{'lookups':>8}{'found':>7}{'median ms':>11}{'p95 ms':>8}")
        timings = time_lookups(queries_for(queries))
        for row in timings:
            self.stdout.write(
                f"{row.kind:<22}{row.lookups:>8}{row.found:>7}{row.median:>11.1f}{row.p95:>8.1f}"
            )
        overall = timings[-1].p95
        verdict = "within" if overall < P95_BOUND_MS else "OVER"
        self.stdout.write(f"p95 of all lookups {overall:.1f} ms: {verdict} {P95_BOUND_MS} ms.")

    def progress(self, model, count):
        self.stdout.write(f"filling the memory: {model._meta.label}, {count:,} pairs")
