"""The directory's headline: what the records count, and what the office has stated.

The two are never mixed: the records count the cities this portal publishes;
a stated total is the office's own count on a date, shown with its source.
"""

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cities.models import City, Relationship, StatedTotal


def record_counts():
    """Published partners by current stage, and their countries: one query."""
    return (
        City.objects.published()
        .partners()
        .aggregate(
            sister=Count("pk", filter=Q(relationship=Relationship.SISTER)),
            friendly=Count("pk", filter=Q(relationship=Relationship.FRIENDLY)),
            countries=Count(
                "country",
                distinct=True,
                filter=Q(relationship__in=[Relationship.SISTER, Relationship.FRIENDLY]),
            ),
        )
    )


def counts_sentence(counts):
    """ "19 sister cities and 3 friendly cooperative cities in 14 countries on record"."""
    return _("%(sister)s and %(friendly)s in %(countries)s on record") % {
        "sister": ngettext("%(n)s sister city", "%(n)s sister cities", counts["sister"])
        % {"n": counts["sister"]},
        "friendly": ngettext(
            "%(n)s friendly cooperative city",
            "%(n)s friendly cooperative cities",
            counts["friendly"],
        )
        % {"n": counts["friendly"]},
        "countries": ngettext("%(n)s country", "%(n)s countries", counts["countries"])
        % {"n": counts["countries"]},
    }


def latest_stated_total():
    return StatedTotal.objects.select_related("source").order_by("-as_of", "-pk").first()
