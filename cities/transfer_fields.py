"""The columns bulk import and export need beyond django-import-export's own: a
partial date in one column, a related record by its code with a message a
person can act on, a figure's source, rows compared as a person reads them, and
no text a spreadsheet would run as a formula, out or in."""

import datetime
import logging
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources, results, widgets
from modeltranslation.utils import build_localized_fieldname

from cities.models import Stage
from cities.models.facts import Figure
from cities.transfer_files import ImportRefused
from portal.formatting.dates import PartialDate
from portal.formatting.i18n import LANGUAGE_CODES
from portal.formatting.spreadsheets import formula_sign, is_formula, neutralise

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


FORMULA = gettext_lazy(
    "“%(value)s” begins with %(sign)s, so a spreadsheet would run it as a formula. "
    "Remove the sign, or begin the text differently."
)
NOT_A_NUMBER = gettext_lazy("“%(value)s” is not a number: write it in digits, like 1234.5 or -12.")
MISSING_COLUMNS = gettext_lazy(
    "The file has no column %(columns)s. Its first row names the columns, as in an "
    "export: export first and fill in that file."
)
UNEXPECTED = gettext_lazy(
    "An unexpected error stopped the import; nothing was written. The details are in "
    "the server's log for its administrators."
)


def _sign(value):
    sign = formula_sign(value)
    names = {"\t": gettext_lazy("a tab"), "\r": gettext_lazy("a carriage return")}
    return names.get(sign, f"“{sign}”")


def _shown(value, length=60):
    value = value.strip()
    return value if len(value) <= length else value[: length - 1] + "…"


def formula_errors(fields, row):
    """`{column: [ValidationError]}` for each text cell of `row` that a spreadsheet
    would run as a formula (`portal.formatting.spreadsheets`): such text is never
    stored, so that no export could carry it."""
    errors = {}
    for field in fields:
        value = row.get(field.column_name)
        if is_formula(value):
            message = FORMULA % {"value": _shown(value), "sign": _sign(value)}
            errors[field.column_name] = [ValidationError(message, code="formula")]
    return errors


class StaffError(results.Error):
    """An error of an import as staff read it: a refusal in their language, anything
    else as one sentence; a traceback goes to the server's log, never to the page."""

    def __init__(self, error, row=None, number=None):
        if not isinstance(error, ImportRefused):
            logger.error("An import failed unexpectedly", exc_info=error)
            error = ImportRefused(UNEXPECTED)
        super().__init__(error, row=row, number=number)

    @property
    def traceback(self):
        return ""


class ComparedResource(resources.ModelResource):
    """Reports a row unchanged when every column reads as the record exports it.

    Its export writes no live formula (a text cell that would run is written as
    text, with a leading '); its import refuses a row holding one, and says of a
    number column that holds no number that it is not a number. A file without
    the columns that name its records is refused whole, and errors never show a
    traceback."""

    @classmethod
    def get_error_result_class(cls):
        return StaffError

    def import_data(self, dataset, dry_run=False, raise_errors=False, **kwargs):
        names = self._meta.import_id_fields
        missing = [self.fields[name].column_name for name in names]
        missing = [name for name in missing if name not in (dataset.headers or ())]
        if not missing:
            return super().import_data(dataset, dry_run, raise_errors, **kwargs)
        result = self.get_result_class()()
        result.diff_headers = self.get_diff_headers()
        result.total_rows = len(dataset)
        columns = ", ".join(f"“{name}”" for name in missing)
        refusal = ImportRefused(MISSING_COLUMNS, columns=columns)
        self.handle_import_error(result, refusal, raise_errors)
        return result

    def export_field(self, field, instance, **kwargs):
        return neutralise(super().export_field(field, instance, **kwargs))

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        # a formula's message replaces any other on its column ("not a number")
        errors.update(formula_errors(self.get_import_fields(), row))
        if errors:
            raise ValidationError(errors)

    def import_field(self, field, instance, row, is_m2m=False, **kwargs):
        try:
            super().import_field(field, instance, row, is_m2m, **kwargs)
        except (ValueError, ArithmeticError):
            if not isinstance(field.widget, widgets.NumberWidget):
                raise
            value = _shown(str(row.get(field.column_name)))
            raise ValueError(NOT_A_NUMBER % {"value": value}) from None

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
