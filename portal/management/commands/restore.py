from django.core.management.base import BaseCommand, CommandError

from portal.operations.backup import BackupError
from portal.operations.restore import restore_backup


class Command(BaseCommand):
    help = "Load a backup archive into an empty, migrated database (and its media)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="An archive written by `manage.py backup`.")

    def handle(self, *args, path, **options):
        try:
            manifest = restore_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        records = sum(manifest["records"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {path} (made {manifest['created']}): {records} records, "
                f"{len(manifest['files'])} media files."
            )
        )
