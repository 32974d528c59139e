"""JSON-LD for search engines: a `<script type="application/ld+json">` data block.

A data block is never executed, so the Content-Security-Policy (no inline
script) does not apply to it; its text is escaped like `json_script`'s, so no
value can close the element early.
"""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

# As django.utils.html.json_script escapes them.
_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def ld_json(data):
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
