"""The completeness matrix: every translated record × language, at a glance.

For each record (cities, their exchanges and photos, articles and their lead
images, categories, countries, the office) and each language: its state and
how many fields are missing, stale or lack an official name, and whether a
translation awaits a publisher's approval (`pending.awaiting_any`), with totals
per language over the records visitors can see. It reads the summaries stored
when each record was saved (`summaries`): the database filters, counts and pages
them, whatever the number of records, and nothing is checked again per request.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, Q, Sum
from django.db.models.functions import Cast
from django.db.models.lookups import Exact, In
from django.utils.translation import gettext as _

from portal.editorial import pending
from portal.editorial.analysis import BANDS, Tally, tallies
from portal.editorial.json_text import JsonText
from portal.editorial.summaries import ORIGINAL, TranslationSummary, kinds, owner_field
from portal.editorial.translation_state import AWAITING, COMPLETE, MISSING, STALE, suffix
from portal.formatting.i18n import LANGUAGE_CODES
from portal.formatting.scripts import count_unit

__all__ = ["kinds", "owner_field"]  # also what the XLIFF exchange covers

FLAGGED = "flagged"
STATES = (MISSING, STALE, AWAITING, FLAGGED, COMPLETE)


@dataclass
class Cell:
    state: str  # "original", or complete / missing / stale
    missing: int = 0
    stale: int = 0
    flagged: int = 0
    awaiting: bool = False  # a translation waits for a publisher's approval
    count: Tally = None  # what is left to translate (`analysis`), if anything

    @property
    def shown(self):
        """The state a translator reads: awaiting approval, or the published one."""
        return AWAITING if self.awaiting else self.state


@dataclass
class Row:
    record: str  # its name
    pk: int
    kind: str  # "app.model"
    kind_label: str
    original_language: str
    public: bool
    workbench: tuple  # ("app.model", pk) of the record translated with it (a part's owner)
    cells: dict = field(default_factory=dict)  # language → Cell


def summaries(kind=None):
    """The stored summaries (of `kind`, an "app.model" label, if given), in a steady order."""
    models = [model for model in kinds() if not kind or model._meta.label_lower == kind]
    types = ContentType.objects.get_for_models(*models).values()
    return TranslationSummary.objects.filter(content_type__in=types)


def _in_state(state, language):
    key = suffix(language)
    if state == AWAITING:  # a change to the original awaits approval in no translation
        return pending.awaiting_records(kinds(), language) & ~Q(original_language=language)
    if state == FLAGGED:
        return Q(**{f"cells__{key}__flagged__gt": 0})
    return Q(Exact(JsonText("cells", key, "state"), state))  # as `cell_indexes` index it


def _matching(state, language=None):
    condition = Q(pk__in=[])
    for code in [language] if language else LANGUAGE_CODES:
        condition |= _in_state(state, code)
    return condition


def matching(queryset, state, language=None):
    """The summaries with a cell in `state` (in `language`, or in any language)."""
    return queryset.filter(_matching(state, language)) if state else queryset


def counts(queryset, state=None, language=None):
    """`(matching, totals)`: how many of `queryset` are in `state` (`matching`), and
    `[(language, complete, public)]`, per language the records visitors can see that
    are complete in it (their original language counts as complete).

    Each is a count the database serves from an index, not one pass reading every
    summary's cells: the visible records are all less the few hidden, and a
    language's complete ones the visible less the few missing or stale in it
    (`summaries.cell_indexes`)."""
    public = queryset.filter(public=True)
    # The few hidden (drafts and their parts) are counted, not the many visible.
    every = queryset.count()
    visible = every - queryset.filter(public=False).count()
    totals = []
    for code in LANGUAGE_CODES:
        behind = public.filter(In(JsonText("cells", suffix(code), "state"), [MISSING, STALE]))
        totals.append((code, visible - behind.count(), visible))
    return matching(queryset, state, language).count() if state else every, totals


def count_totals(queryset):
    """`[(language, [Tally])]`: per language, what `queryset`'s records have left to
    translate into it, added up by the database over the few missing or stale in it
    (`summaries.cell_indexes`), one `Tally` per unit (per original language)."""
    found = []
    for code in LANGUAGE_CODES:
        key = suffix(code)
        behind = queryset.filter(In(JsonText("cells", key, "state"), [MISSING, STALE]))
        sums = {
            name: Sum(Cast(JsonText("cells", key, "count", name), IntegerField()))
            for name in ("total", *BANDS)
        }
        rows = behind.order_by().values("original_language").annotate(**sums)
        counts = [
            {"unit": count_unit(row.pop("original_language")), **row}
            for row in rows
            if row["total"]
        ]
        found.append((code, tallies(counts)))
    return found


def with_awaiting(queryset):
    """`queryset` with `awaiting_<language>` on each summary (a page of them)."""
    return queryset.annotate(
        **{
            f"awaiting_{suffix(code)}": pending.awaiting_any(kinds(), code)
            for code in LANGUAGE_CODES
        }
    )


def rows(page):
    """The `Row`s of summaries loaded `with_awaiting`."""
    found = []
    for summary in page:
        model = ContentType.objects.get_for_id(summary.content_type_id).model_class()
        owner = ContentType.objects.get_for_id(summary.workbench_type_id)
        row = Row(
            summary.name(),
            summary.object_id,
            model._meta.label_lower,
            model._meta.verbose_name,
            summary.original_language,
            summary.public,
            (f"{owner.app_label}.{owner.model}", summary.workbench_id),
        )
        for code in LANGUAGE_CODES:
            cell = summary.cells.get(suffix(code), {})
            row.cells[code] = Cell(
                cell.get("state", MISSING),
                cell.get("missing", 0),
                cell.get("stale", 0),
                cell.get("flagged", 0),
                code != summary.original_language
                and getattr(summary, f"awaiting_{suffix(code)}", False),
                next(iter(tallies([cell.get("count")])), None),
            )
        found.append(row)
    return found


def state_label(state):
    return {
        ORIGINAL: _("original"),
        COMPLETE: _("complete"),
        MISSING: _("missing"),
        STALE: _("stale"),
        AWAITING: _("awaiting approval"),
    }[state]
