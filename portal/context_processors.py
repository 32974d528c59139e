from django.db.models import Exists
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from office.models import OfficePage, PageKind
from portal import care
from portal.caching.counts import per_revision
from portal.models import Office


def _office():
    """The office record behind every header and footer, read once per site revision
    and language: building its query was 11–21% of every page rendered afresh."""
    return per_revision(f"office:{get_language()}", _office_from_database)


def _office_from_database():
    # Whether there is an accessibility statement to link in the footer (in this
    # language) comes with it.
    statement = (
        OfficePage.objects.published()
        .in_language(get_language())
        .filter(kind=PageKind.ACCESSIBILITY)
    )
    office = (
        Office.objects.select_related("government_mark", "security_mark", "standard_map")
        .annotate(has_accessibility=Exists(statement))
        .first()
    )
    # Without an office record the site is not set up yet: no footer links to it.
    return office or Office(name="")


def site(request):
    """The office that publishes the portal, and the section of the site shown."""
    match = request.resolver_match
    section = (match.namespace or match.url_name) if match else ""
    return {
        "office": SimpleLazyObject(_office),
        "section": section,
        "url_name": match.url_name if match else "",
        "care_mode": care.is_on(request),
    }
