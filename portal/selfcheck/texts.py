"""What published text says: 严重表述错误 (an official name rendered other than the
glossary's way), 标点符号 (ASCII punctuation in Chinese) and 双语版本 (an edition
missing in a language)."""

import re

from django.conf import settings
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from portal.editorial import translation_state
from portal.editorial.glossary import Glossary, record_warnings
from portal.editorial.models import Edition
from portal.formatting.i18n import LANGUAGE_CODES, LANGUAGE_LABELS
from portal.formatting.richtext import plain_text
from portal.selfcheck.base import (
    Failure,
    Result,
    add,
    address_fields,
    admin_url,
    content_models,
    public_url,
)

CJK = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
# A CJK character, an ASCII , : ; ( ) ? ! and a CJK character or the end of the text,
# spaces allowed either side: "巴基斯坦, 信德省", "签署意向书: ".
ASCII_PUNCTUATION = re.compile(rf"{CJK} ?[,:;()?!] ?(?:{CJK}|$)", re.MULTILINE)
# Where a block of rich text ends: a line ends there too (so that "签署意向书: " at the
# end of a paragraph counts as the end of a text).
BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|div|blockquote|td|th)>|<br\s*/?>", re.IGNORECASE)
EXCERPT = 12  # characters either side of the mark


def _records(model, queryset, fields):
    """The published records of `model` with only `fields` (every language) loaded."""
    names = [build_localized_fieldname(name, code) for name in fields for code in LANGUAGE_CODES]
    limit = settings.SELF_CHECK_MAX_RECORDS
    return (
        queryset.order_by("pk")
        .only(*address_fields(model), *names)[:limit]
        .iterator(chunk_size=200)
    )


def glossary_findings(record, glossary):
    """`[(language, field, detail)]`: the official names `record`'s published text
    renders other than the glossary's way. The one place the self-check asks the
    glossary, so that a stricter check (stored findings, forbidden renderings) needs
    a change here only."""
    return [
        (language, field, _("lacks %(names)s") % {"names": "、".join(lacking)})
        for language, field, lacking in record_warnings(record, glossary)
    ]


def glossary_errors():
    result = Result(
        _("严重表述错误 (official names)"),
        _("Every official name in published text is rendered as the glossary gives it."),
    )
    glossary = Glossary()
    if not glossary.terms:
        result.note = _("The glossary holds no official names yet.")
        return result
    for model, queryset in content_models():
        fields = translation_state.text_fields(model)
        for record in _records(model, queryset, fields):
            for language, field, detail in glossary_findings(record, glossary):
                label = f"{record} · {model._meta.get_field(field).verbose_name}"
                add(result, Failure(label, public_url(record, language), admin_url(record), detail))
    return result


def ascii_punctuation():
    chinese = [code for code in LANGUAGE_CODES if code.startswith("zh")]
    result = Result(
        _("标点符号 (punctuation)"),
        _("No ASCII , : ; ( ) ? ! between Chinese characters in published Chinese text."),
    )
    for model, queryset in content_models():
        fields = translation_state.text_fields(model)
        for record in _records(model, queryset, fields):
            for language in chinese:
                for field in fields:
                    text = _lines(getattr(record, build_localized_fieldname(field, language)))
                    match = ASCII_PUNCTUATION.search(text or "")
                    if match is None:
                        continue
                    label = f"{record} · {model._meta.get_field(field).verbose_name}"
                    excerpt = _excerpt(text, match)
                    failure = Failure(
                        label, public_url(record, language), admin_url(record), excerpt
                    )
                    add(result, failure)
    return result


def _lines(value):
    return plain_text(BLOCK_END.sub("\n", value or ""))


def _excerpt(text, match):
    start, end = max(match.start() - EXCERPT, 0), match.end() + EXCERPT
    return (
        ("…" if start else "")
        + text[start:end].replace("\n", " ")
        + ("…" if end < len(text) else "")
    )


def bilingual_editions():
    result = Result(
        _("双语版本 (both languages)"),
        _("Every published page is complete in every language."),
    )
    for model, queryset in content_models():
        for record in _records(model, queryset, _name_fields(model)):
            for language in LANGUAGE_CODES:
                edition = record.edition(language)
                if edition == Edition.COMPLETE:
                    continue
                state = record.translation_states.get(translation_state.suffix(language), "")
                detail = _("%(language)s: %(edition)s (%(state)s)") % {
                    "language": LANGUAGE_LABELS[language],
                    "edition": edition.label,
                    "state": state,
                }
                add(
                    result,
                    Failure(str(record), public_url(record, language), admin_url(record), detail),
                )
    return result


def _name_fields(model):
    """The translated field a record's name is made of, when it has one."""
    return [name for name in ("title", "name") if name in translation_state.text_fields(model)][:1]
