from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.operations.proxy import purge_everything


class Command(BaseCommand):
    help = (
        "Ban every page of the site in the HTTP cache in front (PURGE_URL), as every "
        "publish does: e.g. after a change made behind the site's back."
    )

    def handle(self, *args, **options):
        banned = purge_everything(repeat=False)
        if banned is None:
            raise CommandError("PURGE_URL is not set: there is no proxy to purge.")
        if not banned:
            raise CommandError(f"The proxy at {settings.PURGE_URL} did not take the ban.")
        self.stdout.write(f"Every page banned in the proxy at {settings.PURGE_URL}.")
