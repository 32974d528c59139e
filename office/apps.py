from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficeConfig(AppConfig):
    name = "office"
    verbose_name = _("The office")

    def ready(self):
        from django.db.models.signals import post_delete

        from office.models import GuideForm, delete_form_file

        post_delete.connect(delete_form_file, sender=GuideForm, dispatch_uid="office-form-file")
