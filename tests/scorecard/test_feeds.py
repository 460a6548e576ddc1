"""Measures the product feeds agree with counts made here from the stored rows, period by period, and
follow the small-number rules: shares and counts of young people under 5 are hidden from the committee."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from participation.db import db, today
from participation.pledges.models import ReviewQuestion
from participation.respond.models import Answer, Response
from participation.scorecard import feeds
from participation.scorecard.rules import Period, period_for
from participation.surveys.models import Question, Survey
from participation.tracker.models import Action
from tests.factories import make_response


def _this_quarter() -> Period:
    return period_for(today())


def _last_quarter() -> Period:
    now = _this_quarter()
    return Period(now.year, now.quarter - 1) if now.quarter and now.quarter > 1 else Period(now.year - 1, 4)


def _rating_question() -> tuple[int, int]:
    """A reviewed promise and the question young people rate it by."""
    review = db.session.scalars(select(ReviewQuestion).where(ReviewQuestion.part == "rating")
                                .order_by(ReviewQuestion.question_id)).first()
    assert review is not None, "the demo has no pledge review"
    return review.promise_id, review.question_id


def _answer(question_id: int, choices: list[str], day) -> None:
    survey = db.session.get(Survey, db.session.get(Question, question_id).survey_id)
    for choice in choices:
        make_response(db.session, survey, submitted_on=day, answers=[Answer(question_id=question_id, choice=choice)])
    db.session.commit()


def _share_counted(question_id: int, chosen: set[str], period: Period) -> tuple[int, int]:
    """(answered, gave a chosen answer) in the period, counted one stored row at a time."""
    answered, chose = set(), set()
    for answer in db.session.scalars(select(Answer).where(Answer.question_id == question_id)):
        day = db.session.get(Response, answer.response_id).submitted_on
        if period.starts_on <= day <= min(period.ends_on, today()):
            answered.add(answer.response_id)
            if answer.choice in chosen:
                chose.add(answer.response_id)
    return len(answered), len(chose)


def test_a_promise_kept_share_agrees_with_the_stored_answers_and_hides_small_groups(app, demo):
    with app.app_context():
        promise_id, question_id = _rating_question()
        feed = {"kind": "promise-kept", "promise_id": promise_id}
        day = _this_quarter().starts_on
        _answer(question_id, ["kept"] * 6 + ["not-yet"] * 5 + ["sometimes"] * 2, day)
        answered, kept = _share_counted(question_id, {"kept"}, _this_quarter())
        shown = feeds.value_for(db.session, feed, _this_quarter(), exact=False)
        assert shown.number == round(100 * kept / answered, 1) and shown.written == f"{shown.number:g}%"
        # A quarter in which 3 said kept: the committee sees it hidden, an administrator the share.
        _answer(question_id, ["kept"] * 3 + ["not-yet"] * 4, _last_quarter().starts_on)
        answered, kept = _share_counted(question_id, {"kept"}, _last_quarter())
        assert kept == 3
        hidden = feeds.value_for(db.session, feed, _last_quarter(), exact=False)
        assert (hidden.written, hidden.number) == (feeds.HIDDEN, None)
        exact = feeds.value_for(db.session, feed, _last_quarter(), exact=True)
        assert exact.number == round(100 * kept / answered, 1)


def _actions_counted(period: Period) -> tuple[int, int]:
    """(done in the period, open and past due at its end), one stored action at a time."""
    end = min(period.ends_on, today())
    done = overdue = 0
    for action in db.session.scalars(select(Action)):
        if action.status == "done" and action.done_on and period.starts_on <= action.done_on <= end:
            done += 1
        closed_by_end = action.status == "wont-do" or (action.status == "done" and action.done_on <= end)
        if action.due_on and action.due_on < end and not closed_by_end:
            overdue += 1
    return done, overdue


def test_tracker_actions_done_and_overdue_agree_with_the_stored_actions_in_every_quarter(app, demo):
    with app.app_context():
        actions = db.session.scalars(select(Action).order_by(Action.what)).all()
        assert len(actions) >= 6
        # Two done last quarter, one done this quarter though due long ago, one given up.
        for action, done_on in zip(actions[:3], [_last_quarter().starts_on, _last_quarter().ends_on,
                                                 _this_quarter().starts_on]):
            action.status, action.done_on, action.we_did = "done", done_on, "Done."
        actions[3].status, actions[3].wont_do_reason = "wont-do", "Replaced by another action."
        actions[4].due_on = _last_quarter().ends_on - timedelta(days=1)
        actions[4].status = "in-progress"
        db.session.commit()
        for period in (_last_quarter(), _this_quarter()):
            done, overdue = _actions_counted(period)
            assert feeds.value_for(db.session, {"kind": "actions-done"}, period, exact=False).number == done
            assert feeds.value_for(db.session, {"kind": "actions-overdue"}, period, exact=False).number == overdue
        assert _actions_counted(_last_quarter())[0] == 2 and _actions_counted(_this_quarter())[0] >= 1
        # Counts of the council's own actions are never hidden, however small.
        assert feeds.value_for(db.session, {"kind": "actions-done"}, _last_quarter(), exact=False).written == "2"


@pytest.mark.parametrize("sent, shown", [(0, "0"), (3, feeds.HIDDEN), (7, "7")])
def test_responses_by_audience_agree_with_the_stored_responses_and_fewer_than_5_are_hidden(app, demo, sent, shown):
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == "demo"))
        other = "care-leavers" if survey.audience != "care-leavers" else "children-in-care"
        for _ in range(sent):
            make_response(db.session, survey, submitted_on=_this_quarter().starts_on)
        make_response(db.session, survey, submitted_on=_last_quarter().ends_on)  # not this quarter
        db.session.commit()
        counted = sum(1 for r in db.session.scalars(select(Response))
                      if r.survey_id == survey.id and _this_quarter().starts_on <= r.submitted_on <= today())
        assert counted == sent
        feed = {"kind": "responses", "audience": survey.audience}
        figure = feeds.value_for(db.session, feed, _this_quarter(), exact=False)
        assert figure.written == shown and figure.number == (None if shown == feeds.HIDDEN else sent)
        assert feeds.value_for(db.session, feed, _this_quarter(), exact=True).number == sent
        assert feeds.value_for(db.session, {"kind": "responses", "audience": other}, _this_quarter(),
                               exact=True).number == 0
