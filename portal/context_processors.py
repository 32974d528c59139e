from django.db.models import Exists
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from office.models import OfficePage, PageKind
from portal import care
from portal.editorial.parts import shared_part
from portal.models import Office


def _office():
    """The office record, kept per site revision (the revision moves when it or an
    office page changes, so no worker serves an older one)."""
    return shared_part("office", _office_from_database)


def _office_from_database():
    # Whether there is an accessibility statement to link in the footer (in this
    # language, which the part's key holds) comes with it.
    statement = (
        OfficePage.objects.published()
        .in_language(get_language())
        .filter(kind=PageKind.ACCESSIBILITY)
    )
    office = (
        Office.objects.select_related("government_mark", "security_mark")
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


def every_page_shows(request):
    """What `site` gives every page that a page kept by its view must be told apart
    by (`portal.editorial.parts.kept_response`); the section is the address's."""
    return [_office(), care.is_on(request)]
