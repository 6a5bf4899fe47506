"""Dates at honest precision: ``2019``, ``2019-08`` or ``2019-08-15``, shown per language.

Every function here accepts any value and never raises: a malformed date is reported by the
schema (or ``date_problem``), and the helpers that order or format dates pass it through.
"""

from __future__ import annotations

import datetime
import re

from babel.dates import format_date as babel_format_date
from babel.dates import format_skeleton

from ..base.languages import Language, language_of

DATE_PATTERN = re.compile(r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?")

# Years a date may have. The People's Republic (1949) is before anything this site covers (the
# timeline starts in 1985); 2099 leaves room for plans with distant target years. Fixed rather
# than "this year + 30" so that a commit checks the same way on any day.
EARLIEST_YEAR = 1949
LATEST_YEAR = 2099

# CLDR skeletons for a year and for a month (Babel picks each locale's pattern); a day is the
# locale's "long" date format.
SKELETONS = ("y", "yMMMM")


def is_well_formed(value: object) -> bool:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (the schema reports anything else)."""
    return isinstance(value, str) and DATE_PATTERN.fullmatch(value) is not None


def is_real_date(value: object) -> bool:
    """``2023-02-30`` has the right shape but is not a day; ``2023`` and ``2023-02`` are fine."""
    if not is_well_formed(value):
        return False
    parts = _parts(value)
    try:
        datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def date_problem(value: object) -> str | None:
    """Why a well-formed date cannot be right (no such day, or a year out of range), else ``None``.

    A value that is not a well-formed date at all is left to the schema's message.
    """
    if not is_well_formed(value):
        return None
    if not is_real_date(value):
        return f"{value!r} is not a real calendar date"
    if not EARLIEST_YEAR <= _parts(value)[0] <= LATEST_YEAR:
        return f"year {value[:4]} is outside {EARLIEST_YEAR}–{LATEST_YEAR}; check the date"
    return None


def sort_key(value: object) -> tuple[int, int, int]:
    """Sort a less precise date before more precise dates inside the same period (malformed: last)."""
    if not is_well_formed(value):
        return (10_000, 0, 0)
    parts = _parts(value)
    return tuple(parts + [0] * (3 - len(parts)))  # type: ignore[return-value]


def format_date(value: object, language: str | Language) -> str:
    """``2023-05-05`` -> ``5 May 2023`` / ``2023年5月5日``; ``2019-08`` -> ``August 2019`` / ``2019年8月``.

    Formatted by Babel in the language's locale, at the precision the value has; no date gives
    ``""`` (callers show the interface string ``undated``).
    """
    locale = language_of(language).babel_locale
    if not value:
        return ""
    if not is_real_date(value):
        return str(value)
    parts = _parts(value)
    if len(parts) == 3:
        return babel_format_date(_day(value), "long", locale=locale)
    return format_skeleton(SKELETONS[len(parts) - 1], _day(value), locale=locale)


def _parts(value: str) -> list[int]:
    return [int(part) for part in value.split("-")]


def _day(value: str) -> datetime.date:
    """The first day of the period ``value`` names."""
    parts = _parts(value) + [1, 1]
    return datetime.date(*parts[:3])


def format_range(start: object, end: object, language: str | Language) -> str:
    """A period, two dates joined by the locale's interval pattern (``22 March 2021 – 29 March 2021``)."""
    if not end:
        return format_date(start, language)
    pattern = language_of(language).babel_locale.interval_formats.get(None, "{0} – {1}")
    return pattern.replace("{0}", format_date(start, language)).replace("{1}", format_date(end, language))


def stated_in(value: str, text: str, dateline: str | None = None) -> bool:
    """Whether ``text`` (a quote) writes the date ``value`` at its full precision.

    ``2019`` needs ``2019年``; ``2019-08`` needs ``2019年8月``; ``2023-05-05`` needs ``2023年5月5日``
    (leading zeros optional, no digit may run into the number). A month or day written without
    its year (``9月11日``) counts when the quoting source's own ``dateline`` is in that year.
    """
    parts = [int(part) for part in value.split("-")]
    units = "".join(rf"0?{number}{unit}" for number, unit in zip(parts[1:], ("月", "日")))
    if re.search(rf"(?<![0-9]){parts[0]}年{units}", text):
        return True
    return (
        bool(units)
        and bool(dateline)
        and dateline[:4] == str(parts[0])
        and re.search(rf"(?<![0-9]){units}", text) is not None
    )
