"""Keep visitors' problem reports no longer than REPORT_RETENTION_DAYS: an older
report loses its contact, and an older one answered or closed is deleted. Run daily."""

from django.core.management.base import BaseCommand

from portal.problems.models import ProblemReport


class Command(BaseCommand):
    help = "Erase contacts in problem reports past their retention; delete the finished ones."

    def handle(self, *args, **options):
        erased, deleted = ProblemReport.objects.prune()
        self.stdout.write(f"{erased} contacts erased, {deleted} reports deleted.")
