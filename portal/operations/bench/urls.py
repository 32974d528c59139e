"""The portal's middleware in front of an empty view: what the stack costs, measured
beside the floor proper (`floorapp`).

Included by the root URLconf only when `BENCH_FLOOR=1`.
"""

from django.http import HttpResponse
from django.urls import path


def floor(request):
    """Served only with BENCH_FLOOR=1: no template, no query, only the middleware."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/floor/", floor)]
