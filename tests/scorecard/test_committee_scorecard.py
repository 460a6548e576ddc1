"""The scorecard as the committee reads it: first on /reports, fed by the product's data, small groups hidden,
values and ratings kept by officers."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import distinct, func, select

from participation.db import db, today
from participation.respond.models import Answer, Response
from participation.scorecard import feeds, services
from participation.scorecard.models import Measure
from participation.scorecard.rules import period_for
from participation.surveys.models import Question, Survey
from participation.tracker.models import Action
from tests.helpers import PASSWORD, csrf_token, post_form
from tests.respond.helpers import answer_demo, send


def _safe_question(app) -> int:
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == "demo"))
        return db.session.scalar(select(Question.id).where(Question.survey_id == survey.id, Question.kind == "yesno"))


def _store_answers(app, question_id: int, choices: list[str], days_ago: int = 0) -> None:
    """Responses as stored rows, one per choice, on a day in this quarter."""
    with app.app_context():
        survey_id = db.session.get(Question, question_id).survey_id
        day = max(today() - timedelta(days=days_ago), period_for(today()).starts_on)
        for choice in choices:
            response = Response(survey_id=survey_id, submitted_on=day)
            response.answers.append(Answer(question_id=question_id, choice=choice))
            db.session.add(response)
        db.session.commit()


def _counted(app, question_id: int) -> tuple[int, int]:
    """(answered, said yes) this quarter, counted straight from the stored rows."""
    start = period_for(today()).starts_on
    with app.app_context():
        rows = db.session.execute(select(Answer.response_id, Answer.choice).join(Response).where(
            Answer.question_id == question_id, Response.submitted_on >= start)).all()
    return len({r for r, _ in rows}), len({r for r, c in rows if c == "yes"})


def _sign_in(app, make_user, role: str):
    """A second browser, signed in with a new account of the role."""
    email = f"second-{role}@council.example"
    make_user(role, email=email)
    browser = app.test_client()
    page = browser.get("/login")
    assert browser.post("/login", data={"csrf_token": csrf_token(page.text), "email": email,
                                        "password": PASSWORD}).status_code == 302
    return browser


def _row(page: str, reference: str) -> str:
    match = re.search(rf'<th scope="row">(?:<a [^>]*>)?{re.escape(reference)}(?:</a>)?</th>(.*?)</tr>', page, re.S)
    assert match, f"{reference} is not on the page"
    return match.group(1)


def test_the_committee_sees_the_scorecard_first(app, demo, login_as):
    page = login_as("committee").get("/reports/").text
    assert page.index('id="scorecard-heading"') < page.index('id="in-words"')
    for heading in ("Involve me", "Provide me with a good, safe home", "Keep me healthy", "Help me to achieve",
                    "Support me to move to adult life"):
        assert f">{heading}</h3>" in page
    im1 = _row(page, "IM1")
    assert "97%" in im1 and "tag-rag-green" in im1 and "better than the period before" in im1
    sh1 = _row(page, "SH1")  # 439 against 380-430: amber (within 5% of 430); no polarity, so "down"
    assert "tag-rag-amber" in sh1 and "down on the period before" in sh1
    kh1 = _row(page, "KH1")  # the latest value is words: rated by nobody, no arrow worked out from words
    assert "Data not available this quarter" in kh1


def test_a_fed_share_agrees_with_the_stored_answers_and_hides_small_groups(app, demo, login_as, client):
    question = _safe_question(app)
    _store_answers(app, question, ["yes"] * 7 + ["no"] * 5)
    answered, said_yes = _counted(app, question)
    assert (answered, said_yes) == (12, 7)
    admin = login_as("administrator", email="admin@council.example")
    assert f"{round(100 * said_yes / answered, 1):g}%" in _row(admin.get("/reports/").text, "SH3")
    # One more "no" that day still shows; but with only 3 saying no the share would give them away.
    _store_answers(app, question, ["yes"] * 3)
    with app.app_context():
        seen = feeds.value_for(db.session, {"kind": "survey-answer", "question_id": question, "choices": ["yes"]},
                               period_for(today()), exact=False)
        assert seen.written == "66.7%" and seen.number == 66.7
        assert feeds.value_for(db.session, {"kind": "survey-answer", "question_id": question, "choices": ["no"]},
                               period_for(today()), exact=False).written == "33.3%"


def test_a_fed_share_of_fewer_than_5_young_people_is_hidden_from_the_committee(app, demo, login_as):
    question = _safe_question(app)
    _store_answers(app, question, ["yes"] * 9 + ["no"] * 2)
    committee = login_as("committee")
    row = _row(committee.get("/reports/").text, "SH3")
    values = re.findall(r'<td class="num">([^<]*)</td>', row)
    assert values[-1] == "Hidden: fewer than 5 young people" and not any("%" in v for v in values)
    with app.app_context():
        exact = feeds.value_for(db.session, {"kind": "survey-answer", "question_id": question, "choices": ["yes"]},
                                period_for(today()), exact=True)
        assert exact.written == "81.8%"


def test_fewer_than_5_answers_in_all_hide_the_share(app, demo):
    question = _safe_question(app)
    _store_answers(app, question, ["yes"] * 4)
    with app.app_context():
        shown = feeds.value_for(db.session, {"kind": "survey-answer", "question_id": question, "choices": ["yes"]},
                                period_for(today()), exact=False)
        assert shown.number is None and "fewer than 5" in shown.written


def test_actions_overdue_agree_with_the_tracker_and_are_never_hidden(app, demo, login_as):
    with app.app_context():
        late = db.session.scalars(select(Action).where(
            Action.due_on < today(), Action.status.notin_(("done", "wont-do"))).order_by(Action.id)).all()
        for action in late[2:]:  # leave two overdue: a small number, but of the council's actions, not people
            action.status, action.wont_do_reason = "wont-do", "Replaced by another action."
        db.session.commit()
        overdue = db.session.scalar(select(func.count(Action.id)).where(
            Action.due_on < today(), Action.status.notin_(("done", "wont-do"))))
        assert overdue == 2
    committee = login_as("committee")
    row = _row(committee.get("/reports/").text, "IM3")
    assert f'<td class="num">{overdue}</td>' in row
    assert "tag-rag-red" in row  # Low is good, target 0


def test_responses_fed_by_audience_count_the_stored_responses(app, demo):
    for _ in range(6):
        young_person = app.test_client()
        send(young_person, "demo", answer_demo(young_person, app))
    with app.app_context():
        stored = db.session.scalar(select(func.count(distinct(Response.id))).where(
            Response.submitted_on >= period_for(today()).starts_on))
        figure = feeds.value_for(db.session, {"kind": "responses"}, period_for(today()), exact=False)
        assert figure.number == stored == 6
        assert feeds.value_for(db.session, {"kind": "responses", "audience": "care-leavers"},
                               period_for(today()), exact=True).number == 0


def test_an_officer_records_a_new_quarter_and_the_rating_and_arrow_follow(app, demo, login_as):
    officer = login_as("officer")
    with app.app_context():
        measure_id = services.find_measure(db.session, "HA1").id
        current = period_for(today())
    following = f"Q{current.quarter % 4 + 1} {current.year + (current.quarter == 4)}-" \
                f"{(current.year + (current.quarter == 4) + 1) % 100:02d}"
    page = f"/scorecard/measures/{measure_id}"
    reply = post_form(officer, f"{page}/values", {"period": following, "written": "80%", "comment": "Two schools late"},
                      form_page=page)
    assert reply.status_code == 302
    shown = officer.get(page).text
    assert "80%" in shown and "Two schools late" in shown and "tag-rag-red" in shown
    assert "worse than the period before" in shown
    bad = post_form(officer, f"{page}/values", {"period": "next spring", "written": "81%"}, form_page=page)
    assert bad.status_code == 200 and "Write the period as a quarter and financial year" in bad.text
    assert 'value="81%"' in bad.text  # what was typed is kept


def test_a_rating_set_by_hand_needs_a_reason_and_the_committee_reads_it(app, demo, login_as, make_user):
    officer = login_as("officer")
    with app.app_context():
        measure_id = services.find_measure(db.session, "AL1").id
    page = f"/scorecard/measures/{measure_id}"
    refused = post_form(officer, f"{page}/rag", {"colour": "amber", "reason": ""}, form_page=page)
    assert "Say why you are setting the rating by hand." in refused.text
    post_form(officer, f"{page}/rag", {"colour": "amber", "reason": "Six of the 57% are on short courses."},
              form_page=page)
    committee = _sign_in(app, make_user, "committee")
    row = _row(committee.get("/reports/").text, "AL1")
    assert "tag-rag-amber" in row and "set by hand: Six of the 57% are on short courses." in row


def test_an_officer_defines_a_measure_and_a_clash_of_reference_is_refused(app, demo, login_as):
    officer = login_as("officer")
    data = {"reference": "HA2", "name": "% of care leavers at university", "group": "Help me to achieve",
            "lead": "Virtual School", "polarity": "high", "unit": "percentage", "frequency": "annually",
            "target": "8%", "tolerance": "10%", "comparators": "England: 6%", "priorities": "", "notes": ""}
    assert post_form(officer, "/scorecard/measures/new", data).status_code == 302
    with app.app_context():
        made = services.find_measure(db.session, "HA2")
        assert (made.comparators, made.tolerance, made.frequency) == ({"England: 6%".split(": ")[0]: "6%"}, 0.1,
                                                                       "annually")
    again = post_form(officer, "/scorecard/measures/new", {**data, "name": "Another"})
    assert again.status_code == 200 and "The reference HA2 is already used by another measure." in again.text
    assert "Another" in again.text
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Measure).where(Measure.reference == "HA2")) == 1
