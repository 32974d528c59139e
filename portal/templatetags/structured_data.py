"""Structured data for the public pages, in the visitor's language, for published
editions only: `NewsArticle` on an article (with the newspaper it is based on),
`City` and `BreadcrumbList` on a city, `GovernmentOrganization` on the home page
(with its address, telephone, parent and its name in the other languages)."""

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.formatting.i18n import localized, localized_value, other_languages
from portal.formatting.structured import ld_json
from portal.templatetags.portal import modified_at

register = template.Library()


def _office(context):
    request, office = context["request"], context.get("office")
    known = office is not None and office.pk is not None
    name = localized(office, "name").text if known else ""
    data = {
        "@type": "GovernmentOrganization",
        "name": name or _("Foreign Affairs Portal"),
        "url": request.build_absolute_uri(reverse("home")),
        "logo": {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(static("portal/emblem.svg")),
        },
    }
    if known:
        data.update(_office_details(office))
    return data


def _office_details(office):
    """What the office record holds beyond its name: each only when set."""
    data = {}
    others = [
        value
        for language in other_languages()
        if (value := localized_value(office, "name", language))[1] == language
    ]
    if others:
        data["alternateName"] = [text for text, _language in others]
    address = localized(office, "address").text
    if address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": address,
            "addressCountry": "CN",
            **({"postalCode": office.postcode} if office.postcode else {}),
        }
    if office.phone:
        data["telephone"] = office.phone
    if office.email:
        data["email"] = office.email
    parent = localized(office, "parent_organisation").text
    if parent:
        data["parentOrganization"] = {"@type": "GovernmentOrganization", "name": parent}
    return data


@register.simple_tag(takes_context=True)
def office_ld(context):
    return ld_json({"@context": "https://schema.org", **_office(context)})


@register.simple_tag(takes_context=True)
def article_ld(context, article, image_url):
    if not article.is_live:
        return ""
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": localized(article, "title").text[:110],
        "datePublished": article.published_at.isoformat(),
        "dateModified": modified_at(article).isoformat(),
        "inLanguage": get_language(),
        "isAccessibleForFree": True,
        "mainEntityOfPage": request.build_absolute_uri(article.get_absolute_url()),
        "image": [image_url],
        "publisher": _office(context),
    }
    author = localized(article, "author").text
    data["author"] = {"@type": "Person", "name": author} if author else _office(context)
    source = localized(article, "source").text
    if source:
        # The newspaper the report first appeared in (沈阳日报 for the demo's).
        newspaper = {"@type": "NewsMediaOrganization", "name": source}
        original = {"@type": "NewsArticle", "publisher": newspaper}
        if article.source_date:
            original["datePublished"] = article.source_date.isoformat()
        data["isBasedOn"] = original
        data["sourceOrganization"] = newspaper
    return ld_json(data)


@register.simple_tag(takes_context=True)
def city_ld(context, city, breadcrumbs):
    if not city.is_live:
        return ""
    request = context["request"]
    url = request.build_absolute_uri(city.get_absolute_url())
    place = {
        "@type": "City",
        "name": localized(city, "name").text,
        "url": url,
        "containedInPlace": {
            "@type": "Country",
            "name": localized(city.country, "name").text,
            "identifier": city.country.iso_code,
        },
        "address": {
            "@type": "PostalAddress",
            "addressCountry": city.country.iso_code,
        },
    }
    if city.province:
        place["address"]["addressRegion"] = localized(city, "province").text
    if city.latitude is not None and city.longitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(city.latitude),
            "longitude": float(city.longitude),
        }
    items = [(_("Home"), request.build_absolute_uri(reverse("home")))]
    for step_url, label in breadcrumbs:
        items.append((str(label), request.build_absolute_uri(step_url) if step_url else url))
    trail = {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": address}
            for n, (name, address) in enumerate(items, start=1)
        ],
    }
    return ld_json({"@context": "https://schema.org", "@graph": [place, trail]})
