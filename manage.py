#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
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
