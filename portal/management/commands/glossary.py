"""`manage.py glossary export FILE` and `manage.py glossary import --user NAME FILE`:
the official names to and from a CAT tool's term base, as TBX or CSV (the
format from the extension, `.tbx` or `.csv`; `portal.editorial.glossary_files`).

An import is made as a named, active account that may add and change official
names (a publisher), as the admin's import button is; it is all or nothing:
when any entry has a problem, nothing is saved, the problems are listed and the
command exits non-zero."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from portal.editorial import glossary_entries, glossary_files
from portal.editorial.glossary_views import can_exchange
from portal.management.commands.xliff import Command as XliffCommand


class Command(BaseCommand):
    help = "Export the official names as TBX or CSV, or import such a file (all or nothing)."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        out = actions.add_parser("export", help="Write the glossary (FILE.tbx or FILE.csv).")
        out.add_argument("file")
        back = actions.add_parser("import", help="Add and change names from FILE.tbx or FILE.csv.")
        back.add_argument(
            "--user",
            required=True,
            help="The account (username) the import is made as: active, and allowed to add "
            "and change official names; versions name it.",
        )
        back.add_argument("file")

    def handle(self, *args, action, **options):
        with translation.override("en"):
            path = Path(options["file"])
            try:
                extension = glossary_files.file_format(path.name)
            except glossary_files.UnreadableGlossary as error:
                raise CommandError(str(error)) from error
            if action == "export":
                self.export(path, extension)
            else:
                self.import_(path, options["user"])

    def export(self, path, extension):
        data, _content_type = glossary_files.export(extension)
        try:
            path.write_bytes(data)
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error}") from error
        count = glossary_entries.Term.objects.count()
        self.stdout.write(self.style.SUCCESS(f"{count} official names written to {path}."))

    def import_(self, path, username):
        user = XliffCommand().staff_member(username)
        if not can_exchange(user):
            raise CommandError(f"--user: {username!r} may not add and change official names.")
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        try:
            plan = glossary_entries.check(glossary_files.read(data, path.name))
        except glossary_files.UnreadableGlossary as error:
            raise CommandError(str(error)) from error
        for problem in plan.problems:
            self.stdout.write(problem)
        if plan.problems:
            raise CommandError(
                f"{len(plan.problems)} problems, listed above: nothing was imported."
            )
        glossary_entries.apply(plan, user, path.name)
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(plan.added)} names added, {len(plan.changed)} changed, "
                f"{plan.unchanged} unchanged."
            )
        )
