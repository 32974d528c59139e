"""Quality checks of a translation against its original, as a CAT tool runs them.

`run_checks` compares one field: its figures and dates (`figures`, errors when
one is missing or different), official names (`names`), inline tags, links and
URLs (`markup`), punctuation width, stray spaces and untranslated copies
(`typography`, warnings). Source and target are cut into sentences
(`portal.formatting.segments`) and paired by position when both have as many
and their lengths are plausible pairs; otherwise the whole field is compared, and
a finding names no sentence. A text longer than MAX_LENGTH is not checked (one
warning), so that a check stays well under a second.

Pure functions of their arguments: the workbench, the publisher's review of a
pending change, the change form (`qa_admin`) and the XLIFF import all call
`run_checks`; whether an error needs a publisher's reason is `qa_gate`'s to say.
"""

import dataclasses
import re

from django.utils.translation import gettext as _

from portal.editorial.qa.figures import check_dates, check_numbers
from portal.editorial.qa.finding import ERROR, WARNING, Finding
from portal.editorial.qa.markup import check_markup
from portal.editorial.qa.names import check_names
from portal.editorial.qa.typography import check_copy, check_ends, check_punctuation, check_spaces
from portal.formatting.richtext import plain_text
from portal.formatting.segments import sentences

__all__ = ["ERROR", "WARNING", "Finding", "has_errors", "run_checks"]

# Where a block of rich text ends, a sentence ends too ("…signed.</p><p>The…").
# Beyond this many characters a text is not checked as it is typed: one warning says so.
MAX_LENGTH = 30_000
# A pair of sentences is plausible if its length ratio is within BAND times (either
# way) the whole field's; SLACK characters keep short sentences from swinging it.
BAND, SLACK = 2, 5
_BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|blockquote|ul|ol)>|<br\s*/?>", re.IGNORECASE)


def run_checks(source, target, source_language, target_language, glossary=None, lacking=True):
    """`[Finding]` for the translation `target` (into `target_language`) of `source`;
    HTML or plain text. Nothing while there is no translation (that is "missing").
    Official names are checked against `glossary` if given; `lacking=False` leaves
    out the required ones a translation lacks, for a page that shows them already."""
    if not (target or "").strip() or not (source or "").strip():
        return []
    if max(len(source), len(target)) > MAX_LENGTH:
        return [Finding("length", WARNING, _("The text is too long to check here."), "")]
    findings = check_markup(source, target)
    source_text, target_text = _plain(source), _plain(target)
    findings += check_ends(source_text, target_text)
    source_segments = sentences(source_text, source_language)
    target_segments = sentences(target_text, target_language)
    if _paired(source_segments, target_segments):
        pairs = list(enumerate(zip(source_segments, target_segments, strict=True)))
    else:
        pairs = [(None, (source_text, target_text))]
    for index, (source_segment, target_segment) in pairs:
        languages = (source_language, target_language)
        found = _segment_checks(source_segment, target_segment, languages, glossary, lacking)
        findings += [dataclasses.replace(finding, segment=index) for finding in found]
    return findings


def _paired(source_segments, target_segments):
    """Sentences pair by position if both texts have as many and each pair's length
    ratio is near the whole text's: a sentence split in two (at a ；) and two joined
    elsewhere leave the counts equal but every pair between them shifted."""
    if not len(source_segments) == len(target_segments) > 1:
        return False
    whole = _ratio("".join(source_segments), "".join(target_segments))
    return all(
        whole / BAND <= _ratio(source, target) <= whole * BAND
        for source, target in zip(source_segments, target_segments, strict=True)
    )


def _ratio(source, target):
    return (len(target.strip()) + SLACK) / (len(source.strip()) + SLACK)


def _segment_checks(source, target, languages, glossary, lacking):
    target_language = languages[1]
    findings = check_numbers(source, target) + check_dates(source, target)
    if glossary is not None:
        findings += check_names(source, target, languages, glossary, lacking)
    findings += check_punctuation(target.strip(), target_language)
    findings += check_spaces(target.strip(), target_language)
    return findings + check_copy(source, target)


def _plain(text):
    return plain_text(_BLOCK_END.sub(lambda match: match.group() + "\n", text))


def has_errors(findings):
    return any(finding.is_error for finding in findings)
