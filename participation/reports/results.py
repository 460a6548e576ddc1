"""A survey's results question by question: who answered, who skipped, and each answer's count.

Counts are made in SQL from stored answers, grouped per question and choice, so the page runs a
fixed number of queries however many young people answered. Small numbers are suppressed with
participation.core.suppression for everyone who may not see exact figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from participation.reports import charts
from participation.core.suppression import group_shown, share, suppress_counts, suppress_small_count
from participation.respond.models import Answer, Response
from participation.surveys.models import Question, Survey
from participation.surveys.question_types import question_type


#: Comments listed under a free-text question on the results page.
COMMENTS_SHOWN = 50


@dataclass(frozen=True)
class AnswerRow:
    """One answer to a choice question: its label, how many chose it and their share."""

    label: str
    count: int | str
    share: float | None


@dataclass
class QuestionResult:
    """One question's figures. `shown` is how many were shown it (everyone unless it has a condition)."""

    question: Question
    shown: int | str
    answered: int | str
    skipped: int | str
    rows: list[AnswerRow] = field(default_factory=list)
    several: bool = False
    comments: list[str] = field(default_factory=list)

    def figure_json(self) -> str:
        """The bar chart of this question's answers, for the vendored plotly.js."""
        return charts.to_json(charts.answers(self.question.text, [r.label for r in self.rows],
                                             [r.count for r in self.rows]))


@dataclass
class Results:
    survey: Survey
    responses: int | str
    too_few: bool
    questions: list[QuestionResult]


def results(session: Session, survey: Survey, exact: bool) -> Results:
    """Every question's figures for one survey; without `exact`, small counts are hidden."""
    total = session.scalar(select(func.count()).select_from(Response).where(Response.survey_id == survey.id)) or 0
    if not group_shown(total, exact):
        return Results(survey, suppress_small_count(total), True, [])
    answered = dict(session.execute(
        select(Answer.question_id, func.count(distinct(Answer.response_id)))
        .join(Response, Response.id == Answer.response_id).where(Response.survey_id == survey.id)
        .group_by(Answer.question_id)).all())
    chosen: dict[tuple[int, str], int] = {
        (qid, choice): n for qid, choice, n in session.execute(
            select(Answer.question_id, Answer.choice, func.count(distinct(Answer.response_id)))
            .join(Response, Response.id == Answer.response_id)
            .where(Response.survey_id == survey.id, Answer.choice.is_not(None))
            .group_by(Answer.question_id, Answer.choice)).all()}
    out = []
    for question in survey.ordered_questions:
        shown = total if question.show_if_question_id is None else \
            chosen.get((question.show_if_question_id, question.show_if_value), 0)
        n = answered.get(question.id, 0)
        kind = question_type(question)
        several = question.kind == "multiple"
        result = QuestionResult(question, shown, n, max(shown - n, 0), several=several)
        if question.kind != "text":
            counts = {c.label: chosen.get((question.id, c.value), 0) for c in kind.choices(question)}
            if several:
                # Several choices do not add up to those who answered: each is suppressed on its own.
                cells = {k: suppress_small_count(v, exact) for k, v in counts.items()}
                base: int | str = suppress_small_count(n, exact)
            else:
                cells, base = suppress_counts(counts, exact)
            result.rows = [AnswerRow(label, cell, share(cell, base)) for label, cell in cells.items()]
        elif exact:
            result.comments = list(session.scalars(
                select(Answer.text).join(Response, Response.id == Answer.response_id)
                .where(Answer.question_id == question.id, Answer.text.is_not(None), Answer.text != "")
                .order_by(Response.submitted_on.desc(), Answer.id.desc()).limit(COMMENTS_SHOWN)))
        if not exact:
            result.shown, result.answered = suppress_small_count(shown), suppress_small_count(n)
            result.skipped = suppress_small_count(max(shown - n, 0))
        out.append(result)
    return Results(survey, total if exact else suppress_small_count(total), False, out)
