"""The columns bulk import and export need beyond django-import-export's own: a
partial date in one column, a related record by its code with a message a
person can act on, a figure's source (rows: `cities.transfer_rows`)."""

import datetime
import logging
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, widgets
from modeltranslation.utils import build_localized_fieldname

from cities.models import Stage
from cities.models.facts import Figure
from portal.formatting.dates import PartialDate
from portal.formatting.i18n import LANGUAGE_CODES

logger = logging.getLogger(__name__)

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_partial_date(text):
    """ "2021-12-09" / "2018-08" / "1980" → (date, precision); blank → (None, "day")."""
    text = str(text or "").strip()
    if not text:
        return None, "day"
    if isinstance(text, datetime.date):
        return text, "day"
    match = PARTIAL_DATE.match(text[:10] if "T" in text or " " in text else text)
    error = _("“%(value)s” is not a date: write it as 2021-12-09, 2018-08 or 1980.")
    if not match:
        raise ValueError(error % {"value": text})
    year, month, day = match.groups()
    try:
        value = datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise ValueError(error % {"value": text}) from None
    return value, "day" if day else "month" if month else "year"


class PartialDateField(fields.Field):
    """One column for a date and its precision (`<attribute>` and `<precision_attribute>`)."""

    def __init__(self, attribute, column_name, precision_attribute):
        super().__init__(attribute=attribute, column_name=column_name, widget=widgets.CharWidget())
        self.precision_attribute = precision_attribute

    def get_value(self, instance):
        value = getattr(instance, self.attribute)
        return PartialDate(value, getattr(instance, self.precision_attribute)).machine

    def export(self, instance, **kwargs):
        return self.get_value(instance)

    def clean(self, row, **kwargs):
        return parse_partial_date(row.get(self.column_name))

    def save(self, instance, row, is_m2m=False, **kwargs):
        value, precision = self.clean(row)
        setattr(instance, self.attribute, value)
        setattr(instance, self.precision_attribute, precision)


class CodeWidget(widgets.ForeignKeyWidget):
    """A related record by its code, with a message a person can act on."""

    def __init__(self, model, field, message):
        super().__init__(model, field)
        self.message = message

    def clean(self, value, row=None, **kwargs):
        if value in (None, ""):
            return None
        try:
            return super().clean(str(value).strip(), row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(self.message() % {"value": value}) from None


FIGURE_COLUMNS = {
    Figure.POPULATION: "population",
    Figure.AREA: "area_km2",
    Figure.WINTER_LOW: "winter_low_c",
    Figure.SUMMER_HIGH: "summer_high_c",
    Figure.PRECIPITATION: "precipitation_mm",
}


class SourceField(fields.Field):
    """The URL of the first source of a figure's public value."""

    def __init__(self, figure):
        super().__init__(attribute=None, column_name=f"{FIGURE_COLUMNS[figure]}_source")
        self.figure = figure

    def get_value(self, instance):
        if instance.pk is None:
            return ""
        fact = instance.facts.filter(figure=self.figure, is_public=True).first()
        source = fact.sources.order_by("pk").first() if fact else None
        return source.url if source else ""

    def export(self, instance, **kwargs):
        return self.get_value(instance)

    def save(self, instance, row, is_m2m=False, **kwargs):
        """Figures are saved with the city (`CityResource.after_save_instance`)."""


# Each stage of the relationship by its column. The friendly and sister dates are
# also the city's own fields (`PartialDateField`s, held for a publisher like any
# field); the other three are `StageDateField`s.
STAGE_COLUMNS = {
    "contact": "contact_on",
    "intent": "intent_on",
    "friendly": "friendly_since",
    "sister": "sister_since",
    "ended": "ended_on",
}


class StageField(fields.Field):
    """A column of one stage of the relationship; `clean` gives the stage's attributes
    it sets. Stages are saved after the city (`cities.transfer_stages.save_stages`)."""

    def __init__(self, stage, column_name):
        super().__init__(attribute=None, column_name=column_name)
        self.stage = stage

    def saved_stage(self, instance):
        if instance.pk is None:
            return None
        found = [stage for stage in instance.stages.all() if stage.stage == self.stage]
        return found[0] if found else None

    def export(self, instance, **kwargs):
        return self.get_value(instance)

    def save(self, instance, row, is_m2m=False, **kwargs):
        """Stages are saved after the city."""


class StageDateField(StageField):
    """The date of one stage of the relationship, as it is known, in one column."""

    def __init__(self, stage):
        super().__init__(stage, STAGE_COLUMNS[stage])

    def get_value(self, instance):
        stage = self.saved_stage(instance)
        return stage.when.machine if stage else ""

    def clean(self, row, **kwargs):
        date, precision = parse_partial_date(row.get(self.column_name))
        return {"date": date, "precision": precision}


class StageTextField(StageField):
    """A stage's document or signatories in one language, in one column
    (`sister_document_en`); a blank cell clears it."""

    def __init__(self, stage, name, language):
        self.stage_attribute = build_localized_fieldname(name, language)
        super().__init__(stage, f"{stage}_{self.stage_attribute}")

    def get_value(self, instance):
        stage = self.saved_stage(instance)
        return (getattr(stage, self.stage_attribute) or "") if stage else ""

    def clean(self, row, **kwargs):
        value = text(row.get(self.column_name))
        try:  # the stage's own rules for the field (its length)
            value = Stage._meta.get_field(self.stage_attribute).clean(value, None)
        except ValidationError as error:
            raise ValueError(" ".join(error.messages)) from None
        return {self.stage_attribute: value}


def stage_text_fields():
    """`{column: StageTextField}`: each stage's document, then its signatories, in
    each language, stage by stage in the order of `STAGE_COLUMNS`."""
    found = {}
    for stage in STAGE_COLUMNS:
        for name in ("document", "signatories"):
            for language in LANGUAGE_CODES:
                field = StageTextField(stage, name, language)
                found[field.column_name] = field
    return found


def text(value):
    return "" if value is None else str(value).strip()
