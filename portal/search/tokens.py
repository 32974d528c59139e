"""Text → locale-proof ASCII search tokens.

- Latin, digits: NFKC, lower case, accents folded ("Zürich" → "zurich").
- Chinese, Japanese, Korean characters: overlapping pairs ("卡拉奇" → 卡拉, 拉奇),
  then every character of the run alone (卡, 拉, 奇), so that a one-character
  query is one exact token that finds the character wherever it stands ("目"
  finds "项目"), without a prefix scan over every pair that starts with it.
  The pairs come first and stay adjacent, so a longer query is a phrase of
  pairs. Each character is encoded as 5 hex digits after a "z".
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
# A word is letters and digits other than CJK: "APEC商务" and "2021年" are a word and
# a CJK run each, so that "APEC" or "2021" finds them in Chinese text.
RUN = re.compile(rf"[{CJK}]+|[^\W_{CJK}]+")
IS_CJK = re.compile(rf"[{CJK}]")
MAX_QUERY_TERMS = 12


def _cjk_char(char):
    return f"{ord(char):05x}"


def _cjk_pairs(run):
    return ["z" + _cjk_char(a) + _cjk_char(b) for a, b in itertools.pairwise(run)]


def _cjk_single(char):
    return "z" + _cjk_char(char)


def _cjk_index_tokens(run):
    """The run's pairs, then each of its characters alone."""
    return [*_cjk_pairs(run), *(_cjk_single(char) for char in run)]


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

    A CJK run is a phrase of its pairs (a substring match), a single CJK
    character its one exact token; a word matches as a prefix, so "karach"
    finds Karachi.
    """
    terms = []
    for run in runs(query)[:MAX_QUERY_TERMS]:
        if IS_CJK.match(run):
            if len(run) == 1:
                terms.append(([_cjk_single(run)], False))
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
