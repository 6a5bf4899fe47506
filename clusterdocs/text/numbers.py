"""Numbers as numbers: the one matcher behind every "does this figure occur in its source" check.

A number is a run of digits (ASCII or full-width) that is bounded by non-digits, with optional
thousands separators (``1,000``, ``1 000``) and an optional decimal part (``2.5``). Matching is by
whole numbers, never by substring: ``4`` does not occur in ``44個``, ``20`` not in ``202``, ``2``
not in ``2.2萬億元``.

``occurs_in(value, text)`` is the figure check (a figure's printed value inside its
``source_text``). ``numbers_in(prose)`` and ``evidence(*texts)`` serve the prose rule
(``clusterdocs.check.prose_numbers``): each number a piece of prose states must be one its evidence
states. Evidence also reads Chinese numerals (``十四五`` states 14, ``六大`` states 6) and scales
Chinese and English magnitude words, so that "RMB 5 billion" is the ``50億元`` of a source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation


from ..base.text_memo import memoised

_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
# Thousands groups may be separated by a comma, a space, a no-break or a thin space.
_NUMBER = re.compile(
    r"(?<!\d)(?<!\d\.)(\d{1,3}(?:([,\u0020\u00a0\u202f\u2009])\d{3}(?:\2\d{3})*)(?![\d])(?!\.\d)"
    r"|\d+(?:\.\d+)?)(?![\d])"
)
_MAGNITUDE = re.compile(r"[\s-]*(萬億|万亿|億|亿|萬|万|trillion|billion|million|thousand)(?![a-z])", re.IGNORECASE)
_SCALE = {
    "萬億": 10**12,
    "万亿": 10**12,
    "億": 10**8,
    "亿": 10**8,
    "萬": 10**4,
    "万": 10**4,
    "trillion": 10**12,
    "billion": 10**9,
    "million": 10**6,
    "thousand": 10**3,
}
_CHINESE_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
_CHINESE_RUN = re.compile(r"[〇零一二两兩三四五六七八九十百千]+")
# A magnitude with no count before it (千億級, 萬億級: "100-billion class", "trillion class").
_BARE_MAGNITUDE = re.compile(r"(?<![\d〇零一二两兩三四五六七八九十百千])(萬億|万亿|億|亿)")
# Decades: 80年代, 八十年代, 7、80年代 (the 1970s and 1980s) are read as the twentieth century's.
_DECADE = re.compile(r"(\d|[一二三四五六七八九])(?:0|十)?(?=(?:、(?:\d|[一二三四五六七八九])(?:0|十))?年代)")


@dataclass(frozen=True)
class Number:
    """One number as written: where it starts and ends in its text, and its value."""

    start: int
    end: int
    text: str
    value: Decimal
    scaled: Decimal | None = None  # with a following magnitude word: 50億 -> 5000000000


def normalise_digits(text: str) -> str:
    """Full-width digits, point and percent as their ASCII forms (same length).

    The full-width comma stays: in Chinese text it separates clauses, never thousands.
    """
    return text.translate(_FULL_WIDTH)


def _value(text: str) -> Decimal | None:
    try:
        return Decimal(re.sub(r"[,\u0020\u00a0\u202f\u2009]", "", text)).normalize()
    except InvalidOperation:
        return None


def numbers_in(text: str) -> list[Number]:
    """Every number written with digits in ``text``, in order."""
    return list(_numbers_in(text))


@memoised(max_characters=4 * 1024 * 1024)  # the check reads the same prose at every load
def _numbers_in(text: str) -> tuple[Number, ...]:
    text = normalise_digits(text)
    found = []
    for match in _NUMBER.finditer(text):
        value = _value(match.group(1))
        if value is None:
            continue
        magnitude = _MAGNITUDE.match(text, match.end())
        scaled = (value * _SCALE[magnitude.group(1).lower()]).normalize() if magnitude else None
        found.append(Number(match.start(), match.end(), match.group(1), value, scaled))
    return tuple(found)


def chinese_numbers_in(text: str) -> list[Decimal]:
    """Values written in Chinese numerals: 十四 -> 14, 二〇二二 -> 2022, 十四五 -> 14 and 5, 千億 -> 10**11.

    A run that is not one well-formed numeral is read as consecutive numerals, longest first. A
    lone 一 is skipped: in 统一 or 进一步 it is a word, not a count.
    """
    values = []
    for match in _CHINESE_RUN.finditer(text):
        run = match.group(0)
        if all(character in _CHINESE_DIGITS for character in run) and len(run) > 1:
            values.append(Decimal("".join(str(_CHINESE_DIGITS[character]) for character in run)))
            continue
        position, last = 0, None
        while position < len(run):
            for end in range(len(run), position, -1):
                last = _parse_chinese(run[position:end])
                if last is not None:
                    if run[position:end] != "一":
                        values.append(Decimal(last))
                    position = end
                    break
            else:
                position += 1
        magnitude = _MAGNITUDE.match(text, match.end())
        if last is not None and magnitude and magnitude.group(1) in _SCALE:
            values.append(Decimal(last * _SCALE[magnitude.group(1)]))
    values += [Decimal(_SCALE[match.group(1)]) for match in _BARE_MAGNITUDE.finditer(text)]
    for match in _DECADE.finditer(text):
        digit = int(match.group(1)) if match.group(1).isdigit() else _CHINESE_DIGITS[match.group(1)]
        values.append(Decimal(1900 + digit * 10))
    return values


def _parse_chinese(numeral: str) -> int | None:
    """Value of one well-formed numeral below 10,000 (十, 十四, 二十, 一百零五, 三千), else None."""
    total, digit, last_unit = 0, None, 10**4
    for character in numeral:
        if character in _CHINESE_DIGITS:
            if digit is not None and _CHINESE_DIGITS[character] != 0 and digit != 0:
                return None  # two digits in a row: 十四五 is 十四 and 五
            digit = _CHINESE_DIGITS[character]
        else:
            unit = _CHINESE_UNITS[character]
            if unit >= last_unit:
                return None
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
    if digit is not None:
        total += digit
    return total


def _canonical(text: str) -> tuple[str, list[Decimal]]:
    """``text`` with each number replaced by one placeholder, plus the numbers' values."""
    text = normalise_digits(re.sub(r"\s+", " ", text).strip())
    numbers = numbers_in(text)
    parts, values, position = [], [], 0
    for number in numbers:
        parts.append(text[position : number.start])
        parts.append("\x00")
        values.append(number.value)
        position = number.end
    parts.append(text[position:])
    return "".join(parts), values


def occurs_in(value: str, text: str) -> bool:
    """Whether ``value`` (e.g. ``"45"``, ``"2.2萬億元"``, ``"1,000"``) occurs in ``text`` as whole numbers.

    Words match as written; numbers match by value, each as a whole: ``4`` is not in ``44``.
    """
    pattern, wanted = _canonical(value)
    haystack, present = _canonical(text)
    if not pattern.strip():
        return False
    start = haystack.find(pattern)
    while start != -1:
        first = haystack.count("\x00", 0, start)
        if present[first : first + len(wanted)] == wanted:
            return True
        start = haystack.find(pattern, start + 1)
    return False


def evidence(*texts: str) -> set[Decimal]:
    """Every value the texts state: digits (bare and scaled by a magnitude word) and Chinese numerals."""
    values: set[Decimal] = set()
    for text in texts:
        values |= _stated(text)
    return values


@memoised(max_characters=4 * 1024 * 1024)
def _stated(text: str) -> frozenset[Decimal]:
    values = set(chinese_numbers_in(text))
    for number in _numbers_in(text):
        values.add(number.value)
        if number.scaled is not None:
            values.add(number.scaled)
    return frozenset(values)


def supported(number: Number, values: set[Decimal]) -> bool:
    """Whether ``values`` (from ``evidence``) state ``number``: "5 billion" needs 5×10⁹ (50億), not just a 5."""
    return number.scaled in values if number.scaled is not None else number.value in values
