"""Running totals of responses and chosen answers by day, kept as answers are stored.

Reports add up these small tables (a row per survey and day, per question, day and choice, and per pair
of answers given together on a day) instead of counting every answer, so a report takes the same time for
1,000 or 100,000 young people. `rebuild` recounts them from the answers themselves; a test checks both
always agree.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Iterable

from sqlalchemy import delete, func, insert, literal, select, union_all
from sqlalchemy.orm import Session

from participation.db import add_to_tallies
from participation.respond.models import ANSWERED, Answer, AnswerPairTally, AnswerTally, Response, ResponseTally
from participation.surveys.models import Question, QuestionKind

#: Question kinds whose answered count is kept apart: a young person gives several rows, or a text.
COUNTED_APART = (QuestionKind.MULTIPLE, QuestionKind.TEXT)


def add_responses(executor, survey_id: int, sent: Iterable[tuple]) -> None:
    """Add responses to the totals: `sent` holds each one's day, its answers (with question_id and choice)
    and its audience (storing.Sent). `executor` is the Session or Connection of the transaction storing
    them."""
    per_day: dict[tuple, dict[str, float]] = defaultdict(lambda: {"count": 0})
    per_choice: dict[tuple, dict[str, float]] = defaultdict(lambda: {"count": 0})
    per_pair: dict[tuple, dict[str, float]] = defaultdict(lambda: {"count": 0})
    apart: set[int] | None = None
    for day, answers, audience in sent:
        per_day[(survey_id, day, audience)]["count"] += 1
        chosen: set[tuple[int, str]] = set()
        answered: set[int] = set()
        for answer in answers:
            if answer.choice is not None:
                per_choice[(answer.question_id, day, answer.choice, survey_id, audience)]["count"] += 1
                chosen.add((answer.question_id, answer.choice))
            answered.add(answer.question_id)
        if apart is None and answered:
            apart = set(executor.execute(select(Question.id).where(
                Question.survey_id == survey_id, Question.kind.in_(COUNTED_APART))).scalars())
        markers = {(qid, ANSWERED) for qid in answered & (apart or set())}
        for qid, _ in markers:
            per_pair[(survey_id, qid, ANSWERED, day, qid, ANSWERED, audience)]["count"] += 1
        for by_qid, by_choice in chosen:
            for qid, choice in chosen | markers:
                per_pair[(survey_id, by_qid, by_choice, day, qid, choice, audience)]["count"] += 1
    add_to_tallies(executor, ResponseTally, ("survey_id", "day", "audience"), per_day)
    add_to_tallies(executor, AnswerTally, ("question_id", "day", "choice", "survey_id", "audience"), per_choice)
    add_to_tallies(executor, AnswerPairTally, PAIR_KEYS, per_pair)


#: The key columns of AnswerPairTally, in the order its totals are keyed.
PAIR_KEYS = ("survey_id", "by_question_id", "by_choice", "day", "question_id", "choice", "audience")


def rebuild(session: Session) -> None:
    """Recount every response and chosen answer from the stored answers."""
    session.execute(delete(ResponseTally))
    session.execute(delete(AnswerTally))
    session.execute(delete(AnswerPairTally))
    session.execute(insert(ResponseTally).from_select(
        ["survey_id", "day", "audience", "count"],
        select(Response.survey_id, Response.submitted_on, Response.audience, func.count())
        .group_by(Response.survey_id, Response.submitted_on, Response.audience)))
    session.execute(insert(AnswerTally).from_select(
        ["question_id", "day", "choice", "survey_id", "audience", "count"],
        select(Answer.question_id, Response.submitted_on, Answer.choice, Response.survey_id, Response.audience,
               func.count())
        .join(Response, Response.id == Answer.response_id).where(Answer.choice.is_not(None))
        .group_by(Answer.question_id, Response.submitted_on, Answer.choice, Response.survey_id, Response.audience)))
    session.execute(insert(AnswerPairTally).from_select([*PAIR_KEYS, "count"], pair_counts()))


def pair_counts():
    """Every pair of answers given together, counted from the stored answers, as AnswerPairTally's rows."""
    apart = select(Question.id).where(Question.kind.in_(COUNTED_APART))
    # What each young person gave: each chosen answer, and "answered" for a question counted apart.
    given = union_all(
        select(Answer.response_id, Answer.question_id, Answer.choice).where(Answer.choice.is_not(None)),
        select(Answer.response_id, Answer.question_id, literal(ANSWERED)).where(Answer.question_id.in_(apart))
        .distinct()).subquery()
    by = Answer.__table__.alias("by_answer")
    together = (select(Response.survey_id, by.c.question_id, by.c.choice, Response.submitted_on, given.c.question_id,
                       given.c.choice, Response.audience, func.count())
                .select_from(Response).join(by, by.c.response_id == Response.id).join(given, given.c.response_id == Response.id)
                .where(by.c.choice.is_not(None))
                .group_by(Response.survey_id, by.c.question_id, by.c.choice, Response.submitted_on,
                          given.c.question_id, given.c.choice, Response.audience))
    alone = (select(Response.survey_id, Answer.question_id, literal(ANSWERED), Response.submitted_on,
                    Answer.question_id, literal(ANSWERED), Response.audience,
                    func.count(func.distinct(Answer.response_id)))
             .join(Response, Response.id == Answer.response_id).where(Answer.question_id.in_(apart))
             .group_by(Response.survey_id, Answer.question_id, Response.submitted_on, Response.audience))
    return union_all(together, alone)
