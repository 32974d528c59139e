"""Bulk import and export in the admin (django-import-export), for cities and
exchanges: files read within bounds (`cities.transfer_files`), every refusal a
message on the file field in the staff member's language, never a traceback."""

from django.core.exceptions import ValidationError
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ImportForm

from cities import transfer_files


class BoundedImportForm(ImportForm):
    """Refuses a file over `MAX_FILE_BYTES` before it is read."""

    def clean_import_file(self):
        upload = self.cleaned_data["import_file"]
        try:
            transfer_files.check_size(upload.size)
        except transfer_files.ImportRefused as refusal:
            raise ValidationError(refusal.message, code="too_large") from None
        return upload


class TransferAdminMixin(ImportExportMixin):
    # Exports are django-import-export's own formats (their type decides that an
    # XLSX keeps numbers as numbers); the resources write no live formula.
    formats = [CSV, XLSX]
    import_formats = [transfer_files.CSV, transfer_files.XLSX]
    import_form_class = BoundedImportForm

    def add_data_read_fail_error_to_form(self, form, e):
        file_format = self.get_import_formats()[int(form.cleaned_data["format"])]()
        form.add_error("import_file", transfer_files.read_failure(e, file_format))
