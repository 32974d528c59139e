"""Mark the query's words in text shown on the results page, safely escaped."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.formatting.richtext import plain_text

SNIPPET_LENGTH = 160


def _pattern(words):
    words = sorted({word for word in words if word}, key=len, reverse=True)
    if not words:
        return None
    return re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)


def highlight(text, words):
    """`text` escaped, with each occurrence of a query word in <mark>."""
    pattern = _pattern(words)
    if pattern is None:
        return escape(text)
    out, last = [], 0
    for found in pattern.finditer(text):
        out.append(escape(text[last : found.start()]))
        out.append(f"<mark>{escape(found.group())}</mark>")
        last = found.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


def snippet(html, words, length=SNIPPET_LENGTH):
    """A passage of `html`'s text around the first match, highlighted."""
    text = " ".join(plain_text(html).split())
    pattern = _pattern(words)
    found = pattern.search(text) if pattern else None
    start = 0 if found is None else max(0, found.start() - length // 3)
    passage = text[start : start + length]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + length < len(text) else ""
    return mark_safe(prefix + highlight(passage, words) + suffix)
