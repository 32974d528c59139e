"""Chinese numerals as values: 十二 = 12, 三百五十 = 350, 一亿两千万 = 120,000,000.

Chinese counts in 万 (10⁴) and 亿 (10⁸); 1350万 is 13.5 million. `scaled` reads an
Arabic figure with a Chinese scale after it, `value_of` a run of Chinese numerals.
"""

from decimal import Decimal

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}
SCALES = {"万": 10**4, "亿": 10**8}
NUMERALS = "".join([*DIGITS, *UNITS, *SCALES])


def scale_of(suffix):
    """The factor of a scale written after a figure: 万 → 10⁴, 万亿 → 10¹², 千万 → 10⁷."""
    factor = 1
    for character in suffix:
        factor *= {**UNITS, **SCALES}[character]
    return factor


def value_of(run):
    """The value of a run of Chinese numerals, or None if it is not one number.

    Digit by digit when it has no units (二〇二一 = 2021), else by place: a
    section below 万 is digits times 千/百/十, and 万/亿 scale what comes before."""
    if not run:
        return None
    if all(character in DIGITS for character in run):
        if len(run) == 1 or run[0] in "零〇" or len(run) >= 3:
            return Decimal("".join(str(DIGITS[character]) for character in run))
        return None  # 三五 ("three or five"): no one number
    total, section, digit = 0, 0, None
    for character in run:
        if character in DIGITS:
            if digit:  # 十一五: two digits with no unit between them
                return None
            digit = DIGITS[character]
        elif character in UNITS:
            section += (1 if digit is None else digit) * UNITS[character]
            digit = None
        else:
            scale = SCALES[character]
            section += digit or 0
            total = (total + section) * scale if scale > 10**4 else total + section * scale
            section, digit = 0, None
    return Decimal(total + section + (digit or 0))
