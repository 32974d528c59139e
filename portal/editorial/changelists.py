"""Changelists that hold at 100,000 rows: counted without reading them all, and
rendered without a template per row's checkbox.

Django's admin counts the rows of every list it shows, to page it: at 100,000
articles an exact `COUNT(*)` on every view, and one that reads every matching
row of a search. `EstimatedCountPaginator` counts exactly up to `EXACT_UP_TO`
rows (1,000: ten pages), in a query that stops there; past that it takes
PostgreSQL's planner's estimate (`EXPLAIN`) and says so ("about 99,800
articles"). Elsewhere (SQLite, whose counts of such tables are quick) it counts
them all.
"""

import json

from django.contrib.admin import helpers
from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _

EXACT_UP_TO = 1_000


def planner_estimate(queryset):
    """The number of rows PostgreSQL's planner expects `queryset` to have."""
    plan = json.loads(queryset.order_by().values("pk").explain(format="json"))
    return int(plan[0]["Plan"]["Plan Rows"])


class EstimatedCountPaginator(Paginator):
    """A paginator whose count is exact up to `EXACT_UP_TO`, else estimated
    (`estimated` then true: the pagination says "about")."""

    estimated = False
    exact_up_to = EXACT_UP_TO

    @cached_property
    def count(self):
        rows = self.object_list
        if not hasattr(rows, "explain") or connections[rows.db].vendor != "postgresql":
            return super().count  # no estimate to fall back on: counted once, exactly
        # Neither the order nor the annotations (a changelist's "awaiting approval") of
        # the page: a slice is counted as a subquery, which would keep them.
        bounded = rows.order_by().values("pk")[: self.exact_up_to + 1].count()
        if bounded <= self.exact_up_to:
            return bounded
        estimate = planner_estimate(rows)
        self.estimated = True
        # Never fewer than are known to be there: the pages past them are reachable.
        return max(estimate, bounded)


class QuickRowsMixin:
    """The action checkbox of each row written directly, as Django's `CheckboxInput`
    renders it, rather than through the form renderer's template once per row."""

    def action_checkbox(self, obj):
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            str(obj.pk),
            format_html(_("Select this object for an action - {}"), str(obj)),
        )
