"""The settings that guard the portal: its Content-Security-Policy and
Permissions-Policy, sign-in against guessing (django-axes), the limits on problem
reports, and two-factor sign-in. Read from the environment like the rest."""

from datetime import timedelta

from csp.constants import NONE, SELF, UNSAFE_INLINE

from portal.settings.env import env_int, env_list, env_networks

# Content-Security-Policy (django-csp): everything from the portal itself. No
# inline or evaluated script anywhere; inline styles stay allowed because the
# admin's widgets set style attributes.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", *env_list("CSP_MEDIA_ORIGINS")],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Powerful browser features the portal never uses, refused for it and any frame.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)

# Admin sign-in against guessing (django-axes): after AXES_FAILURE_LIMIT wrong
# passwords or two-factor codes for one user name from one address, that pair
# is locked out for AXES_COOLOFF_MINUTES; a successful sign-in clears the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# Kept out of the logged form data: a refused two-factor code may still be current.
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code"]
# The address a sign-in is counted under: the peer's, or, when the peer is one of
# the proxies gunicorn trusts (FORWARDED_ALLOW_IPS, the same variable and default as
# gunicorn.conf.py), the right-most address in X-Forwarded-For that is not one of
# them (portal/client_address.py).
FORWARDED_ALLOW_IPS = env_networks("FORWARDED_ALLOW_IPS", default=["127.0.0.1"])
AXES_CLIENT_IP_CALLABLE = "portal.client_address.client_address"

# Reports of a problem with a page (纠错, portal/problems/): at most
# REPORT_RATE_LIMIT from one address (counted as above) in REPORT_RATE_WINDOW_MINUTES;
# after REPORT_RETENTION_DAYS a report loses the visitor's contact, and one answered or
# closed is deleted (`manage.py prunereports`, run daily).
REPORT_RATE_LIMIT = env_int("REPORT_RATE_LIMIT", 5)
REPORT_RATE_WINDOW_MINUTES = env_int("REPORT_RATE_WINDOW_MINUTES", 60)
REPORT_RETENTION_DAYS = env_int("REPORT_RETENTION_DAYS", 365)

# Two-factor sign-in (django-otp, portal/twofactor/): an authenticator app (TOTP)
# and single-use backup codes. Publishers and superusers must use it; other
# staff may. A wrong code counts with django-axes as a wrong password does.
OTP_TOTP_ISSUER = "Foreign Affairs Portal"
