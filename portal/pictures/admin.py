"""The admin inline for pictures, with the alt-text rule for publication."""

from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from portal.editorial.admin import TranslatableStackedInline
from portal.editorial.models import Status
from portal.formatting.i18n import LANGUAGE_LABELS
from portal.pictures.fields import PictureField, PictureWidget

ALT_NEEDED = _(
    "Publication needs alt text in %(language)s: describe what the picture shows "
    "for visitors who cannot see it."
)


class PictureFormSet(BaseInlineFormSet):
    """A record that is to be published (now or on schedule) needs every picture's
    alt text in both languages; until then the form says which is missing."""

    def clean(self):
        super().clean()
        if getattr(self.instance, "status", None) != Status.PUBLISHED:
            return
        for form in self.forms:
            if not form.has_changed() and form.instance.pk is None:
                continue  # an empty extra form
            if self.can_delete and self._should_delete_form(form):
                continue
            if not form.cleaned_data:
                continue
            picture = form.instance
            for code in picture.missing_alt_languages():
                field = build_localized_fieldname("alt", code)
                message = ALT_NEEDED % {"language": LANGUAGE_LABELS[code]}
                if field in form.fields:
                    form.add_error(field, message)
                else:  # read-only for this user: say it on the form
                    form.add_error(None, message)


class PictureInline(TranslatableStackedInline):
    formset = PictureFormSet
    # The admin would give every file field its own widget; ours shows the
    # picture's rendition, never a link to the original.
    formfield_overrides = {PictureField: {"widget": PictureWidget}}
    extra = 0
    fields = ("image", "alt", "caption", "credit")
