from django.core.management.base import BaseCommand

from portal.operations.backup import write_backup


class Command(BaseCommand):
    help = "Write one archive of all content, versions, users, roles and media to PATH."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The archive to write, e.g. backups/portal-2026-11-27.zip")

    def handle(self, *args, path, **options):
        manifest = write_backup(path)
        records = sum(manifest["records"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {path}: {records} records of {len(manifest['records'])} models, "
                f"{len(manifest['files'])} media files."
            )
        )
