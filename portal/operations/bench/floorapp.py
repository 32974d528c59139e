"""The benchmark's floor: the least a Django site can be, as a WSGI app of its own.

`gunicorn portal.operations.bench.floorapp` serves one view that answers "ok",
behind three of Django's own middlewares (security headers, common, frame
options), with settings made here and nothing else: no database, no
templates, no apps. `make bench` runs it under the same gunicorn settings as
the portal and divides every page's requests per second by its rate.

Unlike the portal's `/bench/floor/` (its whole middleware stack in front of an
empty view), this measures Django itself, not the portal.
"""

from django.conf import settings
from django.http import HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="benchmark-floor-only-" + "f" * 40,
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=[],
    DATABASES={},
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    ],
    USE_I18N=False,
)


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("", ok)]

from django.core.wsgi import get_wsgi_application  # noqa: E402 (after the settings)

application = get_wsgi_application()
