"""The settings' LOGGING, and the filters it names."""

import logging

from portal.settings.env import env_str


class WithoutTraceback(logging.Filter):
    """Keep the record, drop its traceback: for a logger whose message says it all (a
    request for a host not in ALLOWED_HOSTS is a scanner's, not a fault to trace)."""

    def filter(self, record):
        record.exc_info = record.exc_text = record.stack_info = None
        return True


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"without_traceback": {"()": "portal.settings.logs.WithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # A request for a host not in ALLOWED_HOSTS: Django answers 400 and logs one line.
    "loggers": {"django.security.DisallowedHost": {"filters": ["without_traceback"]}},
}
