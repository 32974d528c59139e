"""`manage.py xliff export --language en [--model news.article] [--all] FILE` and
`manage.py xliff import --user NAME FILE`: the translation queue (or, with
`--all`, every record: a translation memory) to and from a CAT tool, as XLIFF
1.2 (`portal.editorial.xliff`, `portal.editorial.xliff_import`).

An import is made as a named, active staff account, under its permissions, as
if that person uploaded the file in the admin: versions name them, what they may
not publish waits for a publisher, and a file holding records they may not
translate is refused whole. An import is all or nothing: when any unit is refused,
nothing is saved, the refusals are listed and the command exits non-zero."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from portal.editorial.matrix import kinds
from portal.editorial.qa_gate import REASON_LENGTH
from portal.editorial.xliff import export
from portal.editorial.xliff_import import UnreadableFile, import_file, untranslatable_kinds
from portal.formatting.i18n import LANGUAGE_CODES


class Command(BaseCommand):
    help = (
        "Export what needs translating into a language as XLIFF 1.2, or import a "
        "translated XLIFF file back (stale units and unknown records are refused and listed)."
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        out = actions.add_parser("export", help="Write the records missing or stale in a language.")
        out.add_argument("--language", required=True, choices=LANGUAGE_CODES)
        out.add_argument("--model", help="Only this kind of record, e.g. news.article.")
        out.add_argument(
            "--all",
            action="store_true",
            dest="everything",
            help="Every record, complete ones included (to build a translation memory).",
        )
        out.add_argument("file")
        back = actions.add_parser("import", help="Apply a translated XLIFF file.")
        back.add_argument(
            "--user",
            required=True,
            help="The staff account (username) the import is made as: it must be active and "
            "may translate every kind of record in the file; versions name it, and what it "
            "may not publish waits as pending changes.",
        )
        back.add_argument(
            "--reason",
            default="",
            help="Why units with QA errors are imported all the same (at most "
            f"{REASON_LENGTH} characters; kept in each version saved). Only for records "
            "the account may publish; without it such a unit is refused.",
        )
        back.add_argument("file")

    def handle(self, *args, action, **options):
        # The console speaks English, like the command's help; the versions it
        # writes read "Imported from <file>".
        with translation.override("en"):
            if action == "export":
                self.export(
                    options["language"],
                    options.get("model"),
                    Path(options["file"]),
                    everything=options["everything"],
                )
            else:
                self.import_(Path(options["file"]), options["user"], options["reason"])

    def export(self, language, model, path, everything=False):
        labels = [model_._meta.label_lower for model_ in kinds()]
        if model and model.lower() not in labels:
            raise CommandError(f"Unknown model {model!r}; one of: {', '.join(labels)}.")
        data, count = export(language, model.lower() if model else None, everything=everything)
        try:
            path.write_bytes(data)
        except OSError as error:
            raise CommandError(f"Cannot write {path}: {error}") from error
        self.stdout.write(self.style.SUCCESS(f"{count} units written to {path}."))

    def import_(self, path, username, reason=""):
        user = self.staff_member(username)
        if len(reason.strip()) > REASON_LENGTH:
            raise CommandError(
                f"--reason: at most {REASON_LENGTH} characters; nothing was imported."
            )
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        try:
            forbidden = untranslatable_kinds(data, user)
            if forbidden:
                raise CommandError(
                    f"User {username!r} may not translate {', '.join(forbidden)}; nothing was "
                    "imported. Export only what they translate (--model), or import as "
                    "someone who may."
                )
            report = import_file(data, path.name, user, qa_reason=reason)
        except UnreadableFile as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)
        if report.refused:
            raise CommandError(
                f"{len(report.refused)} refusals, listed above: nothing was imported."
            )

    def staff_member(self, username):
        """The account `--user` names: it must exist, be active and be staff."""
        User = get_user_model()
        user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"--user: no user {username!r}; name a staff account.")
        if not user.is_active:
            raise CommandError(f"--user: {username!r} is inactive; name an active staff account.")
        if not user.is_staff:
            raise CommandError(f"--user: {username!r} is not staff; name a staff account.")
        return user
