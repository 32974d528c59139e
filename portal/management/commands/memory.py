"""`manage.py memory rebuild`, `manage.py memory export FILE.tmx` and
`manage.py memory import --user NAME FILE.tmx`: the translation memory filled
again from the approved translations, and exchanged with CAT tools as TMX
(`portal.editorial.memory`, `portal.editorial.memory_tmx`).

An import is made as a named, active publisher (or superuser), checked whole:
on any problem nothing is stored, the problems are listed and the command exits
non-zero."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from portal.editorial import memory, memory_tmx, rules, summaries


class Command(BaseCommand):
    help = "Rebuild the translation memory from approved translations, or exchange it as TMX."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        actions.add_parser("rebuild", help="Fill the memory again from every approved record.")
        out = actions.add_parser("export", help="Write the whole memory as TMX 1.4.")
        out.add_argument("file")
        back = actions.add_parser("import", help="Add the units of a TMX file (all or nothing).")
        back.add_argument(
            "--user",
            required=True,
            help="The publisher (username) the import is made as, credited as the approver "
            "(a unit's own approver is kept in its note).",
        )
        back.add_argument("file")

    def handle(self, *args, action, **options):
        with translation.override("en"):
            if action == "rebuild":
                count = memory.rebuild(progress=self.progress)
                self.stdout.write(self.style.SUCCESS(f"{count} pairs in the memory from records."))
                summaries.refresh_counts()  # what waits for translation, against it
            elif action == "export":
                self.export(Path(options["file"]))
            else:
                self.import_(Path(options["file"]), options["user"])

    def progress(self, model, count):
        self.stdout.write(f"{model._meta.label}: {count} pairs so far")

    def export(self, path):
        try:
            path.write_bytes(memory_tmx.export())
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"The memory written to {path}."))

    def import_(self, path, username):
        User = get_user_model()
        user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None or not rules.can_exchange_memory(user):
            raise CommandError(
                f"--user: {username!r} is no active publisher; name one who may import a memory."
            )
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        try:
            read, added = memory_tmx.import_file(data, user, path.name)
        except memory_tmx.TmxError as error:
            for problem in error.problems:
                self.stderr.write(problem)
            raise CommandError(
                f"{len(error.problems)} problems, listed above: nothing was imported."
            ) from error
        self.stdout.write(self.style.SUCCESS(f"{read} units read, {added} new pairs added."))
