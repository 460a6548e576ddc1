"""RAG and overdue have one definition (tracker/rules.py); the SQL the reports count with agrees on every case."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import product

from sqlalchemy import select

from participation.db import db
from participation.reports.services import actions_summary
from participation.scorecard import feeds
from participation.scorecard.rules import Period
from participation.tracker.models import Action, YouSaid, overdue_expression, rag_expression
from participation.tracker.rules import STATUSES, overdue, rag
from tests.factories import make_you_said

ON = date(2026, 11, 23)
DUE = [None] + [ON + timedelta(days=d) for d in (-400, -1, 0, 1, 29, 30, 31, 90)]
#: Every override the database holds; it refuses any other word (tests/core/test_checked_words.py).
OVERRIDES = ["", "red", "amber", "green"]
DONE_ON = [None, ON - timedelta(days=5), ON, ON + timedelta(days=3)]


def test_the_sql_rag_and_overdue_agree_with_the_python_rule_on_every_case(app):
    with app.app_context():
        item = YouSaid(summary="Every case", raised_on=ON - timedelta(days=500))
        cases = list(product(STATUSES, DUE, OVERRIDES, DONE_ON))
        for status, due, override, done_on in cases:
            item.actions.append(Action(what="x", status=status, due_on=due, rag_override=override, done_on=done_on))
        db.session.add(item)
        db.session.flush()
        rows = db.session.execute(select(Action.status, Action.due_on, Action.rag_override, Action.done_on,
                                         rag_expression(ON), overdue_expression(ON))).all()
        assert len(rows) == len(cases) == 5 * 9 * 4 * 4
        disagree = [r for r in rows if (r[4], bool(r[5])) != (rag(r[0], r[1], ON, r[2], r[3]), overdue(r[0], r[1], ON))]
        assert disagree == []
        # The rule does what it says: an override that is not a colour is ignored, done after the day is not done.
        assert rag("in-progress", ON - timedelta(days=1), ON, "blue") == "red"
        assert rag("done", None, ON, "", ON + timedelta(days=1)) == "amber"  # not done yet then, and no due date
        assert rag("done", None, ON, "", ON) == "green" and rag("in-progress", None, ON) == "amber"
        assert rag("done", ON - timedelta(days=1), ON, "", ON + timedelta(days=1)) == "red"
        assert not overdue("done", ON - timedelta(days=1), ON) and overdue("not-started", ON - timedelta(days=1), ON)
        db.session.rollback()


def test_the_reports_count_by_the_same_rule_as_the_tracker_shows(app):
    with app.app_context():
        item = YouSaid(summary="Counted", raised_on=ON - timedelta(days=500))
        for status, due, override in product(STATUSES, DUE, OVERRIDES):
            item.actions.append(Action(what="x", status=status, due_on=due, rag_override=override))
        db.session.add(item)
        db.session.flush()
        summary = actions_summary(db.session, ON)
        end, counted = summary.rag_by_month[-1]
        assert end == ON
        shown = [a.rag(ON) for a in item.actions if a.status != "wont-do"]
        assert counted == {c: shown.count(c) for c in ("red", "amber", "green")}
        assert summary.overdue_count == sum(overdue(a.status, a.due_on, ON) for a in item.actions) > 0
        db.session.rollback()


def test_the_scorecards_overdue_count_is_the_trackers_rule_as_each_action_stood_at_the_end_of_the_period(app):
    quarter = Period(2026, 2)  # July to September 2026, long past
    end = quarter.ends_on
    due = [None] + [end + timedelta(days=d) for d in (-400, -1, 0, 1, 30)]
    done = [None, end - timedelta(days=5), end - timedelta(days=1), end, end + timedelta(days=1), end + timedelta(days=90)]
    with app.app_context():
        cases = list(product(STATUSES, due, done))
        item = make_you_said(db.session, "Every case", raised_on=end - timedelta(days=500),
                             actions=[Action(what="x", status=status, due_on=due_on, done_on=done_on)
                                      for status, due_on, done_on in cases])
        rows = db.session.execute(select(Action.status, Action.due_on, Action.done_on,
                                         overdue_expression(end, as_it_stood=True))).all()
        assert len(rows) == len(cases) == 5 * 6 * 6
        assert [r for r in rows if bool(r[3]) != overdue(r[0], r[1], end, r[2])] == []
        expected = sum(overdue(a.status, a.due_on, end, a.done_on) for a in item.actions)
        # Open then and past due: open now, or done only after the period ended.
        assert expected == sum(1 for a in item.actions if a.due_on is not None and a.due_on < end and (
            a.status in ("not-started", "in-progress", "not-progressed")
            or (a.status == "done" and a.done_on is not None and a.done_on > end)))
        figure = feeds.value_for(db.session, {"kind": feeds.FeedKind.ACTIONS_OVERDUE}, quarter, exact=True)
        assert (figure.written, figure.number) == (str(expected), float(expected)) and expected > 0
        # Without a done date the rule is the tracker's own: a done action is not overdue.
        assert not overdue("done", end - timedelta(days=1), end) and overdue("done", end - timedelta(days=1), end, end + timedelta(days=1))
        db.session.rollback()
