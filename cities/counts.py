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


def _by_type(counts):
    """The words of each count: "22 partner cities", "19 sister cities", ... ."""
    total = counts["sister"] + counts["friendly"]
    return {
        "total": ngettext("%(n)s partner city", "%(n)s partner cities", total) % {"n": total},
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


def counts_by_type(counts):
    """ "22 partner cities: 19 sister cities and 3 friendly cooperative cities" /
    "22个友城：友好城市19个、友好合作城市3个": the home page's count. A total is
    always worded with its parts, here and in the directory."""
    return _("%(total)s: %(sister)s and %(friendly)s") % _by_type(counts)


def counts_sentence(counts):
    """ "22 partner cities on record, in 14 countries: 19 sister cities and 3 friendly
    cooperative cities": the directory's headline."""
    return _("%(total)s on record, in %(countries)s: %(sister)s and %(friendly)s") % _by_type(
        counts
    )


def latest_stated_total():
    return StatedTotal.objects.select_related("source").order_by("-as_of", "-pk").first()
