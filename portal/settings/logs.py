"""Logging filters the settings' LOGGING names."""

import logging


class WithoutTraceback(logging.Filter):
    """Keep the record, drop its traceback: for a logger whose message says it all (a
    request for a host not in ALLOWED_HOSTS is a scanner's, not a fault to trace)."""

    def filter(self, record):
        record.exc_info = record.exc_text = record.stack_info = None
        return True
