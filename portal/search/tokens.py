"""Text → locale-proof ASCII search tokens.

- Latin, digits: NFKC, lower case, accents folded ("Zürich" → "zurich").
- Chinese, Japanese, Korean characters: overlapping pairs ("卡拉奇" → 卡拉, 拉奇),
  then the run's last character alone (奇), so that a one-character query,
  matched as a prefix, finds a character wherever it stands ("目" finds
  "项目": 目 ends the run, and no pair starts with it); each encoded as
  "z" + 5 hex digits a character.
- Other scripts (Arabic, Cyrillic...): the word, hex-encoded as "u" + digits.

Encoding keeps every token plain ASCII, which SQLite's unicode61 tokenizer and
PostgreSQL's parser both treat as one word in any locale (PostgreSQL with
LC_CTYPE=C would otherwise drop Chinese characters).
"""

import itertools
import re
import unicodedata

CJK = (
    "\u3040-\u30ff"  # kana
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\uf900-\ufaff"  # CJK compatibility ideographs
)
RUN = re.compile(rf"[{CJK}]+|[^\W_]+")
IS_CJK = re.compile(rf"[{CJK}]")
MAX_QUERY_TERMS = 12


def _cjk_char(char):
    return f"{ord(char):05x}"


def _cjk_pairs(run):
    if len(run) == 1:
        return ["z" + _cjk_char(run)]
    return ["z" + _cjk_char(a) + _cjk_char(b) for a, b in itertools.pairwise(run)]


def _cjk_index_tokens(run):
    """The pairs, and the last character alone (a lone character is its own token)."""
    pairs = _cjk_pairs(run)
    return pairs if len(run) == 1 else [*pairs, "z" + _cjk_char(run[-1])]


def _word_token(word):
    folded = unicodedata.normalize("NFKD", word)
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    if folded.isascii():
        return folded
    return "u" + "".join(f"{ord(char):05x}" for char in folded)


def runs(text):
    """The searchable runs of `text`: words and runs of CJK characters."""
    return RUN.findall(unicodedata.normalize("NFKC", text or "").lower())


def index_tokens(text):
    """The space-separated tokens stored for `text`."""
    tokens = []
    for run in runs(text):
        tokens.extend(_cjk_index_tokens(run) if IS_CJK.match(run) else [_word_token(run)])
    return " ".join(tokens)


def query_terms(query):
    """The query as terms, each `(tokens, is_prefix)`; every term must match.

    A CJK run is a phrase of its pairs (a substring match); a single CJK
    character or a word matches as a prefix, so "karach" finds Karachi.
    """
    terms = []
    for run in runs(query)[:MAX_QUERY_TERMS]:
        if IS_CJK.match(run):
            if len(run) == 1:
                terms.append((["z" + _cjk_char(run)], True))
            else:
                terms.append((_cjk_pairs(run), False))
        else:
            terms.append(([_word_token(run)], True))
    return terms


def highlight_words(query):
    """The query's runs as they appear in text, for marking matches on the page."""
    return list(runs(query)[:MAX_QUERY_TERMS])


def scope_tokens(kind, language, status):
    """Kind, language and status as one token, so full-text indexes can filter by them.

    One token rather than three: a search intersects one short posting list
    instead of three long ones.
    """
    return f"s{kind}{language.replace('-', '')}{status}"
