"""Read typed settings from environment variables.

Every setting that differs between a laptop and a server comes from here, so
the README's table of variables and this module are the whole story.
"""

import ipaddress
import os

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(f"{name} must be 1 or 0 (true/false), not {raw!r}.")


def env_int(name, default):
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None


def env_list(name, default=()):
    """A comma-separated list; blanks are dropped."""
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_networks(name, default=()):
    """A comma-separated list of IP addresses and networks (CIDR), or `*` for any, as
    gunicorn reads its `forwarded_allow_ips`: each entry is checked as gunicorn checks
    it, so a value one accepts the other does too."""
    networks = env_list(name, default)
    for entry in networks:
        if entry == "*":
            continue
        try:
            ipaddress.ip_network(entry)
        except ValueError:
            raise ImproperlyConfigured(
                f"{name} must list IP addresses or networks (e.g. 10.0.0.0/8) or *, not {entry!r}."
            ) from None
    return networks


def env_http_url(name, default=""):
    """An http:// or https:// address, or empty."""
    value = os.environ.get(name, default).strip()
    if value and not value.lower().startswith(("http://", "https://")):
        raise ImproperlyConfigured(f"{name} must be an http:// or https:// address, not {value!r}.")
    return value


def env_required(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be set (the portal refuses to start "
            f"without it; `make run` sets one for the local demo)."
        )
    return value
