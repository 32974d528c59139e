"""/admin/self-check/: the indicators for publishers, with the pages failing each."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from portal import selfcheck
from portal.editorial.rules import can_run_self_check


@never_cache
def self_check(request):
    """Every indicator, run now against the live site (links to other sites excepted)."""
    if not can_run_self_check(request.user):
        raise PermissionDenied
    results = selfcheck.run()
    context = {
        **admin.site.each_context(request),
        "title": _("Self-check against the inspection indicators"),
        "results": results,
        "failed": sum(1 for result in results if not result.met),
    }
    return TemplateResponse(request, "admin/self_check.html", context)
