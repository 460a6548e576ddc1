"""Exporting responses as CSV, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

from participation.exchange.codec import safe_cell, write_csv
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
