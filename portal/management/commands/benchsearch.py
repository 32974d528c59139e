from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from news.models import Article
from portal.operations.bench.search import QUERIES, ensure_database_directory, time_queries


class Command(BaseCommand):
    help = (
        "Time the search page with the page cache and fragments off: result count, median and p95 "
        "per query. With --articles, first migrate and fill the database (a database "
        "of its own, its name containing 'bench'; an SQLite file's folder is created)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20)
        parser.add_argument(
            "--articles", type=int, help="fill the database to this many articles first"
        )
        parser.add_argument("--cities", type=int, default=200, help="with --articles")
        parser.add_argument("--exchanges", type=int, default=5_000, help="with --articles")

    def handle(self, *args, runs, articles, cities, exchanges, **options):
        if articles is not None:
            ensure_database_directory()
            call_command("migrate", interactive=False, verbosity=0)
            call_command(
                "makebenchdata",
                articles=articles,
                cities=cities,
                exchanges=exchanges,
                stdout=self.stdout,
            )
        total = Article.objects.count()
        self.stdout.write(
            f"{connection.vendor}: {total:,} articles, page cache and fragments off, "
            f"{runs} timed requests per query after one warm-up"
        )
        self.stdout.write(f"{'query':<24}{'results':>9}{'median ms':>11}{'p95 ms':>9}")
        for row in time_queries(QUERIES, runs):
            self.stdout.write(
                f"{row.query:<24}{row.results_label:>9}{row.median:>11.1f}{row.p95:>9.1f}"
            )
