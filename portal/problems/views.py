"""The 纠错 form: a visitor reports a problem with a page; bounded by a rate limit
per client address, a honeypot and the fields' size caps."""

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from portal.client_address import client_address
from portal.formatting.breadcrumbs import crumb
from portal.problems.forms import ProblemReportForm, same_site_path


@require_http_methods(["GET", "HEAD", "POST"])
def report(request):
    """The form (its page address from `?page=`); a valid report is kept and the
    visitor thanked. Every POST counts against the client's limit."""
    host = request.get_host()
    if request.method == "POST":
        if over_limit(request):
            return _render(request, ProblemReportForm(host=host), status=429, limited=True)
        form = ProblemReportForm(request.POST, host=host)
        if not form.is_valid():
            return _render(request, form, status=400)
        if not form.is_robot:  # a robot is thanked like anyone, and nothing is kept
            report = form.save(commit=False)
            report.language = get_language()
            report.save()
        return redirect("problems:thanks")
    given = request.GET.get("page", "")
    page = same_site_path(given, host)
    form = ProblemReportForm(initial={"page": page or ""}, host=host)
    return _render(request, form, bad_page=bool(given) and page is None)


def over_limit(request):
    """Counts this request; True past `REPORT_RATE_LIMIT` in the window."""
    key = f"problems:rate:{client_address(request)}"
    window = settings.REPORT_RATE_WINDOW_MINUTES * 60
    cache.add(key, 0, window)  # the window starts with the first report
    try:
        count = cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, window)
        count = 1
    return count > settings.REPORT_RATE_LIMIT


def _render(request, form, status=200, **context):
    context.update(form=form, breadcrumbs=[crumb(None, _("Report a problem"))])
    return render(request, "problems/report.html", context, status=status)


@require_safe
def thanks(request):
    return render(
        request, "problems/thanks.html", {"breadcrumbs": [crumb(None, _("Report a problem"))]}
    )
