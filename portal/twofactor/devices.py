"""A person's second factors: one authenticator app (django-otp's TOTP device) and
a set of single-use backup codes (its static device)."""

from base64 import b32encode

import segno
from django.db import transaction
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_otp import device_classes, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODES = 10


def has_device(user):
    """A confirmed app or backup codes: then every sign-in asks for a code."""
    return user_has_device(user, confirmed=True)


def unconfirmed_app(user):
    """The app being set up; the same key on every visit until a code confirms it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="app", confirmed=False)


@transaction.atomic
def confirm_app(device):
    """Make `device` the person's one app; returns their new backup codes."""
    TOTPDevice.objects.filter(user=device.user_id).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_backup_codes(device.user)


@transaction.atomic
def new_backup_codes(user):
    """Replace the person's backup codes; the new ones are returned to be shown once."""
    device, _created = StaticDevice.objects.get_or_create(user=user, defaults={"name": "backup"})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def backup_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def remove_devices(user):
    """Remove all of a person's devices (confirmed or not); returns how many there were."""
    removed = 0
    for model in device_classes():
        _total, per_model = model.objects.filter(user=user).delete()
        removed += per_model.get(model._meta.label, 0)
    return removed


def verify(user, code):
    """`(device, waiting)`: the person's device that accepted `code`, or None; see `check`.
    Six digits are for the app, anything else a backup code."""
    is_app_code = code.isdigit() and len(code) == 6
    model = TOTPDevice if is_app_code else StaticDevice
    with transaction.atomic():
        device = model.objects.filter(user=user, confirmed=True).select_for_update().first()
        if device is None:
            return None, False
        accepted, waiting = check(device, code)
    return (device if accepted else None), waiting


def check(device, code):
    """`(accepted, waiting)`: whether `device` accepted `code`, using it up (a backup code
    works once, an app's code once per 30 seconds). After a wrong code a device accepts
    nothing for a few seconds, longer after each (django-otp's throttling): then
    `waiting` is true and the code was not even tried."""
    allowed, _details = device.verify_is_allowed()
    return allowed and device.verify_token(code), not allowed


def is_backup(device):
    return isinstance(device, StaticDevice)


def secret(device):
    """The app's key as a person types it: base32, in groups of four."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[start : start + 4] for start in range(0, len(key), 4))


def qr_code(device):
    """The app's key as an inline SVG QR code, drawn here: no image from another host."""
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5, dark="#000", light="#fff", title=_("QR code for your authenticator app")
    )
    # segno's markup holds only its own shapes and the escaped title.
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))
