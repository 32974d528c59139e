from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.operations.bench.dataset import make_articles, make_cities
from portal.search.backends import optimize


class Command(BaseCommand):
    help = (
        "Fill the database with a large bilingual dataset for benchmarks (bench-* slugs). "
        "Use a database of its own: DATABASE_URL=sqlite:///var/bench.sqlite3."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=100_000)
        parser.add_argument("--cities", type=int, default=200)
        parser.add_argument("--exchanges", type=int, default=5_000)

    def handle(self, *args, articles, cities, exchanges, **options):
        name = str(settings.DATABASES["default"]["NAME"])
        if "bench" not in name:
            raise CommandError(f"Refusing to fill {name!r}: use a database whose name has 'bench'.")
        from cities.models import City

        if not City.objects.filter(slug__startswith="bench-city-").exists():
            make_cities(cities, exchanges)
            self.stdout.write(f"{cities} cities and {exchanges} exchanges.")
        make_articles(
            articles, progress=lambda n: self.stdout.write(f"  {n} articles", ending="\r")
        )
        optimize()
        self.stdout.write(f"\n{articles} articles, with search entries in both languages.")
