"""The office's identity as a government website: what an inspection requires of
every page's footer (政府网站发展指引, 国办发〔2017〕47号: 页面底部功能区), which of it is
missing, and where a visitor reports a problem (纠错)."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from portal.formatting.i18n import LANGUAGE_CODES
from portal.models import Office

# The national 我为政府网站找错 platform's report form for one site: `siteCode` is the
# 网站标识码, `url` the page reported. This is the address the platform itself used in
# 2024 (a script posting to it sent the Referer
# https://zfwzzc.www.gov.cn/check_web/errorInfo/jcInfoNew?siteCode=bm09000013&url=http%3A%2F%2Fwww.mps.gov.cn%2F),
# and sites' own 纠错 scripts open it with the same two values; the platform's entry
# page is https://zfwzzc.www.gov.cn/.
NATIONAL_PLATFORM = "https://zfwzzc.www.gov.cn/check_web/errorInfo/jcInfoNew"

# (field, what it is): every item an inspection requires, in the footer's order. The
# operator (承办单位) is not among them: it is set only when another unit runs the site.
REQUIRED = (
    ("organiser", _("Organiser (主办单位)")),
    ("phone", _("Telephone")),
    ("address", _("Address")),
    ("site_code", _("Site identifier code (网站标识码)")),
    ("icp_number", _("ICP filing number (ICP备案号)")),
    ("security_number", _("Public-security filing number (公安机关备案号)")),
    ("government_mark", _("Party and government website mark (党政机关网站标识)")),
    ("government_mark_url", _("Address the Party and government website mark links to")),
)


def missing_identity_items(office=None):
    """`[(field, label), ...]` of the required items the office record leaves unset
    (all of them when there is no record). A translated text counts as set when it
    is written in any language: the other language falls back to it."""
    if office is None:
        office = Office.objects.select_related("government_mark").first() or Office()
    return [(field, label) for field, label in REQUIRED if not _is_set(office, field)]


def _is_set(office, field):
    if field == "government_mark":
        mark = getattr(office, "government_mark", None) if office.pk else None
        return bool(mark and mark.image)
    names = [build_localized_fieldname(field, code) for code in LANGUAGE_CODES]
    return any(getattr(office, name, "") for name in [field, *names])


def report_problem_url(office, request, language):
    """Where the 纠错 link of this page goes: the national platform for Chinese pages
    of a site with its 网站标识码, the portal's own form otherwise."""
    if office.site_code and language.startswith("zh"):
        query = {"siteCode": office.site_code, "url": request.build_absolute_uri()}
        return f"{NATIONAL_PLATFORM}?{urlencode(query)}"
    form = reverse("problems:report")
    match = request.resolver_match
    if match and match.namespace == "problems":  # the form's own pages: no page to report
        return form
    return f"{form}?{urlencode({'page': request.get_full_path()})}"
