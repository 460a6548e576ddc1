"""Exporting responses as CSV, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

from participation.core.spreadsheets import safe_cell, write_csv
from tests.respond.helpers import answer_demo, send


def test_formula_like_text_is_made_harmless():
    assert safe_cell("=SUM(A1:A2)") == "'=SUM(A1:A2)"
    assert safe_cell("+44 7700 900123") == "'+44 7700 900123"
    assert safe_cell("-1") == "'-1"
    assert safe_cell("@cmd") == "'@cmd"
    assert safe_cell("\tx") == "'\tx"
    assert safe_cell("More time with my PA") == "More time with my PA"
    assert safe_cell(-3) == "-3" and safe_cell(None) == ""


def test_csv_quotes_commas_and_line_breaks():
    out = io.StringIO()
    assert write_csv(out, ["Q"], [["one, two\nthree"]]) == 1
    assert list(csv.reader(io.StringIO(out.getvalue()))) == [["Q"], ["one, two\nthree"]]


def test_export_responses_writes_question_texts_then_one_row_per_response(app, demo, runner):
    for _ in range(2):
        client = app.test_client()
        send(client, "demo", answer_demo(client, app))
    result = runner.invoke(args=["export-responses", "demo"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows[0][0] == "How do you feel about where you live?"
    assert rows[0][-1] == "What is one thing we should change?"
    assert len(rows) == 3
    assert rows[1][0] == "Happy" and rows[1][4] == "My PA; A friend"
    assert rows[1][-1].startswith("'=HYPERLINK")


def test_export_of_unknown_survey_says_so(runner, app):
    result = runner.invoke(args=["export-responses", "nope"])
    assert result.exit_code != 0 and "There is no survey" in result.output


def test_a_formula_after_a_separator_is_made_harmless_too():
    assert safe_cell("x;=1+1") == "x;'=1+1"
    assert safe_cell("x, +44 7700") == "x, '+44 7700"
    assert safe_cell("a|@cmd") == "a|'@cmd"
    assert safe_cell("a\t-1") == "a\t'-1"
    assert safe_cell("one\r\n=cmd") == "one\r\n'=cmd"
    assert safe_cell("a;\t=b") == "a;'\t'=b"
    assert safe_cell("fish; chips, peas") == "fish; chips, peas"


def _cells_as_a_splitting_spreadsheet_reads_them(text: str) -> list[str]:
    """Every piece of a CSV when a spreadsheet splits on semicolons, commas, tabs, bars and line breaks."""
    import re
    return [piece.lstrip(' "') for piece in re.split(r'[;,|\t\r\n]', text)]


def test_a_download_never_holds_a_formula_after_a_semicolon(app, demo, login_as):
    from participation.core.transaction import transaction
    from participation.db import db
    from participation.tracker import services

    with app.app_context(), transaction(db.session):
        item = services.create_item(db.session, None, services.ItemInput(summary="x;=1+1"))
        services.add_action(db.session, None, item, services.ActionInput(
            what="Wifi;@SUM(A1)", status="done", we_did="Fixed\t+cmd|' /C calc'!A0; -2+3"))
    officer = login_as("officer")
    text = officer.get("/tracker/export.csv").data.decode("utf-8-sig")
    assert "x;'=1+1" in text
    cells = _cells_as_a_splitting_spreadsheet_reads_them(text)
    assert "'=1+1" in cells and "'@SUM(A1)" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]
