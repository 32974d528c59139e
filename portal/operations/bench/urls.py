"""The benchmark's floor: a bare view under the same server and middleware.

Included by the root URLconf only when `BENCH_FLOOR=1`.
"""

from django.http import HttpResponse
from django.urls import path


def floor(request):
    """The benchmark's floor (served only with BENCH_FLOOR=1): no template, no query."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/floor/", floor)]
