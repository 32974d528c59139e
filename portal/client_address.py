"""The address a request came from, as the sign-in lockout counts it (django-axes's
`AXES_CLIENT_IP_CALLABLE`).

Behind a proxy every request comes from the proxy: its address is `REMOTE_ADDR`
(gunicorn sets it to the peer's, whatever X-Forwarded-For says), and the client's is the one the
proxy appended to `X-Forwarded-For`. That header is believed only from a peer in
`FORWARDED_ALLOW_IPS`, the list gunicorn trusts with forwarded headers, read from
the same variable; from any other peer it is ignored, since anyone can send it.

The header is read from the right: each proxy appends the address it saw, so the
left-most entries are whatever the client wrote. Entries that are themselves
trusted proxies (a chain of them) are passed over; the first one that is not is the
client. `*` trusts every peer but names no proxy to pass over: with `*` alone, the
right-most entry is the client. A connection on a Unix socket has no address and is
trusted, as gunicorn trusts it.
"""

import functools
import ipaddress

from django.conf import settings


def client_address(request):
    """The client's IP address as a string (the peer's when nothing better is known)."""
    peer = request.META.get("REMOTE_ADDR", "")
    anyone, proxies = trusted(tuple(settings.FORWARDED_ALLOW_IPS))
    if peer and not anyone and not is_one_of(address_or_none(peer), proxies):
        return peer
    client = peer
    for entry in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        address = address_or_none(entry.strip())
        if address is None:
            break  # not an address: nothing to its left can be believed either
        client = str(address)
        if not is_one_of(address, proxies):
            break
    return client


@functools.cache
def trusted(allowed):
    """`(whether every peer is trusted, the trusted networks)` for a list of settings."""
    return "*" in allowed, tuple(ipaddress.ip_network(entry) for entry in allowed if entry != "*")


def address_or_none(text):
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def is_one_of(address, networks):
    return address is not None and any(address in network for network in networks)
