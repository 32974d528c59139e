"""The abstract picture that city photos and article lead images share."""

from django.apps import apps
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from portal.editorial.glossary import forbidden_errors
from portal.formatting.i18n import LANGUAGE_CODES
from portal.pictures.fields import PictureField
from portal.pictures.ingest import ingest
from portal.pictures.renditions import (
    FALLBACK_WIDTH,
    delete_files,
    make_renditions,
    rendition_name,
    rendition_names,
)
from portal.pictures.storage import renditions_storage


class Picture(models.Model):
    """An image with its renditions, alt text, caption and credit.

    Register `alt`, `caption` and `credit` for translation on each concrete
    model. Saving a new file makes its renditions; replacing or deleting it
    removes the old files once the transaction commits.
    """

    image = PictureField(
        _("image"),
        help_text=_("A JPEG, PNG or WebP photo, at most 20 MB and 50 megapixels."),
    )
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    rendition_widths = models.JSONField(_("rendition widths"), editable=False, default=list)
    alt = models.CharField(
        _("alt text"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the picture shows, for those who cannot see it. Needed in both "
            "languages before publication."
        ),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(
        _("credit"), max_length=200, blank=True, help_text=_("Photographer or source.")
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        replaced = None
        if self.image and not self.image._committed:
            replaced = self._stored_files()
            self._store_upload()
        super().save(*args, **kwargs)
        if replaced and replaced[0] != self.image.name:
            transaction.on_commit(lambda: delete_files(*replaced))

    def clean(self):
        super().clean()
        # An official name's forbidden rendering is refused in alt text and captions too.
        forbidden_errors(self)

    def _stored_files(self):
        if self.pk is None:
            return None
        stored = type(self).objects.filter(pk=self.pk).values("image", "rendition_widths").first()
        return (stored["image"], stored["rendition_widths"]) if stored else None

    def _store_upload(self):
        """Write the cleaned original and its renditions."""
        content = self.image.file
        clean = getattr(content, "clean_image", None)
        if clean is None:  # set in code, not through a form: verify it all the same
            clean = ingest(content)
            content = clean.encode()
        self.image.save(content.name, content, save=False)
        self.width, self.height = clean.width, clean.height
        self.rendition_widths = make_renditions(clean.image, self.image.name)

    # --- What templates use -------------------------------------------------------

    def rendition_url(self, width, extension):
        return renditions_storage().url(rendition_name(self.image.name, width, extension))

    def srcset(self, extension):
        return ", ".join(
            f"{self.rendition_url(width, extension)} {width}w" for width in self.rendition_widths
        )

    @property
    def fallback_width(self):
        fitting = [width for width in self.rendition_widths if width <= FALLBACK_WIDTH]
        return fitting[-1] if fitting else self.rendition_widths[0]

    @property
    def largest_width(self):
        return self.rendition_widths[-1]

    @property
    def largest_height(self):
        return round(self.height * self.largest_width / self.width)

    def missing_alt_languages(self):
        """The languages whose alt text is still empty."""
        return [
            code
            for code in LANGUAGE_CODES
            if not (getattr(self, build_localized_fieldname("alt", code)) or "").strip()
        ]


def _remove_files(sender, instance, **kwargs):
    """A deleted picture (itself or through its city or article) takes its files along."""
    files = (instance.image.name, list(instance.rendition_widths))
    transaction.on_commit(lambda: delete_files(*files))


def watch_deletions():
    """Connect `_remove_files` to every concrete picture model (from AppConfig.ready)."""
    for model in apps.get_models():
        if issubclass(model, Picture):
            post_delete.connect(_remove_files, sender=model, dispatch_uid=f"pictures-{model}")


def referenced_files():
    """The originals and renditions of every stored picture."""
    originals_in_use, renditions_in_use = set(), set()
    for model in apps.get_models():
        if not issubclass(model, Picture):
            continue
        for name, widths in model.objects.values_list("image", "rendition_widths").iterator():
            originals_in_use.add(name)
            renditions_in_use.update(rendition_names(name, widths))
    return originals_in_use, renditions_in_use
