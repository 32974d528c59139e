"""Back-office pages beyond the changelists."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from portal.editorial.rules import can_use_translation_queue
from portal.editorial.translation_queue import queue, translatable_models
from portal.formatting.i18n import LANGUAGE_CODES, LANGUAGE_LABELS

# The oldest this many: a translator works from the top, and the rest follow.
QUEUE_PAGE = 100


def translation_queue(request):
    """What needs translating into a language: missing first-hand, or stale, oldest first."""
    if not can_use_translation_queue(request.user, translatable_models()):
        raise PermissionDenied
    language = request.GET.get("language")
    if language not in LANGUAGE_CODES:
        language = "en"
    items = queue(language, limit=QUEUE_PAGE + 1)
    context = {
        **admin.site.each_context(request),
        "title": _("Translation queue"),
        "language": language,
        "languages": [(code, LANGUAGE_LABELS[code]) for code in LANGUAGE_CODES],
        "items": items[:QUEUE_PAGE],
        "more": len(items) > QUEUE_PAGE,
    }
    return TemplateResponse(request, "admin/translation_queue.html", context)
