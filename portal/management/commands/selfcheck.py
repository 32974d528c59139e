"""`manage.py selfcheck`: the inspection indicators, one line each and the failing
pages under it; exit status 1 when an indicator fails (for a daily timer)."""

from django.core.management.base import BaseCommand, CommandError

from portal import selfcheck


class Command(BaseCommand):
    help = "Check the site against the government-website inspection indicators."

    def add_arguments(self, parser):
        parser.add_argument(
            "--network",
            action="store_true",
            help="Also follow links to other sites (off by default: no network needed).",
        )
        parser.add_argument(
            "--only",
            action="append",
            choices=[key for key, _check in selfcheck.indicators()],
            help="Run only this indicator (may be given more than once).",
        )

    def handle(self, *args, network=False, only=None, **options):
        results = selfcheck.run(network=network, only=only)
        for result in results:
            self._print(result)
        failed = [result for result in results if not result.met]
        summary = f"{len(results) - len(failed)} of {len(results)} indicators met."
        if failed:
            raise CommandError(summary, returncode=1)
        self.stdout.write(self.style.SUCCESS(summary))

    def _print(self, result):
        mark = "ok  " if result.met else "FAIL"
        line = f"{mark} {result.name}: {result.threshold}"
        if not result.met:
            line += f" ({result.count} failing)"
        self.stdout.write(line)
        if result.note:
            self.stdout.write(f"       {result.note}")
        for failure in result.failures:
            where = " ".join(url for url in (failure.public_url, failure.admin_url) if url)
            self.stdout.write(f"     - {failure.label}: {failure.detail} {where}".rstrip())
        if result.more:
            self.stdout.write(f"     … and {result.more} more")
