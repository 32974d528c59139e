from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficeConfig(AppConfig):
    name = "office"
    verbose_name = _("The office")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from office.models import (
            GuideForm,
            ReportRow,
            delete_form_file,
            refresh_guide_states,
            refresh_report_states,
        )

        post_delete.connect(delete_form_file, sender=GuideForm, dispatch_uid="office-form-file")
        for signal in (post_save, post_delete):
            signal.connect(refresh_report_states, sender=ReportRow, dispatch_uid="office-report")
            signal.connect(refresh_guide_states, sender=GuideForm, dispatch_uid="office-guide")
