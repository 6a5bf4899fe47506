"""CSV for the published data downloads, safe to open in a spreadsheet.

Every CSV the site publishes is written by ``write_csv``. A cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return would be run as a formula by spreadsheet programs
(OWASP's "CSV injection"); such cells get a leading apostrophe, which spreadsheets show as
plain text. Contributed text can therefore never become a live formula in a download.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> str:
    """The cell's text, prefixed with ``'`` when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def write_csv(rows: Iterable[Mapping[str, object]], columns: list[str]) -> str:
    """CSV text with a header row; every cell passes through ``spreadsheet_safe``."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: spreadsheet_safe(row.get(column, "")) for column in columns})
    return buffer.getvalue()
