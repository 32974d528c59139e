"""`/<lang>/cities/anniversaries.ics`: the round anniversaries of the next five years as
an iCalendar feed, in the address's language, for staff calendars.

Only anniversaries known to the day are events (a calendar needs a day); those
known to the month are on the staff front page and the home page instead.
"""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from icalendar import Calendar, Event

from cities.anniversaries import anniversaries_of, celebrated_stages
from portal.formatting.dates import DatePrecision
from portal.formatting.i18n import localized

YEARS_AHEAD = 5


def years_later(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


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
        if anniversary.precision != DatePrecision.DAY:
            continue
        city = anniversary.city
        event = Event()
        event.add(
            "uid", f"anniversary-{anniversary.stage.pk}-{anniversary.years}@{request.get_host()}"
        )
        event.add("dtstamp", stamp)
        event.add("dtstart", anniversary.day)
        event.add("dtend", anniversary.day + datetime.timedelta(days=1))
        summary = _("%(city)s: %(what)s") % {
            "city": localized(city, "name").text,
            "what": anniversary.what(),
        }
        event.add("summary", summary)
        event.add("url", request.build_absolute_uri(city.get_absolute_url()))
        event.add("transp", "TRANSPARENT")
        feed.add_component(event)
    response = HttpResponse(feed.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="anniversaries.ics"'
    response["Content-Language"] = language
    return response
