"""Between the password and the second step.

A right password does not sign a person in who owes a second step: the session
only remembers, for a while, whose password it was (`begin`). They are signed
in, with Django's `login` and django-otp's, once a code is right (`finish`):
only then does django-axes clear the count of wrong attempts, so a person who
knows the password cannot guess codes without end by typing it again.
"""

import time

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_credentials, get_lockout_response
from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model
from django.contrib.auth import login as auth_login
from django.contrib.auth.signals import user_login_failed
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django_otp import login as otp_login

from portal.editorial.rules import must_use_two_factor
from portal.twofactor import devices

PENDING = "two_factor_pending"
# Long enough to install an authenticator app when one must be set up.
PENDING_SECONDS = 15 * 60


def owed_step(user):
    """What a member of staff must do before the back office: "verify" (enter a code),
    "setup" (set up an app), or None."""
    if devices.has_device(user):
        return "verify"
    if must_use_two_factor(user):
        return "setup"
    return None


def begin(request, user, next_url):
    """Remember that `user` gave the right password; they are not signed in yet."""
    request.session[PENDING] = {
        "user": user.pk,
        "backend": user.backend,
        "hash": user.get_session_auth_hash(),
        "next": next_url,
        "since": time.time(),
    }


def _pending_user(request):
    pending = request.session.get(PENDING)
    if pending is None:
        return None
    user = (
        get_user_model()
        ._default_manager.filter(pk=pending["user"], is_active=True, is_staff=True)
        .first()
    )
    if (
        user is None
        or time.time() - pending["since"] > PENDING_SECONDS
        # A password changed meanwhile ends it, as it ends a session.
        or not constant_time_compare(user.get_session_auth_hash(), pending["hash"])
    ):
        del request.session[PENDING]
        return None
    return user


def signing_in(request):
    """Whom the second-step pages are for: the person whose password was right a moment
    ago, else a signed-in member of staff whom no device has confirmed yet."""
    user = _pending_user(request)
    if user is None and request.user.is_authenticated and request.user.is_staff:
        user = None if request.user.is_verified() else request.user
    return user


def finish(request, user, device):
    """Sign `user` in, confirmed by `device`; returns where they were going."""
    pending = request.session.pop(PENDING, None) or {}
    backend = pending.get("backend") or request.session[BACKEND_SESSION_KEY]
    auth_login(request, user, backend=backend)
    # A new session key for the session's new trust (login changes it only for a new user).
    request.session.cycle_key()
    otp_login(request, device)
    return pending.get("next") or reverse("admin:index")


def locked_out(request, user):
    """True while django-axes holds this user name from this address."""
    return not AxesProxyHandler.is_allowed(request, get_credentials(user.get_username()))


def count_failure(request, user):
    """Count a wrong code as django-axes counts a wrong password; True once that locks."""
    credentials = get_credentials(user.get_username())
    user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    return bool(getattr(request, "axes_locked_out", False))


def lockout(request, user):
    """django-axes' page for a lock (admin/locked_out.html); the sign-in starts over."""
    request.session.pop(PENDING, None)
    return get_lockout_response(request, None, get_credentials(user.get_username()))
