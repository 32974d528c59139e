"""Bulk import and export of cities and exchanges (django-import-export), CSV and XLSX.

Rules the import keeps, whoever runs it:

- it never changes a record's publication state: status and publication time
  are not columns, and a new city starts as a draft;
- a non-publisher's change to a published city waits as a pending change, like
  an edit in its form (`rules.must_wait`, `pending.hold`); its figures,
  sources and exchanges change only by its publishers (`rules.locked_for`);
- a date is written as it is known: `2021-12-09`, `2018-08` or `1980`;
- each stage of the relationship has its date column, and its document and
  signatories a column each per language (`sister_document_en`); the
  relationship column names the latest dated stage (`cities.transfer_stages`);
- each figure may name one source (a URL); a new value with its source becomes
  the public one and the old value stays on record;
- an unchanged row is reported unchanged, so exporting and importing back
  changes nothing;
- no text a spreadsheet would run as a formula goes out or comes in: an export
  writes it as text, an import refuses its row (`cities.transfer_fields`);
- a file is read within limits, and refused with a message naming the one it
  passes (`cities.transfer_files`).
"""

from types import SimpleNamespace
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from import_export import fields

from cities.models import City, Country, Exchange, Fact, Source
from cities.models.facts import Figure
from cities.transfer_fields import (
    FIGURE_COLUMNS,
    CodeWidget,
    PartialDateField,
    SourceField,
    StageDateField,
    stage_text_fields,
    text,
)
from cities.transfer_rows import ComparedResource
from cities.transfer_stages import read_stages, save_stages
from portal.editorial import pending, qa_gate, rules
from portal.editorial.editions import language_name

STAGE_TEXT_FIELDS = stage_text_fields()

# The stages' texts as declared columns, like the dates: django-import-export takes a
# resource's columns from its class and its bases.
StageTextColumns = type(ComparedResource)(
    "StageTextColumns", (ComparedResource,), {"__module__": __name__, **STAGE_TEXT_FIELDS}
)


def _field_label(model, localized):
    """ "Title (English)" for `title_en`."""
    field = model._meta.get_field(localized)
    return _("%(field)s (%(language)s)") % {
        "field": capfirst(field.translated_field.verbose_name),
        "language": language_name(field.language),
    }


def refuse_qa_errors(record, owner):
    """A row that would publish a translation with a QA error is refused: an import
    takes no publisher's reason (`qa_gate.import_errors`)."""
    found = qa_gate.import_errors(record, owner)
    if found:
        raise ValidationError(
            [
                _(
                    "QA check, %(field)s: %(message)s An import takes no reason: correct "
                    "the translation, or save it in the admin with a publisher's reason."
                )
                % {"field": _field_label(type(record), name), "message": message}
                for name, messages in found.items()
                for message in messages
            ]
        )


class CityResource(StageTextColumns):
    country = fields.Field(
        attribute="country",
        column_name="country",
        widget=CodeWidget(
            Country, "iso_code", lambda: _("No country has the ISO code “%(value)s”.")
        ),
    )
    contact_on = StageDateField("contact")
    intent_on = StageDateField("intent")
    friendly_since = PartialDateField(
        "friendly_since", "friendly_since", "friendly_since_precision"
    )
    sister_since = PartialDateField("sister_since", "sister_since", "sister_since_precision")
    ended_on = StageDateField("ended")
    population_source = SourceField(Figure.POPULATION)
    area_km2_source = SourceField(Figure.AREA)
    winter_low_c_source = SourceField(Figure.WINTER_LOW)
    summer_high_c_source = SourceField(Figure.SUMMER_HIGH)
    precipitation_mm_source = SourceField(Figure.PRECIPITATION)

    class Meta:
        model = City
        import_id_fields = ("slug",)
        fields = (
            "slug",
            "name_en",
            "name_zh_hans",
            "country",
            "relationship",
            "contact_on",
            "intent_on",
            "friendly_since",
            "sister_since",
            "ended_on",
            *STAGE_TEXT_FIELDS,
            "ordinal",
            "population",
            "population_is_approximate",
            "population_source",
            "area_km2",
            "area_km2_source",
            "winter_low_c",
            "winter_low_c_source",
            "summer_high_c",
            "summer_high_c_source",
            "precipitation_mm",
            "precipitation_mm_source",
            "latitude",
            "longitude",
        )
        export_order = fields
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def get_queryset(self):
        return City.objects.partners().select_related("country").prefetch_related("stages")

    def import_instance(self, instance, row, **kwargs):
        """The city's columns, then its stages' (kept on the instance until it is saved)."""
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        fields = self.get_import_fields()
        instance.imported_stages, stage_errors = read_stages(
            fields, instance, row, kwargs.get("user")
        )
        errors.update(stage_errors)
        if errors:
            raise ValidationError(errors)

    def before_save_instance(self, instance, row, **kwargs):
        user = kwargs.get("user")
        self._held = False
        if instance.pk is None:
            instance.is_home = False
            instance.created_by = user if user and user.pk else None
            instance.original_language = instance.original_language or "en"
        elif user is not None and rules.must_wait(user, instance):
            saved = City.objects.get(pk=instance.pk)
            changed = [
                name
                for name in self.changed_attributes()
                if getattr(saved, name) != getattr(instance, name)
            ]
            if changed:
                pending.hold(instance, SimpleNamespace(changed_data=changed, cleaned_data={}), user)
            self._held = True
        if not self._held:
            refuse_qa_errors(instance, instance)

    def changed_attributes(self):
        names = []
        for field in self.get_import_fields():
            if field.attribute:
                names.append(field.attribute)
            if isinstance(field, PartialDateField):
                names.append(field.precision_attribute)
        return names

    def do_instance_save(self, instance, is_create):
        if not getattr(self, "_held", False):
            super().do_instance_save(instance, is_create)

    def after_save_instance(self, instance, row, **kwargs):
        if getattr(self, "_held", False) or instance.pk is None:
            return
        if kwargs.get("dry_run") and not self._is_using_transactions(kwargs):
            return
        for figure, column in FIGURE_COLUMNS.items():
            url = text(row.get(f"{column}_source"))
            if url and getattr(instance, column) is not None:
                self.record_figure(instance, figure, column, url)
        save_stages(instance, getattr(instance, "imported_stages", {}))

    def record_figure(self, city, figure, column, url):
        source = Source.objects.filter(url=url).order_by("pk").first()
        if source is None:
            source = Source(url=url, publisher_en=urlsplit(url).hostname or url)
            source.full_clean()
            source.save()
        value = getattr(city, column)
        current = city.facts.filter(figure=figure, is_public=True).first()
        if current is not None and current.matches(city):
            current.sources.add(source)
            return
        if current is not None:
            current.is_public = False  # kept on record as an alternative
            current.save(update_fields=["is_public"])
        fact = Fact(city=city, figure=figure, number=value, is_public=True)
        if figure == Figure.POPULATION:
            fact.approximate = city.population_is_approximate
        fact.save()
        fact.sources.add(source)


class ExchangeResource(ComparedResource):
    city = fields.Field(
        attribute="city",
        column_name="city",
        widget=CodeWidget(City, "slug", lambda: _("No city has the address “%(value)s”.")),
    )
    date = PartialDateField("date", "date", "precision")
    article = fields.Field(
        attribute="article",
        column_name="article",
        widget=CodeWidget(
            City._meta.get_field("articles").related_model,
            "slug",
            lambda: _("No article has the address “%(value)s”."),
        ),
    )

    class Meta:
        model = Exchange
        fields = (
            "id",
            "city",
            "date",
            "kind",
            "title_en",
            "title_zh_hans",
            "description_en",
            "description_zh_hans",
            "article",
        )
        export_order = fields
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def get_queryset(self):
        return Exchange.objects.select_related("city", "article")

    def before_save_instance(self, instance, row, **kwargs):
        user = kwargs.get("user")
        cities = [instance.city]
        if instance.pk is not None:
            cities.append(Exchange.objects.get(pk=instance.pk).city)
        if user is not None and any(rules.locked_for(user, city) for city in cities):
            raise ValidationError(
                _("This city is published: a publisher adds and changes its exchanges.")
            )
        refuse_qa_errors(instance, instance.city)
        if instance.pk is None:
            instance.original_language = instance.original_language or "en"
