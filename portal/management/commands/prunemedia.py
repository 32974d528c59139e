"""List picture files no record refers to; remove them with --delete.

Files become orphans when a save fails after its files were written, or
when storage is restored from an older copy. A dry run is the default, and
files younger than an hour are left alone: they may belong to an upload
whose record is being saved at this moment.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.pictures.models import referenced_files
from portal.pictures.storage import (
    ORIGINALS_DIR,
    RENDITIONS_DIR,
    originals,
    renditions_storage,
    walk,
)


def orphans(min_age=timedelta(hours=1)):
    """`(storage, name)` for every picture file no record refers to."""
    originals_in_use, renditions_in_use = referenced_files()
    renditions = renditions_storage()
    for storage, directory, in_use in (
        (originals, ORIGINALS_DIR, originals_in_use),
        (renditions, RENDITIONS_DIR, renditions_in_use),
    ):
        for name in walk(storage, directory):
            if name not in in_use and _older_than(storage, name, min_age):
                yield storage, name


def _older_than(storage, name, age):
    try:
        return storage.get_modified_time(name) < timezone.now() - age
    except NotImplementedError:  # a backend that keeps no times: age unknown
        return True


class Command(BaseCommand):
    help = "List picture files that no record refers to; --delete removes them."

    def add_arguments(self, parser):
        parser.add_argument(
            "--delete", action="store_true", help="Remove the files (default: only list them)."
        )
        parser.add_argument(
            "--min-age",
            type=int,
            default=60,
            metavar="MINUTES",
            help="Leave files younger than this alone (default 60).",
        )

    def handle(self, *args, delete=False, min_age=60, **options):
        found = list(orphans(timedelta(minutes=min_age)))
        for storage, name in found:
            if delete:
                storage.delete(name)
            self.stdout.write(name)
        verb = "Removed" if delete else "Found"
        summary = f"{verb} {len(found)} orphaned file(s)."
        if found and not delete:
            summary += " Run again with --delete to remove them."
        self.stdout.write(self.style.SUCCESS(summary))
