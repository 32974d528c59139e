"""Settings for the Foreign Affairs Portal.

One module, read from the environment (see `portal/settings/env.py` and the README's
table). It fails closed: `DEBUG` is off unless set to 1, and without
`SECRET_KEY` the portal refuses to start. `make run` provides both for the
local demo (a key generated once under `var/`); the tests do the same
(`tests/environment.py`). With nothing else set it uses an SQLite file under `var/`.
"""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from portal.settings.env import (
    env_bool,
    env_int,
    env_list,
    env_required,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parents[2]
VAR_DIR = BASE_DIR / "var"

# --- Core ---------------------------------------------------------------------

DEBUG = env_bool("DEBUG", default=False)
# No fixed fallback, not even for development: a forgotten variable must stop
# the server, never run it with a key anyone can read in this repository.
SECRET_KEY = env_required("SECRET_KEY")

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it comes before it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_prose_editor",
    "simple_history",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "import_export",
    "django_tasks",
    "django_tasks_db",
    "portal",
    "portal.problems",
    "cities",
    "news",
    "office",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache, so that pages from the cache carry the header too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.middleware.AdminImportMapCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A 304 for a conditional GET whose ETag (set by the page cache) still holds.
    "django.middleware.http.ConditionalGetMiddleware",
    # Before everything a cached page does not need (portal/caching/pages.py).
    "portal.caching.pages.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Which device, if any, confirmed this session's second step; then who owes one.
    "django_otp.middleware.OTPMiddleware",
    "portal.twofactor.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its response.
    "axes.middleware.AxesMiddleware",
]

# --- Security (Django's deployment checklist; on whenever DEBUG is off) -----------

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=False)
if env_bool("SECURE_PROXY_SSL_HEADER", default=False):
    # TLS ends at the proxy, which says so in X-Forwarded-Proto: trust it only when told to.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 0 if DEBUG else env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
# Every cookie the portal sets: not readable by scripts, not sent on cross-site
# requests, and Secure whenever the session cookie is.
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Bulk import and export (django-import-export; see cities/transfer.py): importing
# needs change_<model>, exporting view_<model>; an import is one transaction.
# IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT stays unset: it drops a leading "=" only
# and makes every cell text; the resources write formulas as text themselves
# (portal.formatting.spreadsheets). The import limits: cities/transfer_files.py.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

# Versions (django-simple-history): a version's change reason as text of any length,
# since it may hold a publisher's written reason for applying over a QA error, or
# an imported file's name.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Background jobs (django-tasks, the backport of Django 6's tasks framework): queued
# in the database the portal uses (SQLite or PostgreSQL) and run by
# `manage.py db_worker`, which `make run` and `make stack` start beside gunicorn.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# An uploaded XLIFF file of more units than this is imported by a background job, its
# progress shown to whoever uploaded it; a smaller one within the request.
XLIFF_IMPORT_INLINE_UNITS = env_int("XLIFF_IMPORT_INLINE_UNITS", 2000)

# Content-Security-Policy, Permissions-Policy, sign-in against guessing, problem
# reports and two-factor sign-in: portal/settings/security.py.

from portal.settings.security import *  # noqa: E402, F403

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
                "portal.caching.counts.fragment_keys",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------

DATABASE_URL = env_str("DATABASE_URL")
if not DATABASE_URL:
    # The embedded default: an SQLite file in the git-ignored var/ folder.
    VAR_DIR.mkdir(exist_ok=True)
    DATABASE_URL = f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"

DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache --------------------------------------------------------------------
# Django's cache and what portal/caching keeps in it, and the HTTP cache in front:
# portal/settings/caching.py.

from portal.settings.caching import *  # noqa: E402, F403

# --- Passwords ----------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages and time ---------------------------------------------------------

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [
    ("zh-hans", _("Simplified Chinese")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our own date formats where a language's defaults differ from how we write dates.
FORMAT_MODULE_PATH = ["portal.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("TIME_ZONE", "Asia/Shanghai")

# --- Static files and media -----------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or VAR_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or VAR_DIR / "media")
# Uploaded originals are kept apart from MEDIA_ROOT and never served; visitors
# get the renditions in the default storage (portal/pictures/storage.py).
ORIGINALS_ROOT = Path(env_str("ORIGINALS_ROOT") or VAR_DIR / "originals")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "originals": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": ORIGINALS_ROOT, "base_url": "/originals-are-not-served/"},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- django-modeltranslation ----------------------------------------------------

MODELTRANSLATION_DEFAULT_LANGUAGE = "zh-hans"


def _field_in_language(verbose_name, lang):
    """A translated field's label names its language as the admin does ("标题 [英文]",
    "title [Chinese]"), not by its code; called when a label is shown, in the admin's
    language. The brackets stay: the tabbed admin drops them inside a tab."""
    from portal.editorial.editions import language_name  # the apps are loaded by then

    return f"{verbose_name} [{language_name(lang.replace('_', '-'))}]"


MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = _field_in_language
# Text missing in one language falls back to the other.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("zh-hans", "en")}
# The tabbed admin loads jQuery UI from a Google CDN unless told otherwise;
# the portal serves its own copy (no asset may come from another host).
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# --- WhiteNoise -----------------------------------------------------------------

WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# --- Logging ------------------------------------------------------------------

from portal.settings.logs import LOGGING  # noqa: E402, F401
from portal.settings.selfcheck import *  # noqa: E402, F403
