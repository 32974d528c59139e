"""Back-office pages beyond the changelists."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from portal.editorial import analysis, rules
from portal.editorial.editions import language_name
from portal.editorial.pending_admin import HELD_BACK, NOTHING_PROPOSED
from portal.editorial.qa import has_errors
from portal.editorial.qa_gate import REASON_LENGTH, reason_text
from portal.editorial.rules import can_use_translation_queue
from portal.editorial.translation_queue import has_work, next_to_do, queue, translatable_models
from portal.editorial.workbench import build_units, save_units
from portal.formatting.i18n import LANGUAGE_CODES, LANGUAGE_LABELS

NEEDS_REASON_TO_SAVE = gettext_lazy(
    "The QA checks found errors in a translation this saves as published: to save it all "
    "the same, write why (at most %(limit)d characters; kept in the version history). "
    "Nothing was saved."
)

# The oldest this many: a translator works from the top, and the rest follow. Each
# item shows what changed in its original, word by word: 50 of them are about 30 ms
# of rendering, 100 twice that.
QUEUE_PAGE = 50


def translation_queue(request):
    """What needs translating into a language: missing first-hand, or stale, oldest first."""
    if not can_use_translation_queue(request.user, translatable_models()):
        raise PermissionDenied
    language = request.GET.get("language")
    if language not in LANGUAGE_CODES:
        # Opened from the menu: the first language with work waiting, not a fixed one.
        waiting = (code for code in LANGUAGE_CODES if has_work(code))
        language = next(waiting, LANGUAGE_CODES[-1])
    items = queue(language, limit=QUEUE_PAGE + 1)
    context = {
        **admin.site.each_context(request),
        "title": _("Translation queue"),
        "language": language,
        "language_name": language_name(language),
        "languages": [(code, LANGUAGE_LABELS[code]) for code in LANGUAGE_CODES],
        "items": items[:QUEUE_PAGE],
        "more": len(items) > QUEUE_PAGE,
        "legend": analysis.legend(),
    }
    return TemplateResponse(request, "admin/translation_queue.html", context)


def _model(label):
    """The translatable model named "app.model", or 404."""
    for model in translatable_models():
        if model._meta.label_lower == label.lower():
            return model
    raise Http404


def workbench_url(record, language):
    return reverse("translation_workbench", args=[record._meta.label_lower, record.pk, language])


def workbench(request, model_label, pk, language):
    """One record's translation into `language`, field by field beside the original,
    with its parts (a city's exchanges and photos) under it."""
    model = _model(model_label)
    if language not in LANGUAGE_CODES:
        raise Http404
    if not rules.can_translate(request.user, model):
        raise PermissionDenied
    record = get_object_or_404(model, pk=pk)
    if record.original_language == language:
        other = next(code for code in LANGUAGE_CODES if code != language)
        messages.info(
            request,
            _("This record was written in %(language)s: its translation is into %(other)s.")
            % {"language": LANGUAGE_LABELS[language], "other": LANGUAGE_LABELS[other]},
        )
        return redirect(workbench_url(record, other))
    data = request.POST if request.method == "POST" else None
    units = build_units(record, language, request.user, data)
    reason_needed = False
    if data is not None:
        reason = reason_text(data.get("qa_reason"))
        outcome = save_units(units, request.user, LANGUAGE_LABELS[language], reason)
        if outcome is not None and outcome.needs_reason:
            # The page again, with what was typed: nothing is lost.
            reason_needed = True
            messages.error(request, NEEDS_REASON_TO_SAVE % {"limit": REASON_LENGTH})
        elif outcome is not None:
            _report(request, outcome)
            _report_qa(request, units)
            if "_next" in data:
                return _go_to_next(request, record, language)
            return redirect(workbench_url(record, language))
        else:
            messages.error(request, _("Nothing was saved: please correct the errors below."))
    media = forms.Media()
    for unit in units:
        media += unit.form.media
    context = {
        **admin.site.each_context(request),
        "title": _("Translate: %(record)s") % {"record": record},
        "record": record,
        "opts": model._meta,
        "language": language,
        "language_label": LANGUAGE_LABELS[language],
        "original_label": LANGUAGE_LABELS[record.original_language],
        "units": units,
        "media": media,
        "reason_needed": reason_needed,
        "reason_limit": REASON_LENGTH,
        "change_url": reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[record.pk]
        ),
        "queue_url": f"{reverse('translation_queue')}?language={language}",
    }
    return TemplateResponse(request, "admin/translation_workbench.html", context)


def _go_to_next(request, record, language):
    """After "Save and go to the next": the next record with something left to do
    (`next_to_do`), else the queue, saying why there is none."""
    following = next_to_do(language, record)
    if following is not None:
        return redirect(workbench_url(following, language))
    if next_to_do(language, None) is not None:
        messages.info(request, _("No other record is left to translate: only this one."))
        return redirect(workbench_url(record, language))
    if queue(language, limit=1):
        messages.info(
            request,
            _("Nothing left to translate: the records in the queue await a publisher's approval."),
        )
    else:
        messages.info(request, _("The queue is empty: every record is translated."))
    return redirect(f"{reverse('translation_queue')}?language={language}")


def _report(request, outcome):
    if outcome.saved:
        messages.success(
            request,
            ngettext(
                "Saved: %(count)d record has a new version.",
                "Saved: %(count)d records have a new version.",
                len(outcome.saved),
            )
            % {"count": len(outcome.saved)},
        )
    if outcome.held:
        messages.info(request, HELD_BACK)
    if outcome.withdrawn:
        messages.info(request, NOTHING_PROPOSED)
    if not outcome.saved and not outcome.held and not outcome.withdrawn:
        messages.info(request, _("Nothing had changed; nothing was saved."))


def _report_qa(request, units):
    """On save: the QA errors the saved translation still has (shown by each field)."""
    count = sum(has_errors(row.findings) for unit in units for row in unit.rows)
    if count:
        messages.warning(
            request,
            ngettext(
                "The QA checks found errors in %(count)d field: see the field marked.",
                "The QA checks found errors in %(count)d fields: see the fields marked.",
                count,
            )
            % {"count": count},
        )
