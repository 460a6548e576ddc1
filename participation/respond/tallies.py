"""Running totals of responses and chosen answers by day, kept as answers are stored.

Reports add up these small tables (a row per survey and day, and per question, day and choice)
instead of counting every answer, so a report takes the same time for 1,000 or 100,000 young
people. `rebuild` recounts them from the answers themselves; a test checks both always agree.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Iterable

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from participation.db import add_to_tallies
from participation.respond.models import Answer, AnswerTally, Response, ResponseTally


def add_responses(executor, survey_id: int, sent: Iterable[tuple[date, Iterable]]) -> None:
    """Add responses to the totals: `sent` holds each one's day and its answers (with question_id
    and choice). `executor` is the Session or Connection of the transaction storing them."""
    per_day: dict[tuple, dict[str, float]] = defaultdict(lambda: {"count": 0})
    per_choice: dict[tuple, dict[str, float]] = defaultdict(lambda: {"count": 0})
    for day, answers in sent:
        per_day[(survey_id, day)]["count"] += 1
        for answer in answers:
            if answer.choice is not None:
                per_choice[(answer.question_id, day, answer.choice, survey_id)]["count"] += 1
    add_to_tallies(executor, ResponseTally, ("survey_id", "day"), per_day)
    add_to_tallies(executor, AnswerTally, ("question_id", "day", "choice", "survey_id"), per_choice)


def rebuild(session: Session) -> None:
    """Recount every response and chosen answer from the stored answers."""
    session.execute(delete(ResponseTally))
    session.execute(delete(AnswerTally))
    session.execute(insert(ResponseTally).from_select(
        ["survey_id", "day", "count"],
        select(Response.survey_id, Response.submitted_on, func.count()).group_by(Response.survey_id,
                                                                                  Response.submitted_on)))
    session.execute(insert(AnswerTally).from_select(
        ["question_id", "day", "choice", "survey_id", "count"],
        select(Answer.question_id, Response.submitted_on, Answer.choice, Response.survey_id, func.count())
        .join(Response, Response.id == Answer.response_id).where(Answer.choice.is_not(None))
        .group_by(Answer.question_id, Response.submitted_on, Answer.choice, Response.survey_id)))
