"""Reading and writing tables, pure: CSV and Excel files in and out, formula-safe cells, and column
headings matched as councils write them. No Flask, no database."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date, datetime
from typing import IO, Iterable

# A spreadsheet treats a cell starting with these as a formula; young people's text is never one.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
#: A spreadsheet that splits on semicolons (or tabs, bars, line breaks) starts a new cell after one, so
#: a formula start after such a separator is made harmless too: "x;=1+1" is written "x;'=1+1".
_FORMULA_AFTER_SEPARATOR = re.compile(r"([,;|\t\r\n][ ]*)(?=[=+\-@\t\r])")


def safe_cell(value: object) -> str:
    """Return the value as text that a spreadsheet will show, never run.

    Numbers stay numbers; text that would start a formula gets a leading apostrophe,
    which Excel and LibreOffice hide and treat as "this is text", and so does every part of the text
    that a spreadsheet splitting on semicolons, commas, tabs, bars or line breaks would read as a cell.
    """
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    text = _FORMULA_AFTER_SEPARATOR.sub(r"\1'", str(value))
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


# Encodings councils' spreadsheets are saved in, tried in this order; Latin-1 reads any bytes.
_ENCODINGS = ("utf-8-sig", "utf-16", "cp1252", "latin-1")


class UnreadableFile(ValueError):
    """An uploaded file that cannot be read as a table; the message says why in plain words."""


def decode_upload(data: bytes) -> str:
    """Text from an uploaded file in any common encoding, with line endings made plain."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableFile("This file is not a CSV file. Save it from your spreadsheet as CSV and try again.")
    for encoding in _ENCODINGS:
        if encoding == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def read_table(text: str, max_rows: int = 10_000) -> tuple[list[str], list[list[str]]]:
    """Header and rows of CSV text; quoted fields may hold commas and line breaks.

    Commas, semicolons and tabs are all accepted as the separator, as spreadsheets save them.
    """
    if not text.strip():
        raise UnreadableFile("The file is empty.")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        reader = csv.reader(io.StringIO(text, newline=""), dialect)
        header = [cell.strip() for cell in next(reader)]
        rows = []
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append([cell.strip() for cell in row])
                if len(rows) > max_rows:
                    raise UnreadableFile(f"The file has more than {max_rows:,} rows. Split it and upload each part.")
    except csv.Error as error:
        raise UnreadableFile(f"This file could not be read as CSV ({error}).") from error
    return header, rows


def column(header: list[str], wanted: str) -> int | None:
    """The position of a column by its heading, ignoring case and spaces; None when it is missing."""
    def norm(name: str) -> str:
        return " ".join(name.lower().replace("_", " ").split())
    names = [norm(h) for h in header]
    return names.index(norm(wanted)) if norm(wanted) in names else None


def read_xlsx(data: bytes, max_rows: int = 10_000) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the first sheet of an Excel workbook, every cell as text; dates as dd/mm/yyyy."""
    from openpyxl import load_workbook  # only when a workbook is read: it is slow to load

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise UnreadableFile("This Excel file could not be read. Save it again as .xlsx or as CSV.") from error

    def text(value: object) -> str:
        if value is None:
            return ""
        if isinstance(value, (datetime, date)):
            return value.strftime("%d/%m/%Y")
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value).strip()

    try:
        sheet = book.worksheets[0]
        rows = [[text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    rows = [r for r in rows if any(r)]
    if not rows:
        raise UnreadableFile("The file is empty.")
    if len(rows) > max_rows + 1:
        raise UnreadableFile(f"The file has more than {max_rows:,} rows. Split it and upload each part.")
    return rows[0], rows[1:]


def read_upload(data: bytes, filename: str = "", max_rows: int = 10_000) -> tuple[list[str], list[list[str]]]:
    """Header and rows of an uploaded CSV or Excel (.xlsx) file."""
    if filename.lower().endswith((".xlsx", ".xlsm")) or data.startswith(b"PK\x03\x04"):
        return read_xlsx(data, max_rows)
    if filename.lower().endswith(".xls"):
        raise UnreadableFile("Old Excel files (.xls) cannot be read. Save it as .xlsx or as CSV.")
    return read_table(decode_upload(data), max_rows)


def write_xlsx(out, header: Iterable[object], rows: Iterable[Iterable[object]], title: str = "Export") -> int:
    """Write a workbook with one sheet; text is always stored as text, never as a formula."""
    from openpyxl import Workbook  # only when a workbook is written: it is slow to load
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])
    count = 0

    def cells(values: Iterable[object]) -> list[object]:
        result = []
        for value in values:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                result.append(value)
                continue
            cell = WriteOnlyCell(sheet, value=None if value is None else str(value))
            cell.data_type = "s"  # a cell starting with "=" stays words
            result.append(cell)
        return result

    sheet.append(cells(header))
    for row in rows:
        sheet.append(cells(row))
        count += 1
    book.save(out)
    return count


MIMETYPES = {"csv": "text/csv", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def encode_table(kind: str, header: Iterable[object], rows: Iterable[Iterable[object]], title: str) -> bytes:
    """A table as a CSV (UTF-8 with a byte-order mark, which Excel needs) or Excel file, formula-safe."""
    if kind == "csv":
        out = io.StringIO()
        write_csv(out, header, rows)
        return out.getvalue().encode("utf-8-sig")
    buffer = io.BytesIO()
    write_xlsx(buffer, header, rows, title=title)
    return buffer.getvalue()
