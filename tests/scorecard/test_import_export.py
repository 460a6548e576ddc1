"""The committee's Q3 scorecard (seeds/002) imported as a council would, exported, and imported again."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from participation.db import db
from participation.exchange.codec import encode_table, read_upload
from participation.scorecard import services
from participation.scorecard.models import Measure, MeasureGroup, MeasureValue
from participation.scorecard.rules import read_period
from tests.conftest import csrf_token, hidden_value

SEED = Path(__file__).parent / "data" / "scorecard_q3_2017_18.csv"


def _seed_rows() -> tuple[list[str], list[list[str]]]:
    with SEED.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def _as_xlsx() -> bytes:
    header, rows = _seed_rows()
    return encode_table("xlsx", header, rows, "Scorecard Q3")


def _stored() -> list[tuple]:
    """Everything stored about the scorecard, in order, without ids."""
    measures = db.session.scalars(select(Measure).order_by(Measure.position)).all()
    return [(m.group.name, m.group.position, m.reference, m.name, m.lead, m.polarity, m.unit, m.frequency, m.target,
             m.tolerance, m.comparators, m.priorities, m.notes, m.rag_override, m.arrow_written,
             sorted((v.period, v.written, v.number, v.comment) for v in m.values)) for m in measures]


def _import(data: bytes, name: str) -> int:
    header, rows = read_upload(data, name)
    count = services.import_sheet(db.session, None, header, rows)
    db.session.commit()
    return count


def _strip_marks(cell: str) -> str:
    return " ".join(re.sub(r"</?i>", "", cell).split())


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_every_field_of_the_seed_scorecard_is_imported(app, kind):
    data = SEED.read_bytes() if kind == "csv" else _as_xlsx()
    with app.app_context():
        assert _import(data, f"scorecard.{kind}") == 32
        groups = db.session.scalars(select(MeasureGroup.name).order_by(MeasureGroup.position)).all()
        assert groups == ["General", "Involve Me", "Provide Me With a Good Safe Home", "Keep Me Healthy",
                          "Help Me Achieve"]
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


def test_the_seed_scorecard_exports_with_every_cell_as_the_council_wrote_it(app):
    header, rows = _seed_rows()
    with app.app_context():
        _import(SEED.read_bytes(), "scorecard.csv")
        out_header, out_rows = services.export_table(db.session)
        out_rows = list(out_rows)
    seed = {r[0]: dict(zip(header, r)) for r in rows if r[0] and any(r[1:])}
    exported = {r[0]: dict(zip(out_header, r)) for r in out_rows if any(r[1:])}
    assert list(seed) == list(exported)
    same_heading = ["Ref", "Department Lead", "Measure", "Stat Neigh Av", "National Av", "Target", "Comments",
                    "C&YP Plan Priority", "Corporate Priority"]
    periods = {h: read_period(h).heading for h in header if read_period(h)}
    for ref, cells in seed.items():
        for heading in same_heading:
            assert exported[ref][heading] == _strip_marks(cells[heading]), (ref, heading)
        for heading, ours in periods.items():
            assert exported[ref].get(ours, "") == cells[heading], (ref, heading)
        assert exported[ref]["Polarity"].lower() == cells["Polarity"].lower(), ref
        if cells["Quarterly dir of travel"]:  # the council's own arrow is kept
            assert exported[ref]["Direction of travel"] == cells["Quarterly dir of travel"], ref
    # The group rows come back in the council's order.
    assert [r[0] for r in out_rows if not any(r[1:])] == [r[0] for r in rows if r[0] and not any(r[1:])]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_import_export_import_gives_the_same_scorecard(app, kind):
    with app.app_context():
        _import(SEED.read_bytes(), "scorecard.csv")
        first = _stored()
        header, rows = services.export_table(db.session)
        again = encode_table(kind, header, rows, "Scorecard")
        _import(again, f"again.{kind}")
        assert _stored() == first
        assert db.session.scalar(select(func.count()).select_from(MeasureValue)) == sum(len(m[-1]) for m in first)


def test_the_preview_marks_where_the_councils_arrow_differs_from_the_values(app):
    header, rows = _seed_rows()
    with app.app_context():
        shown = services.preview(db.session, header, rows)
        checks = {row.reference: notes for row, _, notes in shown.rows if notes}
        # G3 went from 198 to 196 but the council drew a level arrow; P2.11 stayed at 13 and has an up arrow.
        assert "G3" in checks and "P2.11" in checks
        assert all("The file's arrow is kept" in n for notes in checks.values() for n in notes)
        assert db.session.scalar(select(func.count()).select_from(Measure)) == 0  # a preview stores nothing


@pytest.mark.parametrize("change, message", [
    (lambda h, r: (h, r + [["G1", "Someone", "A repeat", "", "", "", "", "", "", "", "", "", "", "", "", "", ""]]),
     "the Ref G1 is already used on line 3"),
    (lambda h, r: (h, r[:5] + [r[5][:3] + ["Sideways is good"] + r[5][4:]] + r[6:]), "the polarity 'Sideways is good'"),
    (lambda h, r: (h, r[:3] + [r[3][:12] + ["Purple"] + r[3][13:]] + r[4:]), "the RAG rating 'Purple'"),
    (lambda h, r: ([c if c != "Measure" else "What" for c in h], r), "could not find the Measure column"),
    (lambda h, r: (h, r[:4] + [r[4] + ["an extra cell"]] + r[5:]), "Line 6 has more cells"),
])
def test_a_bad_scorecard_is_refused_naming_the_line_and_nothing_is_stored(app, change, message):
    header, rows = change(*_seed_rows())
    with app.app_context():
        _import(SEED.read_bytes(), "scorecard.csv")
        before = _stored()
        with pytest.raises(services.Refused, match=re.escape(message)):
            services.import_sheet(db.session, None, header, rows)
        db.session.rollback()
        assert _stored() == before


def test_the_cli_imports_with_a_dry_run_first_and_exports_back(app, runner, tmp_path):
    dry = runner.invoke(args=["import-scorecard", str(SEED), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "line 3: G1 (General) No polarity; target 380-430" in dry.output
    assert "Dry run: 32 measures would be imported; nothing was stored." in dry.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Measure)) == 0
    done = runner.invoke(args=["import-scorecard", str(SEED)])
    assert done.exit_code == 0 and "Imported 32 measures." in done.output
    out = tmp_path / "scorecard.xlsx"
    exported = runner.invoke(args=["export-scorecard", "--format", "xlsx", "-o", str(out)])
    assert exported.exit_code == 0, exported.output
    header, rows = read_upload(out.read_bytes(), out.name)
    assert "Q3 2017-18" in header and "Stat Neigh Av" in header
    csv_out = runner.invoke(args=["export-scorecard"])
    assert csv_out.exit_code == 0 and "P4.7" in csv_out.output
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
    assert "32 measures in 5 groups will be stored" in reply.text
    assert "Line 3: G1 Number of cared for children" in reply.text
    assert "a range: 380 to 430" in reply.text and "words (rated by hand)" in reply.text
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Measure)) == 0
    done = officer.post("/scorecard/import", data={
        "csrf_token": csrf_token(reply.text), "step": "import", "file_data": hidden_value(reply.text, "file_data"),
        "filename": hidden_value(reply.text, "filename")})
    assert done.status_code == 302
    board = officer.get("/scorecard/").text
    assert "Imported the scorecard: 32 measures." in board and "P2.15" in board


def test_a_file_that_is_not_a_scorecard_gets_a_plain_message_and_nothing_is_stored(app, login_as):
    officer = login_as("officer")
    page = officer.get("/scorecard/import")
    reply = officer.post("/scorecard/import", data={
        "csrf_token": csrf_token(page.text), "step": "import",
        "upload": (io.BytesIO(b"Thing,Value\nA,1\n"), "list.csv")}, content_type="multipart/form-data")
    assert reply.status_code == 200 and "We could not find the Ref and Measure column" in reply.text
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Measure)) == 0
