"""Template helpers for the office's pages."""

import json

from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal.formatting.i18n import localized

register = template.Library()


@register.filter
def lines(text):
    """A text kept one item per line, as its non-empty lines (for `<ul>` and `<ol>`)."""
    return [line.strip() for line in str(text or "").splitlines() if line.strip()]


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def guide_json_ld(context, guide):
    """schema.org `GovernmentService` for a service guide, as JSON-LD."""
    request, office = context["request"], context.get("office")
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": localized(guide, "title").text,
        "url": request.build_absolute_uri(guide.get_absolute_url()),
        "inLanguage": translation.get_language(),
    }
    summary = localized(guide, "summary").text
    if summary:
        data["description"] = summary
    if office is not None and office.name:
        data["provider"] = {
            "@type": "GovernmentOrganization",
            "name": localized(office, "name").text,
        }
    if guide.last_checked:
        data["dateModified"] = guide.last_checked.isoformat()
    encoded = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(encoded))
