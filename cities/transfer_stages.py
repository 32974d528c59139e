"""The relationship's stages in a bulk import: one date column per stage, and its
document and signatories in each language.

A date is written as it is known (`2018-08`); a blank date cell leaves the stage
undated (a stage is removed in the city's form, where its document is seen), a
blank document or signatories cell leaves that text blank. A stage with a
document but no known date is kept undated. The relationship column must name
the latest dated stage, as the city's form keeps it (`City.apply_stages`), so a
file cannot say "sister city" of a city whose partnership it also says ended. A
published city's stages change only by its publishers, like its exchanges; its
friendly and sister dates are its own fields and wait as a pending change.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from cities.models import Relationship, Stage
from cities.models.stages import STAGE_ORDER
from cities.transfer_fields import StageField
from portal.editorial import rules
from portal.formatting.dates import PartialDate

CITY_STAGE_FIELDS = {"friendly": "friendly_since", "sister": "sister_since"}


def read_stages(fields, city, row, user):
    """What `row` gives of each stage, `{stage: {attribute: value}}` (its date and
    precision, its document and signatories), and the row's errors by column."""
    values, errors = {}, {}
    saved = {stage.stage: stage for stage in _saved_stages(city)}
    locked = user is not None and rules.locked_for(user, city)
    for field in fields:
        if not isinstance(field, StageField) or field.column_name not in row:
            continue
        try:
            given = field.clean(row)
        except ValueError as error:
            errors[field.column_name] = ValidationError(str(error), code="invalid")
            continue
        if locked and _differs(saved.get(field.stage), given):
            errors[field.column_name] = ValidationError(
                _("This city is published: a publisher changes its stages."), code="locked"
            )
        values.setdefault(field.stage, {}).update(given)
    for stage, name in CITY_STAGE_FIELDS.items():
        if name in row:
            values.setdefault(stage, {}).update(
                date=getattr(city, name), precision=getattr(city, f"{name}_precision")
            )
    if not errors:
        dates = {kind: (stage.date, stage.precision) for kind, stage in saved.items()}
        for kind, given in values.items():
            if "date" in given:
                dates[kind] = (given["date"], given["precision"])
        error = _relationship_error(city, dates)
        if error:
            errors["relationship"] = error
    return values, errors


def save_stages(city, values):
    """Write what the row gave of each stage; pages read them on the next load."""
    saved = {stage.stage: stage for stage in Stage.objects.filter(city=city)}
    for kind, given in values.items():
        stage = saved.get(kind)
        if stage is None and any(value for name, value in given.items() if name != "precision"):
            Stage.objects.create(city=city, stage=kind, **given)
        elif stage is not None and _differs(stage, given):
            for name, value in given.items():
                setattr(stage, name, value)
            stage.save(update_fields=list(given))
    getattr(city, "_prefetched_objects_cache", {}).pop("stages", None)


def _saved_stages(city):
    if city.pk is None:
        return []
    return city.stages.all()


def _differs(stage, given):
    """Whether the attributes `given` change the saved `stage` (None: no such stage,
    all blank). A blank date is the same whatever its precision says."""
    current = {name: (getattr(stage, name) if stage else None) or "" for name in given}
    wanted = {name: value or "" for name, value in given.items()}
    if not wanted.get("date") and not current.get("date"):
        current.pop("precision", None)
        wanted.pop("precision", None)
    return current != wanted


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
