"""Rewriting the recent sends so their row versions say nothing about when each was written.

On PostgreSQL every row carries the number of the transaction that last wrote it (`xmin`), and a
table keeps its rows roughly in the order written. A row written just after a young person's
answers (a request to be contacted) could be matched to them by those numbers. So the transaction
that writes requests to be contacted also rewrites every response, answer and comment reading of
today and yesterday, one row at a time in a random order: afterwards they all carry that one
transaction's number (long texts kept apart in TOAST tables too), and their places in the table are shuffled. SQLite keeps no such numbers, and
its rows are kept in the order of their random ids, so there is nothing to rewrite there.
"""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from participation.comments.models import CommentAnalysis, CommentTally, CommentTheme
from participation.db import today
from participation.respond.models import (Answer, AnswerPairTally, AnswerTally, Response, ResponseTally,
                                          SubmissionReceipt)

#: Days of sends rewritten: yesterday too, so a request asked just after midnight is covered.
DAYS = 2


def _one_by_one(session: Session, table, key: str, ids: list, texts: tuple[str, ...] = ()) -> None:
    """Rewrite each row, in a random order, leaving every value as it was.

    A long text (over about 2 KB: 700 letters of Arabic or Chinese) is kept out of the row, in the
    table's TOAST table, whose pieces keep the transaction number they were written by even when the
    row itself is rewritten. So `texts` are written again as new values (`text || ''`), which makes
    PostgreSQL write their pieces anew in this transaction."""
    if not ids:
        return
    random.SystemRandom().shuffle(ids)
    column = table.c[key]
    values = {key: column, **{name: table.c[name].concat("") for name in texts}}
    statement = update(table).where(column == bindparam("row_key")).values(values)
    session.connection().execute(statement, [{"row_key": i} for i in ids])


def rewrite_recent_sends(session: Session) -> int:
    """Rewrite the last DAYS days of sends in the caller's transaction; return how many responses."""
    if session.get_bind().dialect.name != "postgresql":
        return 0
    since = today() - timedelta(days=DAYS - 1)
    responses = list(session.scalars(select(Response.id).where(Response.submitted_on >= since)))
    answers = list(session.scalars(select(Answer.id).join(Response, Response.id == Answer.response_id)
                                   .where(Response.submitted_on >= since)))
    comments = list(session.scalars(select(CommentAnalysis.answer_id).where(CommentAnalysis.submitted_on >= since)))
    _one_by_one(session, Response.__table__, "id", responses)
    _one_by_one(session, Answer.__table__, "id", answers, texts=("text",))
    _one_by_one(session, CommentAnalysis.__table__, "answer_id", comments, texts=("redacted", "flag_note"))
    _one_by_one(session, CommentTheme.__table__, "answer_id", list(comments))
    receipts = list(session.scalars(select(SubmissionReceipt.token_hash).where(SubmissionReceipt.used_on >= since)))
    _one_by_one(session, SubmissionReceipt.__table__, "token_hash", receipts)
    # The running totals are shared by many sends; rewriting them all at once is enough. They are
    # taken in the order a send takes them (storing.write), so the two never wait on each other in a circle.
    for tally in (CommentTally, ResponseTally, AnswerTally, AnswerPairTally):
        session.execute(update(tally).where(tally.day >= since).values(count=tally.count))
    return len(responses)
