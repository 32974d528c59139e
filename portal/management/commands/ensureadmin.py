import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create a superuser with a freshly generated password if the username is free, and "
        "print how to sign in. An existing account is never changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/")

    def handle(self, *args, username, url, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Staff login '{username}' already exists; its password is unchanged.\n"
                "Forgot it? Run: export SECRET_KEY=$(cat var/secret_key) DEBUG=1 && "
                f".venv/bin/python manage.py changepassword {username}"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS("Staff login created. It is shown only once; keep it safe.")
            + f"\n  Sign in at: {url}\n  Username:   {username}\n  Password:   {password}"
            + "\n  At the first sign-in, set up an authenticator app (two-factor sign-in)."
        )
