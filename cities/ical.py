"""`/<lang>/cities/anniversaries.ics`: the round anniversaries of the next five years as
an iCalendar feed, in the address's language, for staff calendars.

Every anniversary is an all-day event. One known only to the month or year
sits on the period's first day (1 August, 1 January) and says its period in
its title ("…, in August 2028") and why in its description: a calendar needs a
day, and a month-long event would cover every day of a staff calendar.
"""

import datetime
import uuid

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from icalendar import Calendar, Event

from cities.anniversaries import anniversaries_of, celebrated_stages
from portal.formatting.dates import DatePrecision

YEARS_AHEAD = 5
UNPLACED = {
    DatePrecision.MONTH: gettext_lazy(
        "The stage is known to the month only: the day shown is the 1st of that month."
    ),
    DatePrecision.YEAR: gettext_lazy(
        "The stage is known to the year only: the day shown is 1 January of that year."
    ),
}


def years_later(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# The namespace of the events' UIDs (RFC 9562 name-based UUIDs): a UID is the same
# from one fetch to the next and whatever host name the feed was fetched under.
UID_NAMESPACE = uuid.UUID("5b0f6a8e-3f0e-4c8a-9a55-2b6f1f0d7c21")


def event_uid(anniversary):
    name = f"anniversary/{anniversary.stage.pk}/{anniversary.years}"
    return f"{uuid.uuid5(UID_NAMESPACE, name)}@foreign-affairs-portal"


def event_of(anniversary, request, stamp):
    """One all-day event; its UID stays the same from one fetch to the next."""
    event = Event()
    event.add("uid", event_uid(anniversary))
    event.add("dtstamp", stamp)
    event.add("dtstart", anniversary.day)
    event.add("dtend", anniversary.day + datetime.timedelta(days=1))
    event.add("summary", anniversary.summary())
    if anniversary.precision in UNPLACED:
        event.add("description", str(UNPLACED[anniversary.precision]))
    event.add("url", request.build_absolute_uri(anniversary.city.get_absolute_url()))
    event.add("transp", "TRANSPARENT")
    return event


@require_safe
def anniversaries_ics(request):
    today = timezone.localdate()
    language = get_language()
    feed = Calendar()
    feed.add("prodid", f"-//Foreign Affairs Portal//Partner city anniversaries//{language}")
    feed.add("version", "2.0")
    feed.add("x-wr-calname", _("Partner city anniversaries"))
    feed.add(
        "x-wr-caldesc",
        _("Round anniversaries (1st, 5th, 10th, then every 5th) of each stage, next five years."),
    )
    stamp = timezone.now()
    found = anniversaries_of(celebrated_stages(), today, years_later(today, YEARS_AHEAD))
    for anniversary in found:
        feed.add_component(event_of(anniversary, request, stamp))
    response = HttpResponse(feed.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="anniversaries.ics"'
    response["Content-Language"] = language
    return response
