"""Downloads from the results page and `flask export-results`: the same figures as the page, formula-safe,
the day only; committee members get only what the small-number rules allow."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter

from openpyxl import load_workbook

from participation.db import db
from participation.respond.storing import AnswerRow, Sent, store
from tests.factories import make_survey
from tests.reports.helpers import APRIL, MARCH, filters_survey, signed_in_again, table_row


def _csv(reply) -> list[list[str]]:
    assert reply.status_code == 200, reply.status_code
    return list(csv.reader(io.StringIO(reply.data.decode("utf-8-sig"))))


def test_results_download_has_the_page_figures_under_the_filters(app, client, login_as):
    survey, age, helps, happy, more = filters_survey(app)
    officer = signed_in_again(client, login_as, "officer")
    query = f"?start=2026-04-01&end=2026-05-31&breakdown={age}:yes"
    page = officer.get(f"/surveys/{survey}/results{query}").text
    rows = _csv(officer.get(f"/surveys/{survey}/results/results.csv{query}"))
    assert rows[0] == ["question", "answer", "count", "percent"]
    table = {(q, a): (c, p) for q, a, c, p in rows[1:]}
    for label in ("Carer", "Friend", "1 (lowest)", "5 (highest)"):
        count, percent = table_row(page, label)
        question = "Who helps you?" if label in ("Carer", "Friend") else "How happy are you at home?"
        assert table[(question, label)] == (count, percent.rstrip("%")), label
    book = load_workbook(io.BytesIO(officer.get(f"/surveys/{survey}/results/results.xlsx{query}").data))
    sheet = list(book.active.values)
    assert list(sheet[0]) == ["question", "answer", "count", "percent"]
    assert [list(map(str, r)) for r in sheet[1:]] == rows[1:]


def test_responses_download_one_row_each_with_the_day_only_and_formula_safe(app, client, login_as):
    with app.app_context():
        made = make_survey(db.session, "formula", sections=[{"title": "You", "questions": [
            {"kind": "yesno", "text": "Are you 16 or over?"}, {"kind": "text", "text": "Tell us more"}]}])
        age, more = (q.id for q in made.ordered_questions)
        store(db.session, made.id, [Sent(MARCH, [AnswerRow(age, choice="yes"), AnswerRow(more, text="=1+1")]),
                                    Sent(APRIL, [AnswerRow(age, choice="no")])])
        db.session.commit()
        survey = made.id
    officer = signed_in_again(client, login_as, "officer")
    rows = _csv(officer.get(f"/surveys/{survey}/results/responses.csv"))
    assert rows == [["Day sent", "Are you 16 or over?", "Tell us more"],
                    ["2026-03-10", "Yes", "'=1+1"], ["2026-04-15", "No", ""]]
    april = _csv(officer.get(f"/surveys/{survey}/results/responses.csv?start=2026-04-01"))
    assert april[1:] == [["2026-04-15", "No", ""]]
    book = load_workbook(io.BytesIO(officer.get(f"/surveys/{survey}/results/responses.xlsx").data))
    cell = book.active["C2"]
    assert cell.value == "=1+1" and cell.data_type == "s"
    # Committee members never get responses one by one, and see nothing of a survey 2 answered.
    committee = signed_in_again(client, login_as, "committee")
    assert committee.get(f"/surveys/{survey}/results/responses.csv").status_code == 403
    assert _csv(committee.get(f"/surveys/{survey}/results/results.csv")) == [["question", "answer", "count", "percent"]]
    assert _csv(committee.get(f"/surveys/{survey}/results/comments.csv")) == [["question", "comment", "feeling", "themes"]]
    assert "=1+1" not in committee.get(f"/surveys/{survey}/results/comments.xlsx").data.decode("latin-1")
    officer = signed_in_again(client, login_as, "officer")
    comments = _csv(officer.get(f"/surveys/{survey}/results/comments.csv"))
    assert comments[0] == ["question", "comment", "feeling", "themes", "day sent"]
    assert comments[1][:2] == ["Tell us more", "'=1+1"] and comments[1][-1] == "2026-03-10"


def test_a_committee_member_downloads_suppressed_figures_and_redacted_comments(app, client, login_as):
    with app.app_context():
        made = make_survey(db.session, "names-dl", sections=[{"title": "You", "questions": [
            {"kind": "single", "text": "Do you have a pathway plan?", "options": ["Yes", "No"]},
            {"kind": "text", "text": "Tell us more"}]}])
        plan, more = (q.id for q in made.ordered_questions)
        store(db.session, made.id, [Sent(MARCH, [AnswerRow(plan, choice="yes" if i < 6 else "no"),
                                                 AnswerRow(more, text=f"my PA is called Priya and she is kind {i}")])
                                    for i in range(7)])
        db.session.commit()
        survey = made.id
    committee = signed_in_again(client, login_as, "committee")
    rows = _csv(committee.get(f"/surveys/{survey}/results/results.csv"))
    assert rows[1:] == [["Do you have a pathway plan?", "Yes", "hidden", ""],
                        ["Do you have a pathway plan?", "No", "fewer than 5", ""]]
    comments = _csv(committee.get(f"/surveys/{survey}/results/comments.csv"))
    assert len(comments) == 8 and all("[name]" in c[1] and "Priya" not in c[1] for c in comments[1:])
    assert comments[0] == ["question", "comment", "feeling", "themes"]


def test_export_results_counts_equal_those_from_export_responses(app, runner):
    assert runner.invoke(args=["seed-demo", "--responses", "60"]).exit_code == 0
    results = runner.invoke(args=["export-results", "demo"])
    assert results.exit_code == 0, results.output
    table = list(csv.reader(io.StringIO(results.output)))
    assert table[0] == ["question", "answer", "count", "percent"]
    responses = list(csv.reader(io.StringIO(runner.invoke(args=["export-responses", "demo"]).output)))
    header, body = responses[0], responses[1:]
    counted: Counter = Counter()
    for row in body:
        for question, cell in zip(header, row):
            for answer in filter(None, cell.split("; ")):
                counted[(question, answer)] += 1
    assert len(table) > 10
    for question, answer, count, _ in table[1:]:
        assert int(count) == counted[(question, answer)], (question, answer)
    assert sum(int(r[2]) for r in table[1:]) > 60
    xlsx = runner.invoke(args=["export-results", "demo", "--format", "xlsx"])
    assert xlsx.exit_code == 0
    book = load_workbook(io.BytesIO(xlsx.stdout_bytes))
    assert [list(map(str, r)) for r in book.active.values] == table


def test_an_officer_reads_one_response_at_a_time_as_it_was_checked(app, client, login_as):
    with app.app_context():
        made = make_survey(db.session, "one-by-one", sections=[
            {"title": "About you", "questions": [{"kind": "yesno", "text": "Are you 16 or over?", "required": False},
                                                 {"kind": "multiple", "text": "Who helps you?",
                                                  "options": ["Carer", "Social worker", "Friend"]}]},
            {"title": "Your plan", "questions": [{"kind": "single", "text": "Do you have a pathway plan?",
                                                  "options": ["Yes", "No"]},
                                                 {"kind": "text", "text": "Tell us more"}]}])
        age, helps, plan, more = made.ordered_questions
        plan.show_if_question_id, plan.show_if_value = age.id, "yes"
        store(db.session, made.id, [
            Sent(MARCH, [AnswerRow(age.id, choice="yes"), AnswerRow(helps.id, choice="friend"),
                         AnswerRow(helps.id, choice="carer"), AnswerRow(plan.id, choice="no"),
                         AnswerRow(more.id, text="<b>more</b> visits")]),
            Sent(APRIL, [AnswerRow(age.id, choice="no")])])
        db.session.commit()
        survey = made.id
    officer = signed_in_again(client, login_as, "officer")
    pages = [officer.get(f"/surveys/{survey}/responses/{n}").text for n in (1, 2)]
    older = next(p for p in pages if "sent on 10 March 2026" in p)
    younger = next(p for p in pages if "sent on 15 April 2026" in p)
    assert "Response 1 of 2" in pages[0] and "Response 2 of 2" in pages[1]
    assert '<dt class="summary-key">Who helps you?</dt>\n    <dd class="summary-value"><span class="answer">Carer; Friend' in older
    assert "&lt;b&gt;more&lt;/b&gt; visits" in older and "<b>more" not in older
    assert "About you" in older and "Your plan" in older
    assert "Not asked: an earlier answer meant this question was not shown" in younger
    assert younger.count("Skipped") == 2  # who helps, and tell us more
    # The day, never a time; the filters apply.
    assert not re.search(r"\d{1,2}:\d{2}", older.split("<main")[1])
    only_april = officer.get(f"/surveys/{survey}/responses/1?start=2026-04-01").text
    assert "Response 1 of 1" in only_april and "15 April 2026" in only_april
    assert officer.get(f"/surveys/{survey}/responses/3").status_code == 404
    assert signed_in_again(client, login_as, "committee").get(f"/surveys/{survey}/responses/1").status_code == 403
