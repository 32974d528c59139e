from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from portal.demo.loader import load_demo
from portal.editorial import memory, summaries
from portal.editorial.memory_models import MemoryEntry


class Command(BaseCommand):
    help = (
        "Load the demo content (Shenyang, Karachi, their exchanges, the signing report and "
        "the office's own pages) "
        "in Chinese and English. Existing records are left untouched, so running it again "
        "changes nothing."
    )

    def handle(self, *args, **options):
        try:
            loader = load_demo()
        except ValidationError as error:
            raise CommandError(f"The demo content does not fit the database: {error}") from error
        for record in loader.created:
            self.stdout.write(f"  created {record._meta.verbose_name}: {record}")
        # The demo's approved translations in the translation memory, once.
        if not MemoryEntry.objects.filter(content_type__isnull=False).exists():
            pairs = memory.rebuild()
            self.stdout.write(f"  translation memory: {pairs} pairs from approved records")
            # What waits for translation, counted again against the memory just made.
            summaries.refresh_counts()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: {len(loader.created)} created, {len(loader.kept)} already present."
            )
        )
