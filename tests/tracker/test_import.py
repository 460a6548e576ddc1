"""Importing a council's tracker: messy real rows, CSV and Excel, all or nothing, and a dry run."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import func, select

from participation.db import db
from participation.themes.services import ensure_default_themes
from participation.tracker.importing import Columns, apply_import, plan_import
from participation.tracker.models import Action, YouSaid

MESSY = Path(__file__).parent.parent / "data" / "messy_tracker.csv"
COLUMNS = Columns(you_said="RECOMMENDATION", we_did="Response", status="COMPLETED ON", due="Target", theme="Outcome",
                  owner="Lead", ref="No")


def _plan(app, data: bytes, name: str, columns: Columns = COLUMNS):
    with app.app_context():
        ensure_default_themes(db.session)
        db.session.commit()
        return plan_import(db.session, data, name, columns)


def test_messy_rows_from_a_council_tracker_are_read_and_nothing_is_rejected_for_its_wording(app):
    plan = _plan(app, MESSY.read_bytes(), MESSY.name)
    assert plan.ok, plan.errors
    assert plan.skipped == ["Row 2: “Changes to the processes that support care leavers” looks like a heading, "
                            "so it was left out."]
    by_ref = {p.item.reference: p for p in plan.items}
    assert by_ref["13.1.2"].action.status == "done" and by_ref["13.1.2"].item.theme_keys == ["involve-me"]
    grant = by_ref["13.1.7"]
    assert grant.action.done_on == date(2014, 3, 12) and "£3,000,\nand young people decide" in grant.action.what
    assert grant.action.we_did == ""  # the review's response is the council's words: young people's wait for an officer
    assert grant.item.theme_keys == ["adult-life"] and grant.action.owner == "16+ team"
    assert by_ref["13.2.2"].action.status == "not-progressed"
    assert by_ref["13.3.3"].action.due_on == date(2014, 5, 31)
    assert by_ref["13.3.3"].item.theme_keys[0] == "adult-life"  # "Money" is not a theme: tagged instead
    assert (by_ref["3.7"].action.status, by_ref["3.7"].action.due_on) == ("not-started", date(2012, 6, 30))
    assert by_ref["3.12"].rag_override == "amber" and by_ref["3.12"].action.due_on == date(2013, 7, 31)
    assert by_ref["3.13"].rag_override == "red"
    assert by_ref["3.14"].action.note == "Sorted by the team last spring"


def test_an_import_creates_everything_once_and_an_excel_file_works_the_same(app, runner):
    book = Workbook()
    sheet = book.active
    sheet.append(["Ref", "You said", "We did", "Status", "Due"])
    sheet.append(["A1", "We want more say in our reviews.", "Young people now chair part of their review.",
                  "Completed", None])
    sheet.append(["A2", "We want free bus passes.", "Talking to the transport team.", "In progress",
                  date(2027, 3, 31)])
    out = io.BytesIO()
    book.save(out)
    plan = _plan(app, out.getvalue(), "tracker.xlsx", Columns("You said", "We did", "Status", "Due", ref="Ref"))
    assert plan.ok, plan.errors
    with app.app_context():
        assert apply_import(db.session, None, plan, publish=True) == 2
        actions = db.session.scalars(select(Action).order_by(Action.id)).all()
        assert [(a.status, a.due_on) for a in actions] == [("done", None), ("in-progress", date(2027, 3, 31))]
        assert all(i.published for i in db.session.scalars(select(YouSaid)))


def test_a_row_with_a_response_but_no_you_said_stops_the_whole_import(app, tmp_path):
    data = "you said,we did\nWe want wifi,Wifi is in every home\n,An orphan response\n".encode()
    plan = _plan(app, data, "t.csv", Columns("you said", "we did"))
    assert not plan.ok
    assert plan.errors == ["Row 3: there is a response but the “you said” cell is empty."]
    with app.app_context():
        try:
            apply_import(db.session, None, plan)
        except ValueError:
            pass
        assert db.session.scalar(select(func.count()).select_from(YouSaid)) == 0


def test_bad_files_and_columns_get_plain_messages(app):
    assert _plan(app, b"\x00\x01binary\x00", "t.csv").errors[0].startswith("This file is not a CSV file")
    assert _plan(app, b"PK\x03\x04broken", "t.xlsx").errors[0].startswith("This Excel file could not be read")
    assert _plan(app, b"x" * (1024 * 1024 + 1), "t.csv").errors[0].startswith("The file is too big")
    assert _plan(app, b"", "t.csv").errors == ["The file is empty."]
    missing = _plan(app, b"Recommendation,Response\nA,B\n", "t.csv", Columns("You said", "Response"))
    assert missing.errors == ["The file has no column headed “You said”. Its columns are: Recommendation, Response."]


def test_the_command_line_dry_run_prints_rows_and_stores_nothing(app, runner):
    args = ["import-tracker", str(MESSY), "--you-said", "RECOMMENDATION", "--we-did", "Response",
            "--status", "COMPLETED ON", "--due", "Target", "--theme", "Outcome", "--ref", "No"]
    with app.app_context():
        ensure_default_themes(db.session)
        db.session.commit()
    dry = runner.invoke(args=args + ["--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "row 4: Done" in dry.output and "Dry run: 8 items would be created" in dry.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(YouSaid)) == 0
    done = runner.invoke(args=args + ["--publish"])
    # A review's recommendations wait for plain words for young people before they go on the board.
    assert "Imported 8 items and published 0 of them. The others wait for plain words" in done.output
    bad = runner.invoke(args=["import-tracker", str(MESSY), "--you-said", "Nope", "--we-did", "Response"])
    assert bad.exit_code != 0 and "no column headed “Nope”" in bad.output


def test_export_tracker_command_writes_csv_and_excel(app, runner, tmp_path):
    from openpyxl import load_workbook

    with app.app_context():
        ensure_default_themes(db.session)
        db.session.commit()
    runner.invoke(args=["import-tracker", str(MESSY), "--you-said", "RECOMMENDATION", "--we-did", "Response",
                        "--ref", "No"])
    csv_out = runner.invoke(args=["export-tracker"])
    assert csv_out.exit_code == 0 and csv_out.output.startswith("Reference,You said,Themes")
    import re
    assert "=HYPERLINK" in csv_out.output and not re.search(r'(^|,)"?[=+@-]', csv_out.output, re.M)
    target = tmp_path / "tracker.xlsx"
    assert runner.invoke(args=["export-tracker", "--format", "xlsx", "--output", str(target)]).exit_code == 0
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][:2] == ("Reference", "You said") and len(rows) == 9
