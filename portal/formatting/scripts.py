"""What a language's writing system means for handling its text, in one place.

Chinese and Japanese are written without spaces between words: their sentences join
with none, and a word is a character (word counts, diffs, n-grams); their size is
counted in characters, other languages' in words (`count_unit`). `CJK` is the
character class of their ideographs: CJK Unified Ideographs, Extension A and the
Compatibility Ideographs, for use inside a regular expression's brackets.
"""

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# What a CAT tool counts one by one in any text: the ideographs, and the kana
# (hiragana, katakana) Japanese writes among them.
COUNTED_BY_CHARACTER = CJK + "\u3040-\u30ff"

WORDS, CHARACTERS = "words", "characters"

WITHOUT_SPACES = frozenset({"zh", "ja"})


def written_without_spaces(language):
    """True for a language code ("zh-hans", "ja", …) whose words are not spaced."""
    return language.split("-")[0].lower() in WITHOUT_SPACES


def count_unit(language):
    """What a text in `language` is measured in, as CAT tools measure it: characters
    for a language written without spaces (Chinese: 字数), else words."""
    return CHARACTERS if written_without_spaces(language) else WORDS


def sentence_joiner(language):
    """What goes between two sentences of `language`: nothing, or a space."""
    return "" if written_without_spaces(language) else " "
