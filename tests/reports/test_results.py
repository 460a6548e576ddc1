"""A survey's results page: the figures an officer reads match the stored answers; committee members see
small numbers hidden; who may open it."""

from __future__ import annotations

import io
import re

from openpyxl import load_workbook

from participation.db import db, today
from participation.respond.storing import AnswerRow, Sent, store
from tests.factories import make_survey
from tests.reports.helpers import signed_in_again, table_row


def _survey(app):
    with app.app_context():
        return _build()


def _build():
    survey = make_survey(db.session, "results-test", sections=[{"title": "You", "questions": [
        {"kind": "yesno", "text": "Are you 16 or over?", "required": False},
        {"kind": "multiple", "text": "Who helps you?", "options": ["Carer", "Social worker", "Friend"]},
        {"kind": "single", "text": "Do you have a pathway plan?", "options": ["Yes", "No"]},
        {"kind": "text", "text": "Tell us more"},
    ]}])
    age, helps, plan, more = survey.ordered_questions
    plan.show_if_question_id, plan.show_if_value = age.id, "yes"
    db.session.commit()
    return survey.id, age.id, helps.id, plan.id, more.id


def _answer(app, survey, rows_per_response):
    with app.app_context():
        _store(survey, rows_per_response)


def _store(survey, rows_per_response):
    store(db.session, survey, [Sent(today(), rows) for rows in rows_per_response])
    db.session.commit()


def _known_answers(app, survey, age, helps, plan, more):
    responses = []
    # 8 aged 16 or over: 6 have a plan, 1 has none, 1 skipped the plan question.
    for i in range(8):
        rows = [AnswerRow(age, choice="yes"), AnswerRow(helps, choice="carer")]
        if i < 6:
            rows.append(AnswerRow(plan, choice="yes"))
        elif i == 6:
            rows.append(AnswerRow(plan, choice="no"))
        if i < 3:
            rows.append(AnswerRow(helps, choice="friend"))
        responses.append(rows)
    # 4 under 16, never shown the plan question; 2 skipped the age question and chose no helper.
    responses += [[AnswerRow(age, choice="no"), AnswerRow(helps, choice="social-worker"),
                   AnswerRow(more, text=f"My carer is great {i}")] for i in range(4)]
    responses += [[], []]
    _answer(app, survey, responses)


def test_an_officer_sees_each_questions_figures(app, client, login_as):
    survey, *questions = _survey(app)
    _known_answers(app, survey, *questions)
    page = signed_in_again(client, login_as, "officer").get(f"/surveys/{survey}/results").text
    assert "14 responses from young people" in page
    assert table_row(page, "Yes") == ("8", "67%")  # of the 12 who answered the age question
    assert "12 answered, 2 skipped" in page
    # Several choices: shares of the 12 who chose any helper, said so on the page.
    assert table_row(page, "Carer") == ("8", "67%") and table_row(page, "Friend") == ("3", "25%")
    assert "could choose more than one answer" in page
    # The conditional question: out of the 8 shown it.
    assert "Shown to 8 young people" in page and "7 answered, 1 skipped" in page
    assert "not shown to 6." in page  # the 4 under 16 and the 2 who did not say
    assert re.search(r'<th scope="row">No</th><td class="num">1</td><td class="num">14%</td>', page)
    assert "My carer is great 3" in page
    assert 'data-figure="fig-q' in page and 'src="/static/vendor/plotly/plotly-basic.min.js"' in page


def test_a_committee_member_sees_small_numbers_hidden(app, client, login_as):
    survey, *questions = _survey(app)
    _known_answers(app, survey, *questions)
    page = signed_in_again(client, login_as, "committee").get(f"/surveys/{survey}/results").text
    assert table_row(page, "Friend")[0] == "fewer than 5"
    # The plan question: 6 said yes and 1 no. The 1 is fewer than 5; the 6 is hidden only so the 1 cannot be
    # worked out from the 7 who answered, and says so.
    assert re.search(r'<th scope="row">Yes</th><td class="num">hidden</td><td class="num">–</td>', page)
    assert re.search(r'<th scope="row">No</th><td class="num">fewer than 5</td><td class="num">–</td>', page)
    # 14 answered, so their comments are shown, without the day they were sent.
    assert "My carer is great 3" in page and "Sent on" not in page
    cells = re.findall(r'<td class="num">([^<]*)</td>', page)
    assert not [c for c in cells if c.isdigit() and 0 < int(c) < 5], cells


def test_a_survey_with_fewer_than_5_responses_shows_a_committee_member_nothing(app, client, login_as):
    survey, age, helps, plan, more = _survey(app)
    _answer(app, survey, [[AnswerRow(age, choice="yes"), AnswerRow(more, text="Only two of us")]] * 2)
    page = signed_in_again(client, login_as, "committee").get(f"/surveys/{survey}/results").text
    assert "Too few young people answered" in page and "Only two of us" not in page
    assert '<td class="num">' not in page
    officer = signed_in_again(client, login_as, "officer").get(f"/surveys/{survey}/results").text
    assert "Only two of us" in officer and "2 responses from young people" in officer


def test_who_may_open_the_results(app, client, login_as):
    survey, *_ = _survey(app)
    assert client.get(f"/surveys/{survey}/results").status_code in (302, 401)
    for role in ("administrator", "officer", "committee"):
        assert signed_in_again(client, login_as, role).get(f"/surveys/{survey}/results").status_code == 200
    assert signed_in_again(client, login_as, "officer").get("/surveys/999999/results").status_code == 404
    show = signed_in_again(client, login_as, "officer").get(f"/surveys/{survey}").text
    assert f'href="/surveys/{survey}/results"' in show
    reports = signed_in_again(client, login_as, "committee").get("/reports/").text
    assert f'href="/surveys/{survey}/results"' in reports


def test_a_committee_member_gets_no_comments_for_a_group_chosen_by_an_answer(app, client, login_as):
    """Noting which answer groups one comment is listed in would give its writer's answer to every question."""
    survey, age, helps, plan, more = _survey(app)
    # 12 answered the age question "no" and wrote a comment; 10 said "yes".
    _answer(app, survey, [[AnswerRow(age, choice="no"), AnswerRow(more, text=f"Under sixteen comment {i}")]
                          for i in range(12)] + [[AnswerRow(age, choice="yes")] for _ in range(10)])
    group = {"breakdown": f"{age}:no"}
    committee = signed_in_again(client, login_as, "committee")
    assert "Under sixteen comment" in committee.get(f"/surveys/{survey}/results").text  # everyone: listed
    page = committee.get(f"/surveys/{survey}/results", query_string=group).text
    assert "Under sixteen comment" not in page and "Comments are not listed for a group chosen by an answer" in page
    listed = committee.get(f"/surveys/{survey}/results/comments/{more}", query_string=group).text
    assert "Under sixteen comment" not in listed and "Comments are not listed for a group" in listed
    csv_text = committee.get(f"/surveys/{survey}/results/comments.csv", query_string=group).data.decode("utf-8-sig")
    assert csv_text.startswith("question,comment") and "Under sixteen" not in csv_text
    book = load_workbook(io.BytesIO(committee.get(f"/surveys/{survey}/results/comments.xlsx",
                                                  query_string=group).data))
    assert not [c.value for row in book.active.iter_rows() for c in row if "Under sixteen" in str(c.value)]
    everyone = committee.get(f"/surveys/{survey}/results/comments.csv").data.decode("utf-8-sig")
    assert "Under sixteen comment 3" in everyone
    # An officer, who reads the responses themselves, still reads a group's comments.
    officer = signed_in_again(client, login_as, "officer")
    assert "Under sixteen comment" in officer.get(f"/surveys/{survey}/results", query_string=group).text
