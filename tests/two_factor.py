"""Two-factor sign-in in tests: a confirmed authenticator app and its current code,
computed from the device's key as the person's phone would (RFC 6238)."""

import time
from base64 import b32decode

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.editorial.rules import must_use_two_factor


def give_app(user):
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def code_for(device):
    """The app's code for the earliest time step the device still accepts: now, or the
    next one when a code of this step was used already (django-otp refuses a replay)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.t() <= device.last_t:
        totp.time += (device.last_t + 1 - totp.t()) * device.step
    return f"{totp.token():0{device.digits}d}"


def code_from_secret(secret, step=30):
    """A code from the key as the setup page shows it (base32), as a phone computes it."""
    totp = TOTP(b32decode(secret.replace(" ", "")), step)
    return f"{totp.token():06d}"


def sign_in_fully(client, user):
    """`client.force_login(user)`, and for those who must use two-factor sign-in, a session
    that their app has confirmed, as after both steps."""
    client.force_login(user)
    if must_use_two_factor(user):
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = give_app(user).persistent_id
        session.save()
    return user
