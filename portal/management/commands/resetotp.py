from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from portal.twofactor.devices import remove_devices


class Command(BaseCommand):
    help = (
        "Remove a member of staff's two-factor sign-in (authenticator app and backup codes), "
        "say after a lost phone. Publishers and superusers set up a new app at their next "
        "sign-in; sessions it confirmed must pass that step again."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User._default_manager.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"No user named {username!r}.") from None
        removed = remove_devices(user)
        if removed:
            message = f"Two-factor sign-in of '{username}' reset: {removed} device(s) removed."
            self.stdout.write(self.style.SUCCESS(message))
        else:
            self.stdout.write(f"'{username}' had no two-factor sign-in; nothing changed.")
