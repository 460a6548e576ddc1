"""Pure CSV helpers: formula-safe cells and writing rows. No Flask, no database."""

from __future__ import annotations

import csv
from typing import IO, Iterable

# A spreadsheet treats a cell starting with these as a formula; young people's text is never one.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value: object) -> str:
    """Return the value as text that a spreadsheet will show, never run.

    Numbers stay numbers; text that would start a formula gets a leading apostrophe,
    which Excel and LibreOffice hide and treat as "this is text".
    """
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    if text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text


def write_csv(out: IO[str], header: Iterable[object], rows: Iterable[Iterable[object]]) -> int:
    """Write a header and rows as CSV with every cell made safe; return the number of rows."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(cell) for cell in header])
    count = 0
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
        count += 1
    return count
