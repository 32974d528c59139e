"""BCP 47 language tags, as translation tools write them, to the portal's languages.

A CAT tool names the languages of a file its own way: Trados and memoQ write
`zh-CN` and `en-US`, others `zh-Hans`, `zh_CN` or `EN-gb`. `portal_language`
finds the language of `settings.LANGUAGES` that a tag means, by one rule over
that list (no table of spellings per language): the same language subtag and
the same script. A tag's script is the one it names, else the one its language
is written in for its region, else in general (CLDR's likely subtags, for the
languages written in more than one script: `zh-TW` is Traditional Chinese, so
it is never the portal's `zh-hans`). Case does not matter, and `_` is read as `-`.
"""

import re

from django.conf import settings

# CLDR likely subtags, for languages written in more than one script: the usual
# script, and the regions that write the language in another one.
LIKELY_SCRIPTS = {
    "zh": ("hans", {"tw": "hant", "hk": "hant", "mo": "hant"}),
    "sr": ("cyrl", {"me": "latn"}),
    "uz": ("latn", {"af": "arab"}),
    "pa": ("guru", {"pk": "arab"}),
    "az": ("latn", {"ir": "arab"}),
    "ms": ("latn", {"cc": "arab"}),
}

_ALPHA = re.compile(r"[a-z]+")


def subtags(tag):
    """`(language, script, region)` of a tag, lower case, None where it has none;
    None for what is no language tag. An extended language subtag (`zh-yue`) is
    the language itself (`yue`)."""
    parts = (tag or "").strip().lower().replace("_", "-").split("-")
    language = parts[0]
    if not (2 <= len(language) <= 8 and _ALPHA.fullmatch(language)):
        return None
    script = region = None
    for part in parts[1:]:
        if script is None and region is None and len(part) == 3 and _ALPHA.fullmatch(part):
            language = part  # an extended language subtag
        elif script is None and region is None and len(part) == 4 and _ALPHA.fullmatch(part):
            script = part
        elif region is None and (
            (len(part) == 2 and _ALPHA.fullmatch(part)) or (len(part) == 3 and part.isdigit())
        ):
            region = part
        else:
            break  # variants, extensions and private use say nothing of the script
    return language, script, region


def likely_script(language, region=None):
    """The script `language` is written in (in `region`), where CLDR says; else None."""
    usual, by_region = LIKELY_SCRIPTS.get(language, (None, {}))
    return by_region.get(region, usual)


def portal_language(tag):
    """The code in `settings.LANGUAGES` that `tag` means ("zh-CN" → "zh-hans",
    "en-GB" → "en"), or None when the portal has no such language."""
    wanted = subtags(tag)
    if wanted is None:
        return None
    language, script, region = wanted
    script = script or likely_script(language, region)
    matches = []
    for code, _name in settings.LANGUAGES:
        own = subtags(code)
        if own is None or own[0] != language:
            continue
        own_script = own[1] or likely_script(language, own[2])
        if own[2] and region and own[2] != region:
            continue  # the portal's edition for another region
        if script is None or own_script is None or own_script == script:
            rank = 0 if own[2] and own[2] == region else 1 if own[2] is None else 2
            matches.append((rank, code))
    # The edition of the tag's region, else the one for every region.
    return min(matches)[1] if matches else None


def canonical(tag):
    """A tag in BCP 47's usual case: "zh-hans" → "zh-Hans", "en-gb" → "en-GB"."""
    parts = tag.replace("_", "-").split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) == 2 and part.isalpha():
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)
