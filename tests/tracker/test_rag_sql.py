"""RAG and overdue have one definition (tracker/rules.py); the SQL the reports count with agrees on every case."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import product

from sqlalchemy import select

from participation.db import db
from participation.reports.services import actions_summary
from participation.tracker.models import Action, YouSaid, overdue_expression, rag_expression
from participation.tracker.rules import STATUSES, overdue, rag

ON = date(2026, 11, 23)
DUE = [None] + [ON + timedelta(days=d) for d in (-400, -1, 0, 1, 29, 30, 31, 90)]
OVERRIDES = ["", "red", "amber", "green", "blue", "Red"]
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
        assert len(rows) == len(cases) == 5 * 9 * 6 * 4
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
