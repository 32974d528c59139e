"""Template tags shared by every page: bilingual text, numbers, links."""

import datetime
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext, pgettext

from portal import identity
from portal.editorial.editions import ONLY_IN, alternates
from portal.editorial.models import Edition
from portal.formatting import numbers
from portal.formatting.dates import DatePrecision, format_partial_date
from portal.formatting.i18n import LANGUAGE_LABELS, localized, localized_value
from portal.search import highlight as search_highlight

register = template.Library()


@register.simple_tag
def tr(obj, field):
    """A translated text, escaped; marked with its real `lang` when it fell back.

    `{% tr city "name" as name %}` keeps it for `name.text` and `name.lang_attribute`
    where markup cannot go (titles, attributes, SVG text)."""
    return localized(obj, field)


@register.filter(name="tr")
def tr_filter(obj, field):
    """`{{ home|tr:"name" }}`: the same as `{% tr %}`, for `blocktranslate with`."""
    return localized(obj, field)


@register.simple_tag
def tr_html(obj, field):
    """A translated rich text (sanitised on save), in a `lang` block when it fell back."""
    return localized(obj, field).as_block()


@register.simple_tag(takes_context=True)
def site_name(context):
    """The office's name in the active language (else the other's), as titles and Open
    Graph print it: one name for the office, its full one; the portal's own name
    before an office is set up."""
    office = context.get("office")
    name = localized(office, "name").text if office is not None and office.name else ""
    return name or gettext("Foreign Affairs Portal")


@register.filter
def written_date(value):
    """A date or local time as the pages write dates: "10 December 2021" / "2021年12月10日"."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return format_partial_date(value, DatePrecision.DAY)


@register.filter
def machine_time(value):
    """A time for `<time datetime>` and meta tags: ISO 8601 in local time, to the
    second (HTML allows at most three digits of a second's fraction)."""
    if value is None:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


def modified_at(*records):
    """When the latest of `records` last changed, as a visitor sees it: its last save,
    or its publication when that came later (a scheduled record); None without any."""
    times = [
        when
        for record in records
        if record is not None
        for when in (getattr(record, "updated_at", None), getattr(record, "published_at", None))
        if when is not None
    ]
    return max(times, default=None)


@register.simple_tag
def last_updated(*records):
    """The "Last updated: 9 December 2021" line of a content page (`modified_at`)."""
    when = modified_at(*records)
    if when is None:
        return ""
    return format_html(
        '<p class="meta last-updated">{}{}<time datetime="{}">{}</time></p>',
        gettext("Last updated"),
        pgettext("label colon", ": "),
        machine_time(when),
        written_date(when),
    )


@register.filter
def population(city):
    return numbers.population(city.population, city.population_is_approximate)


@register.simple_tag(takes_context=True)
def query(context, **changes):
    """The current query string with `changes` applied (None removes a key); page resets."""
    params = context["request"].GET.copy()
    if "page" not in changes:
        params.pop("page", None)
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def page_alternates(context):
    """`[(language, path, indexed)]`: this page in every language, for the language
    switch, and for hreflang links where `indexed` (a record's page leaves out
    editions that are absent or in the original language only)."""
    request = context["request"]
    return alternates(request.path, context.get("editions"), context.get("edition_fallback"))


@register.simple_tag
def switch_url(language, path, query_string=""):
    """The language switch: remembers the choice, then shows this page in `language`."""
    next_url = f"{path}?{query_string}" if query_string else path
    return f"{reverse('switch_language', args=[language])}?{urlencode({'next': next_url})}"


@register.simple_tag
def highlighted(obj, field, words):
    """A translated text with the query's words marked (escaped first)."""
    return search_highlight.highlight(localized_value(obj, field)[0], words)


@register.simple_tag
def snippet(obj, field, words):
    """A highlighted passage of a translated rich text around the first match."""
    return search_highlight.snippet(localized_value(obj, field)[0], words)


@register.filter
def has_edition(record):
    """True when a visitor of the active language may read `record` now: live, with
    an edition in that language (`Publishable.edition`). For links in related blocks."""
    if record is None or not record.is_live:
        return False
    return record.edition(translation.get_language()) != Edition.ABSENT


@register.filter
def original_only_here(record):
    """The record is shown here in its original language only, by a publisher's choice:
    what lists mark ("Chinese only") and detail pages announce."""
    return record.edition(translation.get_language()) == Edition.ORIGINAL_ONLY


@register.simple_tag
def only_in_label(record):
    """ "Chinese only" / "English only": the language `record` is published in alone."""
    return ONLY_IN.get(record.original_language, "")


@register.simple_tag
def only_in(record):
    """The "Chinese only" tag after a list item's title when `record` is shown here in
    its original language only, else nothing. A tag, not an include: lists print it
    once a card (the directory's 200 cards: 2.6 ms as an include)."""
    if not original_only_here(record):
        return ""
    return format_html(' <span class="tag only-in">{}</span>', only_in_label(record))


@register.simple_tag
def language_label(code):
    return LANGUAGE_LABELS.get(code, code)


@register.simple_tag(takes_context=True)
def report_problem_url(context):
    """Where this page's 纠错 / "Report a problem" link goes (`portal.identity`)."""
    return identity.report_problem_url(
        context["office"], context["request"], translation.get_language()
    )
