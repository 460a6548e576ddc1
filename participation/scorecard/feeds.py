"""Measures the product feeds from its own data, period by period.

- `survey-answer`: the percentage of young people who answered a question in the period and gave one
  of the chosen answers ("feel safe": Yes), counted from the stored answers;
- `promise-kept`: the same for a pledge promise's rating question, the share who said "kept";
- `actions-done` and `actions-overdue`: how many of the tracker's actions were done in the period,
  and how many were open and past their due date at its end (the council's own work, not people, so
  never hidden);
- `responses`: how many surveys were sent in the period (optionally for one audience).

Counts of young people follow the small-number rules of every committee view: a share is hidden
when fewer than 5 answered, or when fewer than 5 gave (or did not give) the chosen answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from participation.core.suppression import SMALLEST_SHOWN
from participation.core.transaction import Refused
from participation.db import today
from participation.pledges.models import Promise, ReviewPart, ReviewQuestion
from participation.respond.models import Answer, Response
from participation.scorecard.rules import Period, Unit, format_number
from participation.surveys.models import AUDIENCES, Question, QuestionKind, Survey, SurveyStatus
from participation.surveys.question_types import question_type
from participation.tracker.models import Action, overdue_expression
from participation.tracker.rules import ActionStatus

class FeedKind(StrEnum):
    """Where the product feeds a measure's values from; stored in the measure's feed as the plain word."""

    SURVEY_ANSWER = "survey-answer"
    PROMISE_KEPT = "promise-kept"
    ACTIONS_DONE = "actions-done"
    ACTIONS_OVERDUE = "actions-overdue"
    RESPONSES = "responses"


KINDS: dict[str, str] = {
    FeedKind.SURVEY_ANSWER: "Share who gave an answer to a survey question",
    FeedKind.PROMISE_KEPT: "Share who said a promise is kept",
    FeedKind.ACTIONS_DONE: "Tracker actions done in the period",
    FeedKind.ACTIONS_OVERDUE: "Tracker actions overdue at the end of the period",
    FeedKind.RESPONSES: "Surveys sent in the period",
}
HIDDEN = f"Hidden: fewer than {SMALLEST_SHOWN} young people"


@dataclass(frozen=True)
class Figure:
    """A fed value: as the scorecard writes it, and its number (None when hidden or nothing to count)."""

    written: str
    number: float | None


def gives_percentage(feed: dict[str, Any]) -> bool:
    return feed.get("kind") in (FeedKind.SURVEY_ANSWER, FeedKind.PROMISE_KEPT)


def check(session: Session, feed: dict[str, Any]) -> None:
    """Refuse a feed that names nothing the product holds."""
    kind = feed.get("kind")
    if kind not in KINDS:
        raise Refused("Choose where the product should take this measure's values from.")
    if kind == FeedKind.SURVEY_ANSWER:
        question = session.get(Question, feed.get("question_id") or 0)
        if question is None:
            raise Refused("Choose the survey question this measure counts.")
        choices = feed.get("choices") or []
        known = {c.value for c in question_type(question).choices(question)}
        if not choices or not set(choices) <= known:
            raise Refused("Choose one or more of the question's answers.")
    if kind == FeedKind.PROMISE_KEPT and _rating_question(session, feed.get("promise_id") or 0) is None:
        raise Refused("Choose a promise that has been reviewed.")


def _rating_question(session: Session, promise_id: int) -> int | None:
    return session.scalar(select(ReviewQuestion.question_id).where(
        ReviewQuestion.promise_id == promise_id, ReviewQuestion.part == ReviewPart.RATING).order_by(ReviewQuestion.question_id.desc()))


def _span(period: Period) -> tuple[date, date]:
    return period.starts_on, min(period.ends_on, today())


def value_for(session: Session, feed: dict[str, Any], period: Period, exact: bool) -> Figure:
    """The measure's value for one period, worked out from the stored rows."""
    kind = feed.get("kind")
    start, end = _span(period)
    if end < start:
        return Figure("", None)
    if kind == FeedKind.SURVEY_ANSWER:
        return _share(session, [feed["question_id"]], list(feed["choices"]), start, end, exact)
    if kind == FeedKind.PROMISE_KEPT:
        question_id = _rating_question(session, feed["promise_id"])
        return _share(session, [question_id] if question_id else [], ["kept"], start, end, exact)
    if kind == FeedKind.ACTIONS_DONE:
        done = session.scalar(select(func.count(Action.id)).where(
            Action.status == ActionStatus.DONE, Action.done_on >= start, Action.done_on <= end)) or 0
        return Figure(str(done), float(done))
    if kind == FeedKind.ACTIONS_OVERDUE:
        # The tracker's rule, as each action stood at the end of the period.
        overdue = session.scalar(select(func.count(Action.id)).where(overdue_expression(end, as_it_stood=True)))
        return Figure(str(overdue or 0), float(overdue or 0))
    if kind == FeedKind.RESPONSES:
        query = select(func.count(Response.id)).where(Response.submitted_on >= start, Response.submitted_on <= end)
        if feed.get("audience"):
            query = query.join(Survey, Survey.id == Response.survey_id).where(Survey.audience == feed["audience"])
        count = session.scalar(query) or 0
        if not exact and 0 < count < SMALLEST_SHOWN:
            return Figure(HIDDEN, None)
        return Figure(str(count), float(count))
    raise Refused("This measure's feed is not one the product knows.")


def _share(session: Session, question_ids: list[int], choices: list[str], start: date, end: date,
           exact: bool) -> Figure:
    if not question_ids:
        return Figure("", None)
    answered_in = select(Answer.response_id).join(Response, Response.id == Answer.response_id).where(
        Answer.question_id.in_(question_ids), Response.submitted_on >= start, Response.submitted_on <= end)
    answered = session.scalar(select(func.count(distinct(answered_in.subquery().c.response_id)))) or 0
    chose_in = answered_in.where(Answer.choice.in_(choices))
    chose = session.scalar(select(func.count(distinct(chose_in.subquery().c.response_id)))) or 0
    if not answered:
        return Figure("No answers", None)
    others = answered - chose
    if not exact and (answered < SMALLEST_SHOWN or 0 < chose < SMALLEST_SHOWN or 0 < others < SMALLEST_SHOWN):
        return Figure(HIDDEN, None)
    share = round(100 * chose / answered, 1)
    return Figure(format_number(share, Unit.PERCENTAGE), share)


#: Question kinds whose answers are choices a share can be counted of.
CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.SCALE, QuestionKind.FACES, QuestionKind.YESNO)


def what_can_feed(session: Session) -> tuple[list[tuple[Question, str]], list[Promise], dict[str, str]]:
    """Survey questions with answers to count (labelled with their survey), reviewed promises, and audiences."""
    questions = session.scalars(
        select(Question).join(Survey, Survey.id == Question.survey_id)
        .where(Question.kind.in_(CHOICE_KINDS), Survey.status != SurveyStatus.DRAFT)
        .order_by(Survey.title, Question.position, Question.id)).all()
    promises = session.scalars(select(Promise).where(
        Promise.id.in_(select(ReviewQuestion.promise_id).where(ReviewQuestion.part == ReviewPart.RATING)))
        .order_by(Promise.id)).all()
    return [(q, f"{q.survey.title}: {q.text[:100]}") for q in questions], list(promises), dict(AUDIENCES)
