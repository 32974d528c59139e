"""Show what changed between two texts: Chinese by character, other text by word."""

import difflib
import functools
import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from portal.formatting.scripts import CJK

TOKEN = re.compile(rf"[{CJK}]|[^\W{CJK}]+|\s+|[^\w\s]")


@functools.lru_cache(maxsize=1024)
def word_diff(old, new):
    """`(old, new)` as HTML, escaped, with removed text in <del> and added text in <ins>.

    Cached per pair (the result is immutable): the translation queue shows the same
    stale fields to every translator until they are translated, 50 a page."""
    old_tokens, new_tokens = TOKEN.findall(old), TOKEN.findall(new)
    before, after = [], []
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        removed, added = escape("".join(old_tokens[a1:a2])), escape("".join(new_tokens[b1:b2]))
        if op == "equal":
            before.append(removed)
            after.append(added)
            continue
        if removed:
            before.append(f"<del>{removed}</del>")
        if added:
            after.append(f"<ins>{added}</ins>")
    return mark_safe("".join(before)), mark_safe("".join(after))


def inline_diff(old, new):
    """One HTML text, escaped, from `old` to `new`: what `new` lacks of `old` in <del>,
    what it adds in <ins> (a memory match against the text being translated)."""
    old_tokens, new_tokens = TOKEN.findall(old), TOKEN.findall(new)
    out = []
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        removed, added = escape("".join(old_tokens[a1:a2])), escape("".join(new_tokens[b1:b2]))
        if op == "equal":
            out.append(added)
            continue
        if removed:
            out.append(f"<del>{removed}</del>")
        if added:
            out.append(f"<ins>{added}</ins>")
    return mark_safe("".join(out))
