"""The message catalogs are complete: every interface text has its Chinese, and the
compiled catalogs are current (a fresh clone needs no gettext to run)."""

import gettext
import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[1] / "locale"
ENTRY = re.compile(
    r'(?P<flags>(?:^#,.*\n)?)(?:^#\|.*\n)*(?:^msgctxt "(?P<context>.*)"\n)?'
    r'^msgid (?P<id>"(?:.*)"(?:\n".*")*)\n'
    r'(?P<plural>^msgid_plural .*\n(?:".*"\n)*)?'
    r'(?P<strs>(?:^msgstr(?:\[\d\])? ".*"\n(?:^".*"\n)*)+)',
    re.M,
)


def entries(path):
    text = path.read_text(encoding="utf-8")
    for match in ENTRY.finditer(text):
        msgid = "".join(re.findall(r'"(.*)"', match["id"]))
        if not msgid:
            continue  # the header
        if match["context"]:
            msgid = f"{match['context']}\x04{msgid}"  # as gettext keys it
        values = re.findall(r'^msgstr(?:\[\d\])? "(.*)"((?:\n".*")*)', match["strs"], re.M)
        texts = [first + "".join(re.findall(r'"(.*)"', rest)) for first, rest in values]
        yield msgid, texts, "fuzzy" in match["flags"], bool(match["plural"])


def test_every_chinese_text_is_translated_and_none_is_fuzzy():
    problems = [
        msgid
        for msgid, texts, fuzzy, _plural in entries(LOCALE / "zh_Hans/LC_MESSAGES/django.po")
        if fuzzy or not all(texts)
    ]
    assert problems == []


@pytest.mark.parametrize("language", ["zh_Hans", "en"])
def test_compiled_catalogs_hold_what_their_sources_say(language):
    folder = LOCALE / language / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)._catalog
    stale = [
        msgid
        for msgid, texts, fuzzy, plural in entries(folder / "django.po")
        if not plural
        and texts[0]
        and not fuzzy
        and catalog.get(unescape(msgid)) != unescape(texts[0])
    ]
    assert stale == []


def unescape(text):
    """A PO string's escapes (\\n, \\t, \\", \\\\) as the characters they stand for."""
    return re.sub(r"\\(.)", lambda match: {"n": "\n", "t": "\t"}.get(match[1], match[1]), text)


def test_chinese_texts_punctuate_in_full_width():
    """Chinese interface text uses ：，；（）, with markup, placeholders, addresses and
    grouped numbers aside (an "ASCII punctuation" finding of the inspection indicators)."""
    ascii_punctuated = []
    for msgid, texts, _fuzzy, _plural in entries(LOCALE / "zh_Hans/LC_MESSAGES/django.po"):
        for text in texts:
            plain = re.sub(r"<[^>]*>|%\(\w+\)[sd]|\{[^}]*\}|https?://\S+|\d,\d{3}", "", text)
            if re.search(r"[\u4e00-\u9fff]", plain) and re.search(r"[:,;()]", plain):
                ascii_punctuated.append(msgid)
    assert ascii_punctuated == []
