"""Helpers the report tests share: signing in again as a role, reading a table row, surveys with answers."""

from __future__ import annotations

import re
import uuid
from datetime import date, timedelta

from sqlalchemy import select

from participation.comments.models import CommentAnalysis, CommentTally
from participation.db import db, today
from participation.respond.models import AnswerPairTally, AnswerTally, ResponseTally
from participation.respond.storing import AnswerRow, Sent, store
from participation.surveys.builder import response_counts
from tests.factories import make_survey


def quotable_comments(app) -> list[CommentAnalysis]:
    """Comments the paper may quote, sent in the last 12 months (the paper's period), in the order of their words."""
    counts = response_counts(db.session)
    return [c for c in db.session.scalars(select(CommentAnalysis).where(
                CommentAnalysis.safeguarding.is_(False), CommentAnalysis.submitted_on >= today() - timedelta(days=364))
                .order_by(CommentAnalysis.redacted, CommentAnalysis.answer_id))
            if counts.get(c.survey_id, 0) >= 5 and c.redacted]


def signed_in_again(client, login_as, role: str):
    """The same browser, signed out and signed in again with a new account of the role."""
    with client.session_transaction() as session:
        session.clear()
    return login_as(role, email=f"{role}-{uuid.uuid4().hex[:8]}@council.example")


def table_row(page: str, label: str) -> tuple[str, str]:
    found = re.search(rf'<th scope="row">{re.escape(label)}</th><td class="num">([^<]*)</td>'
                      rf'<td class="num">([^<]*)</td>', page)
    assert found, label
    return found.group(1), found.group(2)


MARCH, APRIL, MAY = date(2026, 3, 10), date(2026, 4, 15), date(2026, 5, 20)


def filters_survey(app):
    """30 responses over three months: age, a several-choice helper question, a plan question and comments."""
    with app.app_context():
        survey = make_survey(db.session, "filters-test", sections=[{"title": "You", "questions": [
            {"kind": "yesno", "text": "Are you 16 or over?", "required": False},
            {"kind": "multiple", "text": "Who helps you?", "options": ["Carer", "Social worker", "Friend"]},
            {"kind": "scale", "text": "How happy are you at home?"},
            {"kind": "text", "text": "Tell us more"},
        ]}])
        age, helps, happy, more = (q.id for q in survey.ordered_questions)
        sent = []
        for i in range(30):
            day = (MARCH, APRIL, MAY)[i % 3]
            rows = [AnswerRow(age, choice="yes" if i % 2 else "no"), AnswerRow(helps, choice="carer"),
                    AnswerRow(happy, choice=str(1 + i % 5))]
            if i % 4 == 0:
                rows.append(AnswerRow(helps, choice="friend"))
            if i % 3 != 2:
                rows.append(AnswerRow(more, text=f"comment number {i} my carer is kind"))
            sent.append(Sent(day, rows))
        store(db.session, survey.id, sent)
        db.session.commit()
        return survey.id, age, helps, happy, more


def figures_of(res) -> dict[tuple, object]:
    """Every count a reader sees, by (question, what)."""
    out: dict[tuple, object] = {}
    for q in res.questions:
        out[(q.question.id, "answered")], out[(q.question.id, "skipped")] = q.answered, q.skipped
        out[(q.question.id, "shown")] = q.shown
        for row in q.rows:
            out[(q.question.id, row.label)] = row.count
    return out


def tally_snapshot():
    return (sorted(tuple(r) for r in db.session.execute(select(ResponseTally.survey_id, ResponseTally.day,
                                                                 ResponseTally.count, ResponseTally.audience)).all() if r[2]),
            sorted(tuple(r) for r in db.session.execute(select(AnswerTally.question_id, AnswerTally.day,
                                                               AnswerTally.choice, AnswerTally.count,
                                                               AnswerTally.audience)).all() if r[3]),
            sorted((s, d, t, n, round(total, 6), p) for s, d, t, n, total, p in db.session.execute(
                select(CommentTally.survey_id, CommentTally.day, CommentTally.theme_id, CommentTally.count,
                       CommentTally.sentiment_sum, CommentTally.positive)).all() if n),
            sorted(tuple(r) for r in db.session.execute(select(
                AnswerPairTally.survey_id, AnswerPairTally.by_question_id, AnswerPairTally.by_choice, AnswerPairTally.day,
                AnswerPairTally.question_id, AnswerPairTally.choice, AnswerPairTally.count,
                AnswerPairTally.audience)).all() if r[6]))


def tallies_agree(app, runner):
    with app.app_context():
        kept = tally_snapshot()
    assert runner.invoke(args=["rebuild-tallies"]).exit_code == 0
    with app.app_context():
        assert tally_snapshot() == kept
        return kept
