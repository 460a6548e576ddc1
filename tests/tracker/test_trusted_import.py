"""Tracker uploads that cannot silently garble, and spreadsheets read within a fixed budget."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from participation.db import db
from participation.core.spreadsheets import UnreadableFile, read_table, read_upload, read_xlsx
from participation.themes.services import ensure_default_themes
from participation.tracker.importing import Columns, apply_import, plan_import
from participation.tracker.models import YouSaid

#: The Care Leavers Review 2012 appendix from the seed papers (see tests/data/make_seed_tables.py).
REVIEW = Path(__file__).parent.parent / "data" / "care_leavers_review_2012.csv"
COLUMNS = Columns(you_said="RECOMMENDATION", we_did="Response", status="COMPLETED ON", ref="No")


def _seed_rows():
    with REVIEW.open(encoding="utf-8", newline="") as source:
        return list(csv.reader(source))


def _plan(app, data: bytes, name: str):
    with app.app_context():
        ensure_default_themes(db.session)
        db.session.commit()
        return plan_import(db.session, data, name, COLUMNS)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("sep", [",", ";"])
def test_the_review_with_apostrophes_keeps_every_row_in_its_columns(app, encoding, sep):
    rows = _seed_rows()
    out = io.StringIO()
    csv.writer(out, delimiter=sep).writerows(rows)
    text = out.getvalue().replace("ĩ", "i")  # the one character cp1252 cannot hold
    header, table = read_table(text)
    assert header == rows[0] and len(table) == len(rows) - 1
    plan = _plan(app, text.encode(encoding), "review.csv")
    assert plan.ok, plan.errors
    by_ref = {p.item.reference: p for p in plan.items}
    # 13.1-13.6 are the review's sections (13.1 and 13.2 with a scrap of their title in the next column).
    expected = {r[0]: r for r in rows[1:] if (r[2] or r[3]) and r[0].count(".") == 2}
    assert set(by_ref) == set(expected)
    assert by_ref["13.1.7"].item.section == "13.1 Changes to the processes that support care leaver"
    assert by_ref["13.6.2"].item.section == "13.6 Education, Employment and Training"
    for ref, planned in by_ref.items():
        assert planned.item.summary == expected[ref][1].replace("ĩ", "i")
    assert "'Leaving Care Grant'" in by_ref["13.1.7"].item.summary
    assert by_ref["13.1.7"].action.status == "done"
    assert by_ref["13.2.2"].action.status == "not-progressed"


def test_a_row_with_a_missing_cell_is_refused_naming_its_line_and_nothing_is_stored(app):
    data = ('No,RECOMMENDATION,Response,COMPLETED ON\n'
            '1,"That the Council listen, always",Done,Completed\n'
            "2,That the 'Leaving Care Grant' rises,Completed\n").encode()
    plan = _plan(app, data, "review.csv")
    assert not plan.ok
    assert plan.errors[0].startswith("Line 3 has 3 cells but the first line has 4 headings")
    with app.app_context():
        with pytest.raises(ValueError):
            apply_import(db.session, None, plan)
        assert db.session.scalar(select(func.count()).select_from(YouSaid)) == 0


def test_a_quote_left_open_is_refused_not_guessed():
    with pytest.raises(UnreadableFile, match="Line 2"):
        read_table('a,b\n"x"y,z\n')


def _xlsx(sheet_xml: str) -> bytes:
    """A minimal workbook around a sheet's XML, the way a hostile file would be built."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
            'spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="'
            'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'))
        book.writestr("_rels/.rels", (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        book.writestr("xl/workbook.xml", (
            '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'))
        book.writestr("xl/_rels/workbook.xml.rels", (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'))
        book.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return out.getvalue()


_SHEET = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          '<dimension ref="{dim}"/><sheetData>{rows}</sheetData></worksheet>')
_HEAD = '<row r="1"><c r="A1" t="inlineStr"><is><t>You said</t></is></c><c r="B1" t="inlineStr"><is><t>We did</t></is></c></row>'


def test_a_workbook_of_two_million_empty_rows_is_refused_in_plain_words():
    rows = _HEAD + "".join(f'<row r="{n}"/>' for n in range(2, 2_000_002))
    data = _xlsx(_SHEET.format(dim="A1:B2000001", rows=rows))
    with pytest.raises(UnreadableFile, match="new sheet|new workbook"):
        read_upload(data, "tracker.xlsx", 2000)


def test_empty_rows_beyond_the_table_are_refused_as_they_arrive():
    rows = _HEAD + "".join(f'<row r="{n}"/>' for n in range(2, 20_050))
    with pytest.raises(UnreadableFile, match="goes on far beyond 2,000 rows"):
        read_xlsx(_xlsx(_SHEET.format(dim="A1:B20049", rows=rows)), 2000)


def test_a_declared_sheet_of_a1_to_xfd20000_is_read_as_the_cells_it_really_holds():
    row = '<row r="2"><c r="A2" t="inlineStr"><is><t>More say</t></is></c><c r="B2" t="inlineStr"><is><t>Done</t></is></c></row>'
    header, rows = read_xlsx(_xlsx(_SHEET.format(dim="A1:XFD20000", rows=_HEAD + row)), 2000)
    assert header == ["You said", "We did"] and rows == [["More say", "Done"]]


def test_a_row_reaching_far_right_is_refused():
    wide = "".join(f'<row r="{n}"><c r="XFD{n}" t="inlineStr"><is><t>x</t></is></c></row>' for n in range(2, 40))
    with pytest.raises(UnreadableFile, match="at most 200 columns|goes on far beyond"):
        read_xlsx(_xlsx(_SHEET.format(dim="A1:XFD40", rows=_HEAD + wide)), 2000)


def test_an_ordinary_excel_tracker_still_reads():
    book = Workbook()
    book.active.append(["No", "RECOMMENDATION", "Response", "COMPLETED ON"])
    for row in _seed_rows()[1:]:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    header, rows = read_upload(out.getvalue(), "review.xlsx", 2000)
    assert rows == [r + [""] * (4 - len(r)) for r in _seed_rows()[1:]]


@pytest.mark.parametrize("text, status", [
    ("There is a real risk of this not being achieved", "in-progress"),
    ("Not yet achieved", "in-progress"),
    ("Not yet progressed", "not-progressed"),
    ("Not agreed", "wont-do"),
    ("Completed", "done"),
    ("Agreed in principle", "not-started"),
    ("Yet to be considered", "not-started"),
    ("Target date April 2014", "in-progress"),
])
def test_council_statuses_and_negation_are_read_as_meant(text, status):
    from participation.tracker.rules import read_status
    assert read_status(text).status == status


@pytest.mark.parametrize("text, expected", [
    ("Q2 2027/28", (2027, 9, 30)), ("Q4 2027/28", (2028, 3, 31)), ("Q1 2016-17", (2016, 6, 30)),
    ("Q3 2016/2017", (2016, 12, 31)), ("2016-17", (2017, 3, 31)), ("By 2019/20", (2020, 3, 31)),
    ("31/05/2014", (2014, 5, 31)), ("2014-05-31", (2014, 5, 31)),
])
def test_financial_quarters_and_years_are_read_as_councils_mean_them(text, expected):
    from datetime import date
    from participation.tracker.rules import read_date
    assert read_date(text) == date(*expected)


@pytest.mark.parametrize("text, due, rag", [
    ("Agreed in Principle", "", "amber"),          # nothing says when: not green
    ("Yet to be considered", "", "amber"),
    ("Agreed in Principle", "March 2030", "green"),  # dated and far off: on track
])
def test_an_undated_agreed_in_principle_is_never_green(text, due, rag):
    from datetime import date
    from participation.tracker.rules import rag as worked_out, read_status
    read = read_status(text, due)
    assert worked_out(read.status, read.due_on, date(2026, 11, 23), read.rag_override) == rag
