"""Excel files built the way an attacker would build them, small to send and huge to read; shared by the tests
(tests/exchange/test_hostile_workbooks.py) and the figures in bench/hostile_uploads.py."""

from __future__ import annotations

import io
import zipfile
from typing import Callable, Iterable

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"

HEAD = ('<row r="1"><c r="A1" t="inlineStr"><is><t>You said</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>We did</t></is></c></row>')


def workbook(sheet: str | Iterable[str], shared_strings: str | Iterable[str] | None = None,
             styles: str | None = None, declared: dict[str, int] | None = None) -> bytes:
    """A minimal .xlsx around a first sheet's XML (text, or pieces written one by one so a huge part never sits
    in memory), with shared strings and styles when given. `declared` sets the unpacked size a part claims in
    the zip's directory, as a forged file would."""
    parts: dict[str, str | Iterable[str]] = {
        "[Content_Types].xml": (
            f'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
            + (f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/>'
               if shared_strings is not None else "")
            + (f'<Override PartName="/xl/styles.xml" ContentType="{_CT}.styles+xml"/>' if styles else "")
            + '</Types>'),
        "_rels/.rels": (
            f'<?xml version="1.0"?><Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
            f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<?xml version="1.0"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
            f'<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0"?><Relationships xmlns="{_PKG}">'
            f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            + (f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
               if shared_strings is not None else "")
            + (f'<Relationship Id="rId3" Type="{_REL}/styles" Target="styles.xml"/>' if styles else "")
            + '</Relationships>'),
        "xl/worksheets/sheet1.xml": sheet,
    }
    if shared_strings is not None:
        parts["xl/sharedStrings.xml"] = shared_strings
    if styles:
        parts["xl/styles.xml"] = styles
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for name, text in parts.items():
            with book.open(name, "w") as part:
                for piece in ([text] if isinstance(text, str) else text):
                    part.write(piece.encode())
    data = out.getvalue()
    return _forge_sizes(data, declared) if declared else data


def _forge_sizes(data: bytes, declared: dict[str, int]) -> bytes:
    """The same zip with the unpacked sizes its central directory claims for some parts changed."""
    buffer = bytearray(data)
    end = data.rfind(b"PK\x05\x06")
    at = int.from_bytes(data[end + 16:end + 20], "little")
    while data[at:at + 4] == b"PK\x01\x02":
        size_name, size_extra, size_comment = (int.from_bytes(data[at + i:at + i + 2], "little") for i in (28, 30, 32))
        name = data[at + 46:at + 46 + size_name].decode()
        if name in declared:
            buffer[at + 24:at + 28] = declared[name].to_bytes(4, "little")
        at += 46 + size_name + size_extra + size_comment
    return bytes(buffer)


def sheet(rows: str | Iterable[str], dimension: str = "A1:B2") -> Iterable[str]:
    """A first sheet's XML around its rows."""
    yield f'<?xml version="1.0"?><worksheet xmlns="{_MAIN}"><dimension ref="{dimension}"/><sheetData>'
    yield from [rows] if isinstance(rows, str) else rows
    yield '</sheetData></worksheet>'


def _batches(make: Callable[[int], str], start: int, stop: int, size: int = 10_000) -> Iterable[str]:
    for first in range(start, stop, size):
        yield "".join(make(n) for n in range(first, min(first + size, stop)))


def empty_rows(count: int = 2_000_000) -> bytes:
    """A header, then `count` empty rows (`<row/>`, each the next row down): about 15 KB sent for two million."""
    return workbook(sheet([HEAD, *_batches(lambda n: "<row/>", 2, count + 2)], f"A1:B{count + 1}"))


def numbered_rows(count: int = 200_000) -> bytes:
    """A header, then `count` empty rows each with its number (`<row r="N"/>`)."""
    return workbook(sheet([HEAD, *_batches(lambda n: f'<row r="{n}"/>', 2, count + 2)], f"A1:B{count + 1}"))


def dense_cells(rows: int = 1_900, columns: int = 200) -> bytes:
    """A header, then `rows` rows of `columns` one-digit cells: within a tracker's row and column limits,
    about 40 KB sent, yet hundreds of thousands of cells for a reader to build."""
    row = "<row>" + "<c><v>1</v></c>" * columns + "</row>"
    return workbook(sheet([HEAD, *_batches(lambda n: row, 2, rows + 2, 500)], f"A1:A{rows + 1}"))


def last_row() -> bytes:
    """A header, then one row numbered 1,048,576, the last Excel has: a reader fills in the empty rows between."""
    return workbook(sheet(HEAD + '<row r="1048576"><c r="A1048576"><v>1</v></c></row>', "A1:B1048576"))


def declared_size() -> bytes:
    """Two rows in a sheet that declares itself A1:XFD20000, 16,384 columns by 20,000 rows."""
    row = ('<row r="2"><c r="A2" t="inlineStr"><is><t>More say</t></is></c>'
           '<c r="B2" t="inlineStr"><is><t>Done</t></is></c></row>')
    return workbook(sheet(HEAD + row, "A1:XFD20000"))


def shared_strings(count: int = 1_500_000) -> bytes:
    """A two-row sheet with `count` shared strings beside it (all the same word, so the file stays small)."""
    strings = [f'<?xml version="1.0"?><sst xmlns="{_MAIN}" count="{count}" uniqueCount="{count}">',
               *_batches(lambda n: "<si><t>x</t></si>", 0, count), "</sst>"]
    row = '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>'
    return workbook(sheet(HEAD + row), shared_strings=strings)


def zip_bomb(megabytes: int = 400) -> bytes:
    """A sheet whose XML unpacks to `megabytes` of spaces inside one cell: a few hundred KB sent."""
    chunk = " " * (1024 * 1024)
    cell = ['<row r="2"><c r="A2" t="inlineStr"><is><t>', *(chunk for _ in range(megabytes)), "</t></is></c></row>"]
    return workbook(sheet([HEAD, *cell]))


def forged_bomb(megabytes: int = 400) -> bytes:
    """The same bomb with its directory claiming the sheet unpacks to 1 KB."""
    chunk = " " * (1024 * 1024)
    cell = ['<row r="2"><c r="A2" t="inlineStr"><is><t>', *(chunk for _ in range(megabytes)), "</t></is></c></row>"]
    return workbook(sheet([HEAD, *cell]), declared={"xl/worksheets/sheet1.xml": 1024})


def long_cell(megabytes: int = 30) -> bytes:
    """A sheet within the 40 MB budget whose one cell holds `megabytes` of spaces."""
    chunk = " " * (1024 * 1024)
    cell = ['<row r="2"><c r="A2" t="inlineStr"><is><t>', *(chunk for _ in range(megabytes)), "</t></is></c></row>"]
    return workbook(sheet([HEAD, *cell]))


def wide_row(cells: int = 1_000_000) -> bytes:
    """A header, then one row of `cells` cells, numbered from its left (no `r` on the cells)."""
    return workbook(sheet([HEAD, '<row r="2">', *_batches(lambda n: "<c><v>1</v></c>", 0, cells), "</row>"]))


def far_right() -> bytes:
    """Forty rows, each with one cell in the last column Excel has (XFD, the 16,384th)."""
    return workbook(sheet(HEAD + "".join(f'<row r="{n}"><c r="XFD{n}" t="inlineStr"><is><t>x</t></is></c></row>'
                                         for n in range(2, 42)), "A1:XFD41"))


def entities() -> bytes:
    """Billion laughs: shared strings whose one entity unfolds to a thousand million "lol"s."""
    levels = ['<!ENTITY l0 "lol">'] + [f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    strings = (f'<?xml version="1.0"?><!DOCTYPE sst [{"".join(levels)}]>'
               f'<sst xmlns="{_MAIN}" count="1" uniqueCount="1"><si><t>&l9;</t></si></sst>')
    row = '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><t>Done</t></is></c></row>'
    return workbook(sheet(HEAD + row), shared_strings=strings)


def many_styles(count: int = 600_000) -> bytes:
    """An ordinary two-row sheet with `count` cell formats in its styles."""
    styles = (f'<?xml version="1.0"?><styleSheet xmlns="{_MAIN}"><cellXfs count="{count}">'
              + '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' * count + '</cellXfs></styleSheet>')
    row = ('<row r="2"><c r="A2" t="inlineStr"><is><t>More say</t></is></c>'
           '<c r="B2" t="inlineStr"><is><t>Done</t></is></c></row>')
    return workbook(sheet(HEAD + row), styles=styles)


#: Every hostile kind, by name, with how it is built.
HOSTILE: dict[str, Callable[[], bytes]] = {
    "empty rows (2 million)": empty_rows,
    "empty rows (5 million)": lambda: empty_rows(5_000_000),
    "numbered empty rows (200,000)": numbered_rows,
    "a row numbered 1,048,576": last_row,
    "shared strings (1.5 million)": shared_strings,
    "zip bomb (400 MB sheet)": zip_bomb,
    "zip bomb with forged sizes": forged_bomb,
    "one cell of 30 MB": long_cell,
    "one row of a million cells": wide_row,
    "entities (billion laughs)": entities,
    "cell formats (600,000)": many_styles,
    "cells far right (XFD)": far_right,
    "a million cells behind a decoy workbook": lambda: decoy(wide_row()),
}


def decoy(data: bytes) -> bytes:
    """The same workbook with a second, tidy workbook part that the package's own link points to, listing a
    small sheet first and the real one second; Excel and openpyxl open the workbook the content types name."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for info in source.infolist():
            text = source.read(info)
            if info.filename == "_rels/.rels":
                text = text.replace(b"xl/workbook.xml", b"xl/decoy.xml")
            book.writestr(info, text)
        book.writestr("xl/decoy.xml", (
            f'<?xml version="1.0"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
            f'<sheet name="Tidy" sheetId="1" r:id="rId1"/><sheet name="Sheet1" sheetId="2" r:id="rId2"/></sheets>'
            f'</workbook>'))
        book.writestr("xl/_rels/decoy.xml.rels", (
            f'<?xml version="1.0"?><Relationships xmlns="{_PKG}">'
            f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/tidy.xml"/>'
            f'<Relationship Id="rId2" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'))
        book.writestr("xl/worksheets/tidy.xml", "".join(sheet(HEAD)))
    return out.getvalue()
