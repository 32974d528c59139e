"""Punctuation of the wrong width, stray spaces and untranslated copies: warnings.

Chinese takes full-width punctuation (，。：；！？), English ASCII; a period or
comma in ASCII between Chinese characters, or a full-width one in English text
(other than around a Chinese name quoted in it), is a slip of the input method.
"""

import re

from django.utils.translation import gettext as _

from portal.editorial.qa.finding import WARNING, Finding
from portal.formatting.scripts import CJK, written_without_spaces

ASCII_IN_CHINESE = re.compile(rf"(?<=[{CJK}])[,.;:!?\"](?=[{CJK}]|\s*$)")
FULL_WIDTH = "，。！？；：、（）【】《》「」『』\uff01-\uff5e"
FULL_WIDTH_IN_ENGLISH = re.compile(rf"(?<![{CJK}{FULL_WIDTH}])[{FULL_WIDTH}](?![{CJK}])")
DOUBLED = re.compile(r"\S?[ \u3000\u00a0]{2,}\S?")
BEFORE_PUNCTUATION = re.compile(r"\S?[ \u00a0]+[,.;:!?)](?!\w)")
AROUND_CHINESE = re.compile(rf"[{CJK}，。！？；：、][ \u00a0]+[{CJK}，。！？；：、]")


def _context(text, match):
    return text[max(0, match.start() - 4) : match.end() + 4].strip()


def check_punctuation(target, language):
    if written_without_spaces(language):
        pattern = ASCII_IN_CHINESE
        message = _("ASCII punctuation “%(mark)s” in Chinese text: use the full-width form.")
    else:
        pattern = FULL_WIDTH_IN_ENGLISH
        message = _("Full-width punctuation “%(mark)s” in English text: use the ASCII form.")
    return [
        Finding("punctuation", WARNING, message % {"mark": match.group()}, _context(target, match))
        for match in pattern.finditer(target)
    ]


def check_spaces(target, language):
    findings = [
        Finding("spaces", WARNING, _("Doubled space."), match.group())
        for match in DOUBLED.finditer(target.strip())
    ]
    pattern = AROUND_CHINESE if written_without_spaces(language) else BEFORE_PUNCTUATION
    findings += [
        Finding("spaces", WARNING, _("Stray space."), match.group())
        for match in pattern.finditer(target)
    ]
    return findings


def check_ends(source, target):
    """Leading or trailing spaces of the whole field that the original has not."""
    findings = []
    if target.lstrip() != target and source.lstrip() == source:
        findings.append(Finding("spaces", WARNING, _("Stray space at the start."), target[:20]))
    if target.rstrip() != target and source.rstrip() == source:
        findings.append(Finding("spaces", WARNING, _("Stray space at the end."), target[-20:]))
    return findings


def check_copy(source, target):
    """A translation identical to its original (a sentence left untranslated)."""
    if source.strip() == target.strip() and re.search(rf"[A-Za-z{CJK}]{{2}}", source):
        return [
            Finding(
                "copy", WARNING, _("Identical to the original: not translated?"), target.strip()
            )
        ]
    return []
