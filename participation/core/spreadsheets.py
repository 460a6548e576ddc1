"""Reading and writing tables, pure: CSV and Excel files in and out, formula-safe cells, and column
headings matched as councils write them. No Flask, no database."""

from __future__ import annotations

import csv
import io
import posixpath
import re
import tempfile
import zipfile
from datetime import date, datetime
from typing import IO, Callable, Iterable, Iterator, NoReturn
from xml.parsers import expat

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


def _safe_row_writer(out: IO[str]) -> Callable[[Iterable[object]], object]:
    """A function that writes one row of CSV to `out` with every cell made safe."""
    writer = csv.writer(out, lineterminator="\r\n")
    return lambda row: writer.writerow([safe_cell(cell) for cell in row])


def write_csv(out: IO[str], header: Iterable[object], rows: Iterable[Iterable[object]]) -> int:
    """Write a header and rows as CSV with every cell made safe; return the number of rows."""
    write = _safe_row_writer(out)
    write(header)
    count = 0
    for row in rows:
        write(row)
        count += 1
    return count


#: About how much text a download gathers before handing it on (so memory stays flat however many rows).
CHUNK_CHARS = 64 * 1024
#: Excel (and Windows Notepad) read a CSV as UTF-8 only when it starts with this mark.
BYTE_ORDER_MARK = "\ufeff".encode("utf-8")


def csv_chunks(header: Iterable[object], rows: Iterable[Iterable[object]]) -> Iterator[bytes]:
    """The CSV of write_csv as UTF-8 with a byte-order mark, in pieces of about CHUNK_CHARS as the rows
    are read: joined, exactly the bytes encode_table gives."""
    text = io.StringIO()
    write = _safe_row_writer(text)
    write(header)
    start = BYTE_ORDER_MARK
    for row in rows:
        write(row)
        if text.tell() >= CHUNK_CHARS:
            yield start + text.getvalue().encode("utf-8")
            start = b""
            text.seek(0)
            text.truncate()
    yield start + text.getvalue().encode("utf-8")


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
#: Cells an upload's first sheet may hold in all, counting the empty ones inside each row's width, whatever
#: its row limit: openpyxl reads about 50,000 cells a second on a loaded core, so a sheet is read in a few
#: seconds at most (a tracker of 2,000 actions in 40 columns is 80,000 cells; a survey's translations a few
#: thousand). Without it, 4,900 rows of 200 tiny cells in a 41 KB file held a worker for 20 seconds.
MAX_CELLS = 100_000
#: Empty rows allowed in a sheet on top of its row limit (spreadsheets keep formatted empty rows).
MAX_EMPTY_ROWS = 10_000
#: The largest unpacked size of an Excel file's parts: a tracker or scorecard is a few megabytes at most.
MAX_XLSX_UNPACKED = 40 * 1024 * 1024
#: Parts an Excel file may hold (a tracker's has about a dozen).
MAX_XLSX_PARTS = 1000
#: XML elements in any part read besides the first sheet and its shared text (styles, the workbook, its links):
#: a real workbook's styles have a few hundred to a few thousand, and openpyxl takes seconds for 10,000.
MAX_PART_ELEMENTS = 10_000
#: Parts openpyxl never opens when it reads values alone (read-only, links not kept): other sheets' tables,
#: comments, pivot tables and their caches, formula order, links to other workbooks and their cached cells.
_NEVER_READ = ("/pivotcache", "/pivottables/", "/externallinks/", "calcchain", "/comments", "/tables/",
               "/querytables/")
#: Excel's own limits: cells in one row, and characters in one cell.
MAX_ROW_CELLS = 16_384
MAX_CELL_CHARACTERS = 32_767


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


#: The names, as the XML reader gives them ("namespace name"), of the elements counted: the spreadsheet
#: namespace openpyxl reads, so a prefix (x:row) changes nothing; elements in any other namespace are only counted.
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main "
_ROW, _CELL, _SHEET_DATA, _SHARED, _SHEET = (_MAIN + name for name in ("row", "c", "sheetData", "si", "sheet"))
_RELATIONSHIP = "http://schemas.openxmlformats.org/package/2006/relationships Relationship"
_REL_ID = "http://schemas.openxmlformats.org/officeDocument/2006/relationships id"
_OVERRIDE = "http://schemas.openxmlformats.org/package/2006/content-types Override"
_WORKBOOK_TYPES = ("application/vnd.ms-excel.template.macroEnabled.main+xml",
                   "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
                   "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
_CELL_REF = re.compile(r"([A-Z]{1,3})[0-9]{1,7}")
_CHUNK = 64 * 1024
_TOO_BIG = ("This Excel file unpacks to far more than a tracker or scorecard holds. Copy the table alone into a new "
            "workbook (or save it as CSV) and upload that.")


class _Stop(Exception):
    """Raised inside the XML reader to stop it at once, carrying the officer's message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _stream(archive: zipfile.ZipFile, info: zipfile.ZipInfo, start: Callable[[str, dict[str, str]], None],
            end: Callable[[str], None] | None = None, text: Callable[[str], None] | None = None) -> None:
    """Feed one part of the workbook through an XML reader 64 KB at a time, calling `start` (and `end`, `text`)
    as each element arrives. Nothing is kept, so memory stays the same whatever the part holds, and no more than
    40 MB is ever unpacked from it, whatever size the zip declares.

    A document type declaration is refused at once, before any entity in it is declared, so "billion laughs"
    and entities naming other files never unfold (what defusedxml's `forbid_dtd` does); Excel never writes one."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True

    def doctype(*_: object) -> NoReturn:
        raise _Stop("This Excel file holds a declaration that Excel never writes (a document type), so it was "
                    "not opened. Open it in Excel, save it again as .xlsx (or as CSV) and upload that.")

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.ExternalEntityRefHandler = doctype
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    if text is not None:
        parser.CharacterDataHandler = text
    unpacked = 0
    with archive.open(info) as part:
        while chunk := part.read(_CHUNK):
            unpacked += len(chunk)
            if unpacked > MAX_XLSX_UNPACKED:
                raise _Stop(_TOO_BIG)
            parser.Parse(chunk, False)
    parser.Parse(b"", True)


def _counted(path: str, start: Callable[[str, dict[str, str]], None] | None = None
             ) -> Callable[[str, dict[str, str]], None]:
    """`start`, refusing the part once it holds more elements than any real workbook's."""
    count = 0

    def counting(name: str, attrs: dict[str, str]) -> None:
        nonlocal count
        count += 1
        if count > MAX_PART_ELEMENTS:
            raise _Stop(f"Part of this Excel file ({path[:80]}) is far larger than a tracker or scorecard needs. "
                        f"Copy the table alone into a new workbook (or save it as CSV) and upload that.")
        if start is not None:
            start(name, attrs)
    return counting


def _target(folder: str, target: str) -> str:
    """A relationship's target as a path inside the zip."""
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))


def _sheets(archive: zipfile.ZipFile, names: dict[str, zipfile.ZipInfo]) -> tuple[str | None, set[str]]:
    """The path of the first worksheet (the one read) and of every other worksheet (never read), found through
    the workbook's links as openpyxl finds them. Each part is read as a small, counted stream."""
    def links(path: str) -> dict[str, tuple[str, str]]:
        found: dict[str, tuple[str, str]] = {}
        if path in names:
            folder = posixpath.dirname(posixpath.dirname(path))

            def start(name: str, attrs: dict[str, str]) -> None:
                if name == _RELATIONSHIP:
                    found[attrs.get("Id", "")] = (attrs.get("Type", ""), _target(folder, attrs.get("Target", "")))
            _stream(archive, names[path], _counted(path, start))
        return found

    # The workbook openpyxl opens: the first the content types name, of the kinds in its order of preference.
    named: dict[str, str] = {}

    def content_type(name: str, attrs: dict[str, str]) -> None:
        if name == _OVERRIDE:
            named.setdefault(attrs.get("ContentType", ""), attrs.get("PartName", "").lstrip("/"))
    if "[Content_Types].xml" in names:
        _stream(archive, names["[Content_Types].xml"], _counted("[Content_Types].xml", content_type))
    book = next((named[kind] for kind in _WORKBOOK_TYPES if kind in named), "xl/workbook.xml")
    book_links = links(posixpath.join(posixpath.dirname(book), "_rels", posixpath.basename(book) + ".rels"))
    sheets = {target for kind, target in book_links.values() if kind.endswith("/worksheet")}
    order: list[str] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        if name == _SHEET:
            if len(order) >= MAX_XLSX_PARTS:
                raise _Stop(_TOO_BIG)
            kind, target = book_links.get(attrs.get(_REL_ID, ""), ("", ""))
            if kind.endswith("/worksheet") and target in names:
                order.append(target)
    if book in names:
        _stream(archive, names[book], _counted(book, start))
    first = order[0] if order else None
    return first, sheets - {first}


def check_xlsx(data: bytes, max_rows: int = 10_000) -> None:
    """Refuse, in plain words, an Excel file that would take more than a tracker's budget to read, before any of
    it is read into memory.

    Every part that openpyxl will read is streamed through an XML reader that keeps nothing and counts as it
    goes: the first sheet's rows (by their numbers too, so a row numbered 1,048,576 counts the empty rows before
    it), the cells each row would hold (a cell in column XFD holds the 16,383 empty ones before it), the
    characters in each of its cells, the shared pieces of text, and the elements in every other part. It stops
    at the first limit passed, and at 40 MB unpacked, whatever size the file declares for its sheet or its parts.
    Worksheets after the first are never read, so only their size is checked."""
    row_limit = max_rows + 1 + MAX_EMPTY_ROWS
    cell_limit = min((max_rows + 1) * MAX_COLUMNS, MAX_CELLS) + MAX_EMPTY_ROWS
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_XLSX_PARTS or sum(info.file_size for info in infos) > MAX_XLSX_UNPACKED:
                raise _Stop(_TOO_BIG)
            names = {info.filename: info for info in infos}
            first, others = _sheets(archive, names)
            if first is None:
                raise _Stop("This Excel file has no sheet to read. Save it again as .xlsx or as CSV.")
            strings = next((n for n in names if n.lower().endswith("sharedstrings.xml")), None)
            if strings is not None:
                _check_strings(archive, names[strings], cell_limit)
            _check_sheet(archive, names[first], max_rows, row_limit, cell_limit)
            for name, info in names.items():
                if (name in others or name in (first, strings) or info.is_dir()
                        or any(part in name.lower() for part in _NEVER_READ)
                        or not name.lower().endswith((".xml", ".rels"))):
                    continue
                _stream(archive, info, _counted(name))
    except _Stop as stop:
        raise UnreadableFile(stop.message) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, expat.ExpatError, KeyError, ValueError, OSError,
            EOFError, NotImplementedError, RuntimeError) as error:
        raise UnreadableFile("This Excel file could not be read. Save it again as .xlsx or as CSV.") from error


def _long_text(where: str) -> _Stop:
    return _Stop(f"{where} holds more than {MAX_CELL_CHARACTERS:,} characters, more than Excel allows in a cell. "
                 f"Save the file again from Excel as .xlsx (or as CSV) and upload that.")


def _check_strings(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cell_limit: int) -> None:
    """Count the shared pieces of text as they arrive: never more than the cells a sheet may hold."""
    count = elements = length = 0
    inside = False

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal count, elements, length, inside
        elements += 1
        if name == _SHARED:
            count += 1
            length, inside = 0, True
            if count > cell_limit:
                raise _Stop(f"This Excel file holds more than {cell_limit:,} pieces of text, far more than "
                            f"a tracker or scorecard. Copy the table alone into a new workbook (or save it as "
                            f"CSV) and upload that.")
        elif elements > 8 * cell_limit:
            raise _Stop(_TOO_BIG)

    def end(name: str) -> None:
        nonlocal inside
        if name == _SHARED:
            inside = False

    def text(chunk: str) -> None:
        nonlocal length
        if inside:
            length += len(chunk)
            if length > MAX_CELL_CHARACTERS:
                raise _long_text("A piece of text in this Excel file")
    _stream(archive, info, start, end, text)


def _check_sheet(archive: zipfile.ZipFile, info: zipfile.ZipInfo, max_rows: int, row_limit: int,
                 cell_limit: int) -> None:
    """Count the first sheet's rows, and the cells they would hold, as they arrive."""
    too_long = _Stop(f"The first sheet goes on far beyond {max_rows:,} rows of {MAX_COLUMNS} columns, or "
                     f"{MAX_CELLS:,} cells in all (most of them empty, often left over from formatting). Copy the "
                     f"table alone into a new sheet, or save it as CSV, and upload that.")
    rows = row = column = width = held = elements = outside = length = 0
    in_data = in_cell = False

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal rows, row, column, width, held, elements, outside, in_data, in_cell, length
        if name == _CELL and in_data:
            ref = _CELL_REF.fullmatch(attrs.get("r", ""))
            column = _column_number(ref.group(1)) if ref else column + 1
            if column > width:
                width = column
                if width > MAX_ROW_CELLS:
                    raise _Stop(f"Row {row:,} of the first sheet has more cells than Excel allows in a row "
                                f"({MAX_ROW_CELLS:,}). Copy the table alone into a new sheet, or save it as CSV, "
                                f"and upload that.")
                if held + width > cell_limit:
                    raise too_long
            length, in_cell = 0, True
        elif name == _ROW and in_data:
            held += width
            rows += 1
            row = int(attrs["r"]) if "r" in attrs else row + 1
            column = width = 0
            if rows > row_limit or row > row_limit or held > cell_limit:
                raise too_long
        elif not in_data:
            in_data = name == _SHEET_DATA
            outside += 1
            if outside > MAX_PART_ELEMENTS:
                raise _Stop(_TOO_BIG)
        elements += 1
        if elements > 8 * cell_limit:
            raise too_long

    def end(name: str) -> None:
        nonlocal in_data, in_cell
        if name == _CELL:
            in_cell = False
        elif name == _SHEET_DATA:
            in_data = False

    def text(chunk: str) -> None:
        nonlocal length
        if in_cell:
            length += len(chunk)
            if length > MAX_CELL_CHARACTERS:
                raise _long_text(f"A cell in row {row:,} of the first sheet")
    _stream(archive, info, start, end, text)


def read_xlsx(data: bytes, max_rows: int = 10_000) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the first sheet of an Excel workbook, every cell as text; dates as dd/mm/yyyy.

    Read within a fixed budget whatever the file claims: `check_xlsx` first streams every part that will be
    read, counting rows, cells and shared text as they arrive and refusing at the first limit passed, in a few
    seconds at most and holding nothing; only then does openpyxl read the sheet, row by row, with the size it
    declares ignored, and rows and cells counted again as they arrive.
    """
    from openpyxl import load_workbook  # only when a workbook is read: it is slow to load

    check_xlsx(data, max_rows)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise UnreadableFile("This Excel file could not be read. Save it again as .xlsx or as CSV.") from error
    cell_budget = min((max_rows + 1) * MAX_COLUMNS, MAX_CELLS)
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


def table_chunks(kind: str, header: Iterable[object], rows: Iterable[Iterable[object]], title: str
                 ) -> Iterator[bytes]:
    """The file of encode_table in pieces, written as the rows are read: CSV as it goes; a workbook (whose
    rows openpyxl's write-only mode keeps on disk) saved to a temporary file, then read out of it."""
    if kind == "csv":
        yield from csv_chunks(header, rows)
        return
    with tempfile.TemporaryFile() as saved:
        write_xlsx(saved, header, rows, title=title)
        saved.seek(0)
        while block := saved.read(CHUNK_CHARS):
            yield block


def encode_table(kind: str, header: Iterable[object], rows: Iterable[Iterable[object]], title: str) -> bytes:
    """A table as a CSV (UTF-8 with a byte-order mark, which Excel needs) or Excel file, formula-safe."""
    if kind == "csv":
        out = io.StringIO()
        write_csv(out, header, rows)
        return out.getvalue().encode("utf-8-sig")
    buffer = io.BytesIO()
    write_xlsx(buffer, header, rows, title=title)
    return buffer.getvalue()
