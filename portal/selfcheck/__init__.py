"""The site's self-check against the government-website inspection indicators
(政府网站与政务新媒体检查指标, 国办秘函〔2019〕19号): the ones software can measure.

Each indicator is a function returning a `base.Result`: its name as the inspection
calls it, its threshold, and the pages failing it, each with its public address and
the back-office page that fixes it. `/admin/self-check/` shows them to publishers,
and `manage.py selfcheck` prints them for a daily timer (exit status 1 on a failure).
Nothing here changes content: a gap is listed, never hidden.

This package belongs to the top layer: it reads every app.
"""

from portal.selfcheck import links, records, sections, texts


def indicators(network=False):
    """The indicators in the order an inspection reads them, as (key, function)."""
    return [
        ("blank", sections.blank_sections),
        ("stale", sections.stale_sections),
        ("links", lambda: links.broken_links(network=network)),
        ("identity", records.identity_items),
        ("glossary", texts.glossary_errors),
        ("punctuation", texts.ascii_punctuation),
        ("alt", records.missing_alt_text),
        ("bilingual", texts.bilingual_editions),
        ("reports", records.unanswered_reports),
    ]


def run(network=False, only=None):
    """Every indicator's result (or those whose key is in `only`)."""
    return [check() for key, check in indicators(network) if only is None or key in only]
