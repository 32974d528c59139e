"""The relationship's stages in a bulk import: one date column per stage.

A date is written as it is known (`2018-08`); a blank cell leaves the stage
undated (a stage is removed in the city's form, where its document is seen).
The relationship column must name the latest dated stage, as the city's form
keeps it (`City.apply_stages`), so a file cannot say "sister city" of a city
whose partnership it also says ended. A published city's stages change only by
its publishers, like its exchanges; its friendly and sister dates are its own
fields and wait as a pending change.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from cities.models import Relationship, Stage
from cities.models.stages import STAGE_ORDER
from cities.transfer_fields import STAGE_COLUMNS, StageDateField
from portal.editorial import rules
from portal.formatting.dates import PartialDate

CITY_STAGE_FIELDS = {"friendly": "friendly_since", "sister": "sister_since"}


def read_stages(fields, city, row, user):
    """The stage dates `row` gives, `{stage: (date, precision)}`, and its errors by column."""
    dates, errors = {}, {}
    for field in fields:
        if isinstance(field, StageDateField) and field.column_name in row:
            try:
                dates[field.stage] = field.clean(row)
            except ValueError as error:
                errors[field.column_name] = ValidationError(str(error), code="invalid")
    saved = {stage.stage: (stage.date, stage.precision) for stage in _saved_stages(city)}
    if user is not None and rules.locked_for(user, city):
        for stage, value in dates.items():
            if _differs(saved.get(stage), value):
                errors[STAGE_COLUMNS[stage]] = ValidationError(
                    _("This city is published: a publisher changes its stages."), code="locked"
                )
    for stage, name in CITY_STAGE_FIELDS.items():
        if name in row:
            dates[stage] = (getattr(city, name), getattr(city, f"{name}_precision"))
    if not errors:
        error = _relationship_error(city, {**saved, **dates})
        if error:
            errors["relationship"] = error
    return dates, errors


def save_stages(city, dates):
    """Write the stage dates read from the row; pages read them on the next load."""
    saved = {stage.stage: stage for stage in Stage.objects.filter(city=city)}
    for kind, (date, precision) in dates.items():
        stage = saved.get(kind)
        if stage is None and date is not None:
            Stage.objects.create(city=city, stage=kind, date=date, precision=precision)
        elif stage is not None and _differs((stage.date, stage.precision), (date, precision)):
            stage.date, stage.precision = date, precision
            stage.save(update_fields=["date", "precision"])
    getattr(city, "_prefetched_objects_cache", {}).pop("stages", None)


def _saved_stages(city):
    if city.pk is None:
        return []
    return city.stages.all()


def _differs(saved, imported):
    """A blank date is the same whatever its precision says."""
    saved = saved or (None, "day")
    if saved[0] is None and imported[0] is None:
        return False
    return tuple(saved) != tuple(imported)


def _relationship_error(city, dates):
    dated = [(date, STAGE_ORDER[stage], stage) for stage, (date, _p) in dates.items() if date]
    if not dated or city.is_home:
        return None
    date, _order, latest = max(dated)
    if city.relationship == latest:
        return None
    precision = dates[latest][1]
    return ValidationError(
        _("The relationship names the latest stage by date: here “%(stage)s” (%(date)s).")
        % {"stage": Relationship(latest).label, "date": PartialDate(date, precision).machine},
        code="stage",
    )
