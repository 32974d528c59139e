from django.core.management.base import BaseCommand

from portal.search.index import rebuild


class Command(BaseCommand):
    help = "Recreate the search index of every article and city, in both languages."

    def handle(self, *args, **options):
        written = rebuild()
        self.stdout.write(self.style.SUCCESS(f"Search index rebuilt: {written} entries."))
