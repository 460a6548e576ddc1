"""Keeping small groups safe across the groups a committee member can choose on the results page.

A committee member can open the results for every young person, for any run of whole months, and for
those who gave one answer to one question. Taking one set of figures from another would single out the
young people in between: everyone minus those aged 16 or over is those under 16 or who did not say; March
to May minus April to May is March. So every figure a committee member sees for a chosen group is a sum of
small pieces, one per month of the survey (when dates are chosen) and per answer to the cross-break
question (when one is chosen, with "no answer" as a piece of its own), and a figure is shown only when
every piece is 0 or at least 5. Then whatever sums and differences of shown figures anyone works out, they
are sums of pieces that are 0 or at least 5, and never single out fewer than 5 young people.

A group whose own pieces are not all safe shows nothing; a count whose pieces are not all safe is hidden
(and others in its row with it, by participation.core.suppression.protect). The pieces are counted in
SQL, grouped by month and answer, over the survey's stored answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session, aliased

from participation.core.suppression import SMALLEST_SHOWN
from participation.reports.groups import Group
from participation.respond.models import Answer, Response
from participation.surveys.models import Question, Survey
from participation.surveys.question_types import question_type

#: One piece: (year, month) when dates are chosen, and the cross-break answer when one is chosen.
Piece = tuple
Pieces = dict[Piece, int]


def safe(pieces: Pieces) -> bool:
    """True when no piece singles out fewer than 5 young people."""
    return all(n == 0 or n >= SMALLEST_SHOWN for n in pieces.values())


def minus(a: Pieces, b: Pieces) -> Pieces:
    return {k: a.get(k, 0) - b.get(k, 0) for k in a.keys() | b.keys()}


def _add(a: Pieces, b: Pieces) -> Pieces:
    return {k: a.get(k, 0) + b.get(k, 0) for k in a.keys() | b.keys()}


@dataclass
class Guard:
    """The pieces of every figure of one survey for the kind of group chosen; with no filters, none."""

    open: bool = True
    responses: Pieces = field(default_factory=dict)
    chosen: dict[tuple[int, str], Pieces] = field(default_factory=dict)
    answered: dict[int, Pieces] = field(default_factory=dict)
    several: dict[int, bool] = field(default_factory=dict)

    @classmethod
    def for_group(cls, session: Session, survey: Survey, group: Group) -> Guard:
        """Count the pieces for `group`'s kind: by month when it has dates, by answer when it has a
        cross-break. Every month of the survey counts, not only the chosen ones."""
        by_month = bool(group.start or group.end)
        if not by_month and not group.question_id:
            return cls()
        keys: list = []
        if by_month:
            keys += [extract("year", Response.submitted_on), extract("month", Response.submitted_on)]
        cross = aliased(Answer)
        if group.question_id:
            keys.append(cross.choice)

        def pieced(query):
            if group.question_id:
                condition = (cross.response_id == Response.id) & (cross.question_id == group.question_id)
                breakdown = survey_question(survey, group.question_id)
                if breakdown is not None and question_type(breakdown).multiple:
                    # Several choices: those who chose it and those who did not.
                    condition = condition & (cross.choice == group.choice)
                query = query.outerjoin(cross, condition)
            return query.where(Response.survey_id == survey.id).group_by(*keys)

        def piece(row, skip: int) -> Piece:
            return tuple(row[skip:])

        guard = cls(open=False)
        for row in session.execute(pieced(select(func.count(), *keys).select_from(Response))):
            guard.responses[piece(row, 1)] = row[0]
        for row in session.execute(pieced(
                select(Answer.question_id, Answer.choice, func.count(), *keys).select_from(Response)
                .join(Answer, Answer.response_id == Response.id).where(Answer.choice.is_not(None))
                .group_by(Answer.question_id, Answer.choice))):
            guard.chosen.setdefault((row[0], row[1]), {})[piece(row, 3)] = row[2]
        questions = survey.ordered_questions
        guard.several = {q.id: q.kind == "text" or question_type(q).multiple for q in questions}
        counted_apart = [qid for qid, apart in guard.several.items() if apart]
        if counted_apart:
            for row in session.execute(pieced(
                    select(Answer.question_id, func.count(func.distinct(Answer.response_id)), *keys)
                    .select_from(Response).join(Answer, Answer.response_id == Response.id)
                    .where(Answer.question_id.in_(counted_apart)).group_by(Answer.question_id))):
                guard.answered.setdefault(row[0], {})[piece(row, 2)] = row[1]
        for q in questions:
            if not guard.several[q.id]:
                total: Pieces = {}
                for choice in question_type(q).choices(q):
                    total = _add(total, guard.chosen.get((q.id, choice.value), {}))
                guard.answered[q.id] = total
        return guard

    def group_safe(self) -> bool:
        return self.open or safe(self.responses)

    def is_safe(self, pieces: Pieces) -> bool:
        return self.open or safe(pieces)

    def shown_pieces(self, question: Question) -> Pieces:
        if question.show_if_question_id is None:
            return self.responses
        total: Pieces = {}
        for value in question.show_if_values:
            total = _add(total, self.chosen.get((question.show_if_question_id, value), {}))
        return total

    def answered_pieces(self, question: Question) -> Pieces:
        return self.answered.get(question.id, {})

    def skipped_pieces(self, question: Question) -> Pieces:
        return minus(self.shown_pieces(question), self.answered_pieces(question))

    def choice_pieces(self, question: Question, value: str) -> Pieces:
        return self.chosen.get((question.id, value), {})

    def all_safe(self, pieces: Iterable[Pieces]) -> bool:
        return self.open or all(safe(p) for p in pieces)


def survey_question(survey: Survey, question_id: int) -> Question | None:
    return next((q for q in survey.ordered_questions if q.id == question_id), None)
