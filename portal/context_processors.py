from django.utils.functional import SimpleLazyObject

from portal.models import Office


def _office():
    # Read per request (one small row): a per-process cache would go stale in
    # the other gunicorn workers when the office is edited.
    return Office.objects.first() or Office(name="")


def site(request):
    """The office that publishes the portal, and the section of the site shown."""
    match = request.resolver_match
    section = (match.namespace or match.url_name) if match else ""
    return {"office": SimpleLazyObject(_office), "section": section}
