from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.functional import SimpleLazyObject

from portal.models import Office

OFFICE_CACHE_KEY = "portal:office"


def _office():
    office = cache.get(OFFICE_CACHE_KEY)
    if office is None:
        office = Office.objects.first() or Office(name="")
        cache.set(OFFICE_CACHE_KEY, office, timeout=None)
    return office


@receiver([post_save, post_delete], sender=Office)
def _forget_office(**kwargs):
    cache.delete(OFFICE_CACHE_KEY)


def site(request):
    """The office that publishes the portal, and the section of the site shown."""
    match = request.resolver_match
    section = (match.namespace or match.url_name) if match else ""
    return {"office": SimpleLazyObject(_office), "section": section}
