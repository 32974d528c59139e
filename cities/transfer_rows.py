"""Rows as bulk import compares and refuses them: compared as a person reads them,
errors in the staff member's words, and no text a spreadsheet would run as a
formula, out or in."""

import logging

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy
from import_export import resources, results, widgets

from cities.transfer_fields import text
from cities.transfer_files import ImportRefused
from portal.formatting.spreadsheets import formula_sign, is_formula, neutralise

logger = logging.getLogger(__name__)

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
