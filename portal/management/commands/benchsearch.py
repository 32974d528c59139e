import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client

from news.models import Article
from portal.search.query import search_articles

QUERIES = [
    ("zh-hans", "沈阳"),  # two characters, in every article
    ("zh-hans", "卡拉奇"),  # three characters, one place in twenty
    ("zh-hans", "伊尔库茨克"),  # five characters
    ("zh-hans", "港口物流"),  # a topic
    ("zh-hans", "沈阳 港口物流"),  # two terms
    ("zh-hans", "罕见词"),  # nothing
    ("en", "Shenyang"),
    ("en", "Karachi"),
    ("en", "logist"),  # a prefix
    ("en", "Karachi logistics"),
    ("en", "nothingatall"),
]


class Command(BaseCommand):
    help = "Time the search page over the current database: median and p95 per query."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20)

    def handle(self, *args, runs, **options):
        client = Client(HTTP_HOST="localhost")
        articles = Article.objects.count()
        self.stdout.write(f"{connection.vendor}: {articles:,} articles, {runs} runs per query")
        self.stdout.write(f"{'query':<24}{'results':>9}{'median ms':>11}{'p95 ms':>9}")
        for language, query in QUERIES:
            path = f"/{language}/search/"
            client.get(path, {"q": query})  # warm up
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                client.get(path, {"q": query})
                times.append((time.perf_counter() - started) * 1000)
            times.sort()
            p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
            count = search_articles(query, language).count()
            self.stdout.write(f"{query:<24}{count:>9,}{statistics.median(times):>11.1f}{p95:>9.1f}")
