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


# Encodings councils' spreadsheets are saved in, tried in this order: UTF-8 (with or without the
# byte-order mark Excel writes), UTF-16 when it starts with its mark, then Windows' own cp1252; Latin-1
# reads any bytes left over.
_ENCODINGS = ("utf-8-sig", "utf-16", "cp1252", "latin-1")

#: The CSV dialect read, fixed and never guessed: cells separated by commas (or semicolons, as
#: spreadsheets set to European formats save them, or tabs), text in double quotes with a doubled
#: double quote inside. Apostrophes are always just apostrophes. The separator is the one the header
#: line uses most, outside double quotes.
SEPARATORS = (",", ";", "\t")

#: An upload's sheet may hold at most this many columns with something in them.
MAX_COLUMNS = 200
#: Empty rows allowed in a sheet on top of its row limit (spreadsheets keep formatted empty rows).
MAX_EMPTY_ROWS = 10_000
#: The largest unpacked size of an Excel file's parts: a tracker or scorecard is a few megabytes at most.
MAX_XLSX_UNPACKED = 40 * 1024 * 1024


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


def separator(text: str) -> str:
    """The separator a CSV file uses: the one its header line holds most of outside double quotes."""
    counts = dict.fromkeys(SEPARATORS, 0)
    quoted = False
    for char in text[:65536]:
        if char == '"':
            quoted = not quoted
        elif char == "\n" and not quoted:
            break
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(SEPARATORS, key=lambda s: counts[s])
    return best if counts[best] else ","


def read_table(text: str, max_rows: int = 10_000) -> tuple[list[str], list[list[str]]]:
    """Header and rows of CSV text in the fixed dialect (see `SEPARATORS`); quoted cells may hold
    separators and line breaks.

    A row with more cells than the header (other than empty ones at its end) or with fewer is refused,
    naming its line: a shifted row is never read as if it were right. Empty rows are left out.
    """
    if not text.strip():
        raise UnreadableFile("The file is empty.")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator(text), quotechar='"',
                        doublequote=True, skipinitialspace=False, strict=True)
    try:
        header = [cell.strip() for cell in next(reader)]
        while header and not header[-1]:
            header.pop()
        if not header:
            raise UnreadableFile("The first line of the file has no column headings.")
        if len(header) > MAX_COLUMNS:
            raise UnreadableFile(f"The file has more than {MAX_COLUMNS} columns. Keep only the tracker's columns.")
        rows = []
        line = reader.line_num + 1
        for row in reader:
            cells = [cell.strip() for cell in row]
            if any(cells):
                width = len(cells)
                while width > len(header) and not cells[width - 1]:
                    width -= 1
                if width != len(header):
                    raise UnreadableFile(
                        f"Line {line} has {width} cells but the first line has {len(header)} headings, so its "
                        f"cells would land in the wrong columns. Nothing was imported. Check that line in your "
                        f"spreadsheet (a missing or extra separator, or a double quote not closed), save it as "
                        f"CSV again and upload it.")
                rows.append(cells[:len(header)])
                if len(rows) > max_rows:
                    raise UnreadableFile(f"The file has more than {max_rows:,} rows. Split it and upload each part.")
            line = reader.line_num + 1
    except csv.Error as error:
        raise UnreadableFile(f"Line {reader.line_num} could not be read as CSV: a double quote is not closed "
                             f"or is followed by other text. Nothing was imported.") from error
    except StopIteration:
        raise UnreadableFile("The file is empty.") from None
    return header, rows


def column(header: list[str], wanted: str) -> int | None:
    """The position of a column by its heading, ignoring case and spaces; None when it is missing."""
    def norm(name: str) -> str:
        return " ".join(name.lower().replace("_", " ").split())
    names = [norm(h) for h in header]
    return names.index(norm(wanted)) if norm(wanted) in names else None


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (datetime, date)):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_xlsx(data: bytes, max_rows: int = 10_000) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the first sheet of an Excel workbook, every cell as text; dates as dd/mm/yyyy.

    Read within a fixed budget whatever the file claims: the sheet is streamed row by row, the size it
    declares is ignored, and rows, empty rows and cells are counted as they arrive, so a small file
    that unpacks to millions of rows or columns is refused in moments, holding one row at a time.
    """
    from openpyxl import load_workbook  # only when a workbook is read: it is slow to load

    too_big = UnreadableFile("This Excel file unpacks to far more than a tracker or scorecard holds. Copy the "
                             "table alone into a new workbook (or save it as CSV) and upload that.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_XLSX_UNPACKED:
                raise too_big
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        if error is too_big:
            raise
        raise UnreadableFile("This Excel file could not be read. Save it again as .xlsx or as CSV.") from error
    cell_budget = (max_rows + 1) * MAX_COLUMNS
    seen = cells = 0
    rows: list[list[str]] = []
    try:
        sheet = book.worksheets[0]
        sheet.reset_dimensions()  # the declared size (say A1:XFD20000) is never trusted
        for values in sheet.iter_rows(values_only=True):
            seen += 1
            cells += len(values)
            if seen > max_rows + 1 + MAX_EMPTY_ROWS or cells > cell_budget + MAX_EMPTY_ROWS:
                raise UnreadableFile(
                    f"The first sheet goes on far beyond {max_rows:,} rows of {MAX_COLUMNS} columns (most of them "
                    f"empty, often left over from formatting). Copy the table alone into a new sheet, or save it "
                    f"as CSV, and upload that.")
            if not any(v is not None and v != "" for v in values):
                continue
            texts = [_cell_text(v) for v in values]
            while texts and not texts[-1]:
                texts.pop()
            if len(texts) > MAX_COLUMNS:
                raise UnreadableFile(f"Row {seen} of the first sheet has something in column {len(texts)}; a "
                                     f"sheet can have at most {MAX_COLUMNS} columns. Delete what is to the right "
                                     f"of the table and upload it again.")
            if any(texts):
                rows.append(texts)
                if len(rows) > max_rows + 1:
                    raise UnreadableFile(f"The file has more than {max_rows:,} rows. Split it and upload each part.")
    except (KeyError, ValueError, TypeError, OSError, zipfile.BadZipFile) as error:
        if isinstance(error, UnreadableFile):
            raise
        raise UnreadableFile("This Excel file could not be read. Save it again as .xlsx or as CSV.") from error
    finally:
        book.close()
    if not rows:
        raise UnreadableFile("The file is empty.")
    header = rows[0]
    width = max(len(r) for r in rows)
    return header + [""] * (width - len(header)), [r + [""] * (width - len(r)) for r in rows[1:]]


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
        result: list[object] = []
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
