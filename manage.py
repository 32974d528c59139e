#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import secrets
import sys

# Commands that only read the code and write nothing a visitor meets: they never
# serve a page or sign anything, so without SECRET_KEY they get a throwaway one
# instead of refusing (a fresh clone can run `makemigrations --check` as CI does).
# Every other command, `check` included, still names the missing key.
OFFLINE_COMMANDS = {"showmigrations", "sqlmigrate", "makemessages", "compilemessages"}


def is_offline(argv):
    command = argv[1] if len(argv) > 1 else ""
    return command in OFFLINE_COMMANDS or (command == "makemigrations" and "--check" in argv)


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    if is_offline(sys.argv):
        os.environ.setdefault("SECRET_KEY", "offline-" + secrets.token_urlsafe(40))
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        # Read the settings first: Django's command runner would set a failure
        # aside and go on to fail later, as "Models aren't loaded yet".
        settings.INSTALLED_APPS  # noqa: B018
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as error:
        # A missing or malformed setting (SECRET_KEY, DEBUG…): say which, not a traceback.
        sys.exit(f"manage.py: {error}")


if __name__ == "__main__":
    main()
