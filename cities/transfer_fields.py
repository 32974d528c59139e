"""The columns bulk import and export need beyond django-import-export's own: a
partial date in one column, a related record by its code with a message a
person can act on, a figure's source, and rows compared as a person reads them."""

import datetime
import re

from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from cities.models.facts import Figure
from portal.formatting.dates import PartialDate

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


class StageDateField(fields.Field):
    """The date of one stage of the relationship, as it is known, in one column."""

    def __init__(self, stage):
        super().__init__(attribute=None, column_name=STAGE_COLUMNS[stage])
        self.stage = stage

    def get_value(self, instance):
        if instance.pk is None:
            return ""
        found = [stage for stage in instance.stages.all() if stage.stage == self.stage]
        return found[0].when.machine if found else ""

    def export(self, instance, **kwargs):
        return self.get_value(instance)

    def clean(self, row, **kwargs):
        return parse_partial_date(row.get(self.column_name))

    def save(self, instance, row, is_m2m=False, **kwargs):
        """Stages are saved after the city (`cities.transfer_stages.save_stages`)."""


def text(value):
    return "" if value is None else str(value).strip()


class ComparedResource(resources.ModelResource):
    """Reports a row unchanged when every column reads as the record exports it."""

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if import_validation_errors or original is None or original.pk is None:
            return False
        current = {field.column_name: field.export(original) for field in self.get_import_fields()}
        return all(
            _same(current[name], row[name]) for name in current if name in row and name != "id"
        )


def _same(current, imported):
    a, b = text(current), text(imported)
    if a == b:
        return True
    try:  # "3527" and "3527.0", "1" and "True"
        return float(a or "nan") == float(b or "nan")
    except ValueError:
        return {a.lower(), b.lower()} <= {"1", "true"} or {a.lower(), b.lower()} <= {"0", "false"}
