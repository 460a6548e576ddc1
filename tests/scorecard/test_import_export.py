"""The committee's Q3 scorecard imported as a council would, exported, and imported again.

The seed is the committee papers of May 2018 exactly as they are (`data/002_521703a0efabde7f.txt`, a copy of
`../shared/seeds/002_521703a0efabde7f.txt`): its scorecard is a tab-separated table of 43 measures over three
pages, the "Keep Me Healthy" page carrying one empty cell more than the heading row between Q4 and RAG, and
arrows drawn with different glyphs on different pages (↑ and ⬆, → and ➡). `data/scorecard_q3_2017_18.csv` is
the same table's lines as CSV, blank lines and spacer cells included, as a spreadsheet saves text.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from participation.db import db
from participation.core.spreadsheets import encode_table, read_upload
from participation.scorecard import services
from participation.scorecard.models import Measure, MeasureGroup, MeasureValue
from participation.scorecard.rules import read_period
from tests.helpers import csrf_token, hidden_value

DATA = Path(__file__).parent / "data"
PAPER = DATA / "002_521703a0efabde7f.txt"
SEED = DATA / "scorecard_q3_2017_18.csv"
#: The seed's scorecard table: its heading row is line 542 of the paper and its last measure, P5.6, line 594.
TABLE_LINES = (542, 594)
MEASURES, GROUPS = 43, ["General", "Involve Me", "Provide Me With a Good Safe Home", "Keep Me Healthy",
                        "Help Me Achieve", "Support me to move into adult life"]
#: On the page with one cell more, the empty spacer sits here, between "Q4 17-18" and "RAG".
SPACER = 12


def _paper_table() -> tuple[list[str], list[list[str]]]:
    """The seed's table as the paper has it, every line split on its tabs, nothing else done."""
    lines = PAPER.read_text(encoding="utf-8").split("\n")[TABLE_LINES[0] - 1:TABLE_LINES[1]]
    return lines[0].split("\t"), [line.split("\t") if line else [] for line in lines[1:]]


def _council_cells() -> tuple[list[str], dict[str, dict[str, str]], list[str]]:
    """Each measure's cells by the paper's own headings, worked out here apart from the product's reader:
    the spacer cell is checked to be empty and taken out. Also the group rows, in order."""
    header, rows = _paper_table()
    measures, groups = {}, []
    for cells in rows:
        if len(cells) == len(header) + 1:
            assert cells[SPACER] == "", cells[:2]
            cells = cells[:SPACER] + cells[SPACER + 1:]
        if not any(cells):
            continue
        assert len(cells) == len(header), cells[:2]
        if not any(cells[1:]):
            groups.append(cells[0])
        else:
            measures[cells[0]] = dict(zip(header, cells))
    return header, measures, groups


def _as_xlsx() -> bytes:
    """The paper's table as a council's workbook holds it: every cell in its column (a sheet has no
    page with a spacer cell), group rows and empty cells as they are."""
    header, rows = _paper_table()
    grid = [cells[:SPACER] + cells[SPACER + 1:] if len(cells) == len(header) + 1 else cells for cells in rows]
    return encode_table("xlsx", header, grid, "Scorecard Q3")


SOURCES = {"paper": lambda: (PAPER.read_bytes(), PAPER.name), "csv": lambda: (SEED.read_bytes(), SEED.name),
           "xlsx": lambda: (_as_xlsx(), "Scorecard Q3.xlsx")}


def _stored() -> list[tuple]:
    """Everything stored about the scorecard, in order, without ids."""
    measures = db.session.scalars(select(Measure).order_by(Measure.position)).all()
    return [(m.group.name, m.group.position, m.reference, m.name, m.lead, m.polarity, m.unit, m.frequency, m.target,
             m.tolerance, m.comparators, m.priorities, m.notes, m.rag_override, m.rag_reason, m.arrow_written,
             sorted((v.period, v.written, v.number, v.comment) for v in m.values)) for m in measures]


def _import(data: bytes, name: str) -> int:
    count = services.import_sheet(db.session, None, services.read_file(data, name))
    db.session.commit()
    return count


def _strip_marks(cell: str) -> str:
    """The paper's italics marks (<i>...</i>) are how it was typeset, not words: the words are kept."""
    return " ".join(re.sub(r"</?i>", "", cell).split())


@pytest.mark.parametrize("source", SOURCES)
def test_every_measure_of_the_seed_scorecard_is_imported(app, source):
    with app.app_context():
        assert _import(*SOURCES[source]()) == MEASURES
        groups = db.session.scalars(select(MeasureGroup.name).order_by(MeasureGroup.position)).all()
        assert groups == GROUPS
        g1 = services.find_measure(db.session, "G1")
        assert (g1.lead, g1.name, g1.polarity, g1.target, g1.group.name) == (
            "Jacqui Hall", "Number of cared for children", "none", "380-430", "General")
        assert {v.period: v.written for v in g1.values} == {
            "2016-17": "422", "Q1 2017-18": "438", "Q2 2017-18": "466", "Q3 2017-18": "470"}
        g2 = services.find_measure(db.session, "G2")
        assert g2.comparators == {"Stat Neigh Av": "56", "National Av": "60"}
        assert g2.priorities == {"C&YP Plan Priority": "2 Feel & Be Safe", "Corporate Priority": "Outcome 5"}
        p43 = services.find_measure(db.session, "P4.3")
        assert p43.comparators == {"Stat Neigh Av": "95.50%", "National Av": "96.10%"}
        assert p43.polarity == "high" and p43.unit == "percentage" and p43.target == "95%"
        p42 = services.find_measure(db.session, "P4.2")
        assert {v.period: (v.written, v.number) for v in p42.values}["Q1 2017-18"] == ("93% (July fig)", 93)
        assert "Q2 2017-18" not in {v.period for v in p42.values}  # an empty cell is no value
        p26 = services.find_measure(db.session, "P2.6")
        assert {v.period: v.number for v in p26.values}["Q1 2017-18"] is None
        assert services.find_measure(db.session, "P2.11").target == "30 annually"
        p13 = services.find_measure(db.session, "P1.3")
        assert p13.notes.startswith("Data not available at quarter 3.") and "<i>" not in p13.notes
        assert services.find_measure(db.session, "P2.13").unit == "days"
        # The page with a spacer cell: the arrow and comments land in their own columns.
        p31 = services.find_measure(db.session, "P3.1")
        assert (p31.arrow_written, p31.notes[:30]) == ("", "This is an exceptional improve")
        assert p31.priorities == {"C&YP Plan Priority": "4 Being Healthy and Making Positive Choices",
                                  "Corporate Priority": "Outcome 5"}
        # The last page, after the spacer page: its own arrows, kept as drawn.
        assert services.find_measure(db.session, "P4.9").arrow_written == "⬆"  # 77% to 81%: up, as drawn
        assert services.find_measure(db.session, "P4.8").arrow_written == "➡"  # 0 to 0: level, as drawn
        p56 = services.find_measure(db.session, "P5.6")
        assert {v.period: v.written for v in p56.values} == {"Q1 2017-18": "4", "Q2 2017-18": "4", "Q3 2017-18": "1"}
        assert p56.group.name == "Support me to move into adult life" and p56.arrow_written == "⬇"
        for measure in db.session.scalars(select(Measure)):
            assert measure.rag_override == ""  # the seed rates nothing by hand


def _exported(kind: str) -> tuple[list[str], list[list[str]]]:
    header, rows = services.export_table(db.session)
    return read_upload(encode_table(kind, header, rows, "Scorecard"), f"scorecard.{kind}")


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_every_cell_of_the_seed_scorecard_exports_as_the_council_wrote_it(app, kind):
    header, council, groups = _council_cells()
    with app.app_context():
        _import(PAPER.read_bytes(), PAPER.name)
        out_header, out_rows = _exported(kind)
    exported = {r[0]: dict(zip(out_header, r)) for r in out_rows if any(r[1:])}
    assert list(exported) == list(council)
    assert [r[0] for r in out_rows if not any(r[1:])] == groups
    periods = {h: read_period(h).heading for h in header if read_period(h)}
    assert set(periods.values()) <= set(out_header)  # Q4 17-18 too, empty as the council left it
    said = {"Ref", "Department Lead", "Measure", "Stat Neigh Av", "National Av", "Target", "Comments",
            "C&YP Plan Priority", "Corporate Priority"}
    assert said | set(periods) | {"Polarity", "RAG", "Quarterly dir of travel"} == set(header)
    for ref, cells in council.items():
        for heading in said:
            assert exported[ref][heading] == _strip_marks(cells[heading]), (ref, heading)
        for heading, ours in periods.items():
            assert exported[ref][ours] == cells[heading], (ref, heading)
        assert exported[ref]["Polarity"].lower() == cells["Polarity"].lower(), ref
        if cells["Quarterly dir of travel"]:  # the council's own arrow, glyph and all
            assert exported[ref]["Direction of travel"] == cells["Quarterly dir of travel"], ref
        assert cells["RAG"] == ""  # the seed leaves RAG to the reader; the export writes what is worked out
    assert exported["G1"]["RAG"] == "Red"  # 470 against 380-430, beyond 5% of 430
    assert exported["P1.2"]["RAG"] == ""  # no target
    assert exported["P4.3"]["RAG"] == "Green"  # 97% against 95%, high is good
    assert exported["P2.7"]["RAG"] == "Red"  # 9 against 5, low is good
    assert exported["P1.1"]["Direction of travel"] == "↓"  # 98 to 66, worked out where the council drew none


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_import_export_import_gives_the_same_scorecard(app, kind):
    with app.app_context():
        _import(PAPER.read_bytes(), PAPER.name)
        first = _stored()
        assert len(first) == MEASURES
        header, rows = services.export_table(db.session)
        _import(encode_table(kind, header, rows, "Scorecard"), f"again.{kind}")
        assert _stored() == first
        assert db.session.scalar(select(func.count()).select_from(MeasureValue)) == sum(len(m[-1]) for m in first)


def test_the_preview_marks_where_the_councils_arrow_differs_from_the_values(app):
    with app.app_context():
        shown = services.preview(db.session, services.read_file(PAPER.read_bytes(), PAPER.name))
        assert shown.found == TABLE_LINES
        checks = {row.reference: notes for row, _, notes in shown.rows if notes}
        # G3 went from 198 to 196 but the council drew a level arrow; P2.11 stayed at 13 and has an up arrow.
        assert "G3" in checks and "P2.11" in checks
        assert "P4.8" not in checks  # 0 to 0 and ➡: a level arrow, drawn another way
        assert all("The file's arrow is kept" in n for notes in checks.values() for n in notes)
        cells = {row.reference: {c.heading: (c.written, c.read_as) for c in read} for row, read, _ in shown.rows}
        assert cells["P5.6"]["Direction of travel"] == ("⬇", "down")
        assert cells["P2.6"]["Q1 2017-18"][1] == "words"
        assert cells["G1"]["Target"] == ("380-430", "a range: 380 to 430")
        assert db.session.scalar(select(func.count()).select_from(Measure)) == 0  # a preview stores nothing


def _csv_rows() -> tuple[list[str], list[list[str]]]:
    with SEED.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def _csv_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header] + rows)
    return out.getvalue().encode()


@pytest.mark.parametrize("change, message", [
    (lambda h, r: (h, r + [["G1", "Someone", "A repeat", "", "", "", "", "", "", "", "", "", "", "", "", "", ""]]),
     "the Ref G1 is already used on line 3"),
    (lambda h, r: (h, r[:5] + [r[5][:3] + ["Sideways is good"] + r[5][4:]] + r[6:]), "the polarity 'Sideways is good'"),
    (lambda h, r: (h, r[:3] + [r[3][:12] + ["Purple"] + r[3][13:]] + r[4:]), "the RAG rating 'Purple'"),
    (lambda h, r: ([c if c != "Measure" else "What" for c in h], r), "could not find the Measure column"),
    (lambda h, r: (h, r[:4] + [r[4] + ["an extra cell"]] + r[5:]), "Line 6 has more cells"),
    (lambda h, r: (h, r[:6] + [r[6][:4] + r[6][5:]] + r[7:]), "Line 8 has 16 cells but the heading row has 17"),
    # The spacer page with one more empty cell after the measure: two cells too many, in two places.
    (lambda h, r: (h, [row[:3] + [""] + row[3:] if len(row) == 18 and row[1] else row for row in r]),
     "Lines 29 to 40 have more cells than the heading row has headings (19, not 17)"),
    # One line with an empty cell too many: which of its empty cells is the extra one cannot be told.
    (lambda h, r: (h, [row[:5] + [""] + row[5:] if row[:1] == ["P2.2"] else row for row in r]),
     "Line 13 has more cells than the heading row has headings (18, not 17)"),
])
def test_a_bad_scorecard_is_refused_naming_the_line_and_nothing_is_stored(app, change, message):
    header, rows = change(*_csv_rows())
    with app.app_context():
        _import(PAPER.read_bytes(), PAPER.name)
        before = _stored()
        with pytest.raises(services.Refused, match=re.escape(message)):
            _import(_csv_bytes(header, rows), "changed.csv")
        db.session.rollback()
        assert _stored() == before


def test_the_cli_imports_the_paper_as_it_is_with_a_dry_run_first_and_exports_back(app, runner, tmp_path):
    dry = runner.invoke(args=["import-scorecard", str(PAPER), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "The scorecard's table is on lines 542 to 594 of the file" in dry.output
    assert "line 544: G1 (General) No polarity; target 380-430" in dry.output
    assert f"Dry run: {MEASURES} measures would be imported; nothing was stored." in dry.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Measure)) == 0
    done = runner.invoke(args=["import-scorecard", str(SEED)])
    assert done.exit_code == 0 and f"Imported {MEASURES} measures." in done.output
    out = tmp_path / "scorecard.xlsx"
    exported = runner.invoke(args=["export-scorecard", "--format", "xlsx", "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    header, rows = read_upload(out.read_bytes(), out.name)
    assert "Q3 2017-18" in header and "Q4 2017-18" in header and "Stat Neigh Av" in header
    assert sum(1 for r in rows if any(r[1:])) == MEASURES
    csv_out = runner.invoke(args=["export-scorecard", "--format", "csv"])
    assert csv_out.exit_code == 0 and "P5.6" in csv_out.output and "⬇" in csv_out.output
    bad = tmp_path / "bad.csv"
    bad.write_text("Thing,Value\nA,1\n")
    refused = runner.invoke(args=["import-scorecard", str(bad)])
    assert refused.exit_code != 0 and "could not find the Ref and Measure column" in refused.output


def test_an_officer_imports_the_scorecard_in_the_browser_after_checking_every_cell(app, login_as):
    officer = login_as("officer")
    page = officer.get("/scorecard/import")
    reply = officer.post("/scorecard/import", data={
        "csrf_token": csrf_token(page.text), "step": "check",
        "upload": (io.BytesIO(SEED.read_bytes()), "Scorecard Q3.csv")}, content_type="multipart/form-data")
    assert reply.status_code == 200
    assert f"{MEASURES} measures in {len(GROUPS)} groups will be stored" in reply.text
    assert "Line 3: G1 Number of cared for children" in reply.text
    assert "a range: 380 to 430" in reply.text and "words (rated by hand)" in reply.text
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Measure)) == 0
    done = officer.post("/scorecard/import", data={
        "csrf_token": csrf_token(reply.text), "step": "import", "file_data": hidden_value(reply.text, "file_data"),
        "filename": hidden_value(reply.text, "filename")})
    assert done.status_code == 302
    board = officer.get("/scorecard/").text
    assert f"Imported the scorecard: {MEASURES} measures." in board and "P5.6" in board


def test_a_file_that_is_not_a_scorecard_gets_a_plain_message_and_nothing_is_stored(app, login_as):
    officer = login_as("officer")
    page = officer.get("/scorecard/import")
    reply = officer.post("/scorecard/import", data={
        "csrf_token": csrf_token(page.text), "step": "import",
        "upload": (io.BytesIO(b"Thing,Value\nA,1\n"), "list.csv")}, content_type="multipart/form-data")
    assert reply.status_code == 200 and "We could not find the Ref and Measure column" in reply.text
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Measure)) == 0
