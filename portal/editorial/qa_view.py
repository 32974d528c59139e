"""The QA checks as the workbench runs them while a translator types: one field's
text in, its findings (`portal.editorial.qa`) out as JSON.

The original is read from the record, never taken from the request; who may
translate the record's kind may ask (`rules.can_translate`, as for the workbench).
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from modeltranslation.utils import build_localized_fieldname

from portal.editorial import rules
from portal.editorial.glossary import Glossary
from portal.editorial.matrix import kinds, owner_field
from portal.editorial.qa import run_checks
from portal.editorial.translation_state import text_fields
from portal.editorial.xliff import original_language
from portal.formatting.i18n import LANGUAGE_CODES

# A field longer than any article the office has written (the database has no limit).
MAX_TEXT = 200_000


class CheckForm(forms.Form):
    model = forms.ChoiceField(choices=())
    pk = forms.IntegerField(min_value=1)
    field = forms.CharField(max_length=100)
    language = forms.ChoiceField(choices=[(code, code) for code in LANGUAGE_CODES])
    text = forms.CharField(max_length=MAX_TEXT, required=False, strip=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.models = {model._meta.label_lower: model for model in kinds()}
        self.fields["model"].choices = [(label, label) for label in self.models]

    def clean(self):
        data = super().clean()
        model = self.models.get(data.get("model"))
        if model is not None and data.get("field") not in text_fields(model):
            self.add_error("field", _("Not a translated field of this kind of record."))
        return data


@require_POST
def qa_check(request):
    form = CheckForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    data = form.cleaned_data
    model = form.models[data["model"]]
    if not rules.can_translate(request.user, model):
        raise PermissionDenied
    record = model._default_manager.filter(pk=data["pk"]).first()
    if record is None:
        raise Http404
    source_language = original_language(record, owner_field(model))
    if data["language"] == source_language:
        errors = {"language": [_("The record was written in this language.")]}
        return JsonResponse({"errors": errors}, status=400)
    source = getattr(record, build_localized_fieldname(data["field"], source_language)) or ""
    languages = (source_language, data["language"])
    # As the workbench shows them: lacking names have their own warning there.
    findings = run_checks(source, data["text"], *languages, Glossary(), lacking=False)
    return JsonResponse({"findings": [finding.as_dict() for finding in findings]})
