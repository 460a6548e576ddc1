"""Keeping small groups safe across the groups a committee member can choose on the results page.

A committee member can open the results for every young person, for any run of whole months, and for
those who gave one answer to one question. Taking one set of figures from another would single out the
young people in between: everyone minus those aged 16 or over is those under 16 or who did not say; March
to May minus April to May is March. So every figure a committee member sees for a chosen group is a sum of
small pieces, one per month of the survey (when dates are chosen), per audience's link (when an audience
is chosen: everyone less care leavers is the other links) and per answer to the cross-break question
(when one is chosen, with "no answer" as a piece of its own), and a figure is shown only when
every piece is 0 or at least 5. Then whatever sums and differences of shown figures anyone works out, they
are sums of pieces that are 0 or at least 5, and never single out fewer than 5 young people.

A group whose own pieces are not all safe shows nothing; a count whose pieces are not all safe is hidden
(and others in its row with it, by participation.core.suppression.protect). The pieces are added up in
SQL, grouped by month and answer, from the running totals kept as answers are sent (responses, answers and
pairs of answers per day), so the check takes the same time however many young people answered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from sqlalchemy import String, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.orm import Session

from participation.core.suppression import SMALLEST_SHOWN
from participation.reports.groups import Group
from participation.respond.models import ANSWERED, AnswerPairTally, AnswerTally, ResponseTally
from participation.surveys.models import Question, QuestionKind, Survey
from participation.surveys.question_types import question_type

#: One piece: (year, month) when dates are chosen, the audience when one is chosen, and the cross-break answer
#: when one is chosen.
Piece = tuple
Pieces = dict[Piece, int]


class MonthOf(FunctionElement):
    """A day's month as "2026-04": on SQLite, which keeps days as text, its first 7 letters, read far
    faster than strftime's year and month over every day of the running totals; on PostgreSQL, to_char."""

    type = String()
    inherit_cache = True


@compiles(MonthOf)
def _month_of(element, compiler, **kw) -> str:
    # As a timestamp without a time zone: converting every day to the server's zone first took 4 times as long.
    return f"to_char(CAST({compiler.process(element.clauses, **kw)} AS TIMESTAMP), 'YYYY-MM')"


@compiles(MonthOf, "sqlite")
def _month_of_sqlite(element, compiler, **kw) -> str:
    return f"substr({compiler.process(element.clauses, **kw)}, 1, 7)"


def safe(pieces: Pieces) -> bool:
    """True when no piece singles out fewer than 5 young people."""
    return all(n == 0 or n >= SMALLEST_SHOWN for n in pieces.values())


def minus(a: Pieces, b: Pieces) -> Pieces:
    return {k: a.get(k, 0) - b.get(k, 0) for k in a.keys() | b.keys()}


def _add(a: Pieces, b: Pieces) -> Pieces:
    return {k: a.get(k, 0) + b.get(k, 0) for k in a.keys() | b.keys()}


def _no_answer(crossed: Pieces, everyone: Pieces) -> None:
    """Add to `crossed` (pieces by month and cross-break answer) the piece of each month with no answer (None):
    everyone's count that month less its answers' pieces; a piece of 0 is left out."""
    for key, n in everyone.items():
        rest = n - sum(v for k, v in crossed.items() if k[:-1] == key and k[-1] is not None)
        if rest:
            crossed[(*key, None)] = rest


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
        cross-break. Every month of the survey counts, not only the chosen ones.

        The pieces are added up from the running totals (participation.respond.tallies), each in one grouped
        query: responses per day, each answer per day, and each pair of answers given together per day. The
        "no answer" piece of a cross-break is everyone's count less the pieces of its answers."""
        by_month = bool(group.start or group.end)
        by_audience = group.audience is not None
        if not by_month and not by_audience and not group.question_id:
            return cls()
        guard = cls(open=False)
        questions = survey.ordered_questions
        guard.several = {q.id: q.kind == QuestionKind.TEXT or question_type(q).multiple for q in questions}
        counted_apart = [qid for qid, apart in guard.several.items() if apart]

        def months(table) -> list:
            """The columns a piece is keyed by: the month, and the audience (of every link)."""
            return ([MonthOf(table.day)] if by_month else []) + ([table.audience] if by_audience else [])

        def month(row, skip: int) -> Piece:
            values = tuple(row[skip:])
            return (((int(values[0][:4]), int(values[0][5:7])) if by_month else ())
                    + ((values[-1],) if by_audience else ()))

        # Everyone's counts, by month when it has dates.
        everyone: Pieces = {}
        keys = months(ResponseTally)
        query = select(func.sum(ResponseTally.count), *keys).where(ResponseTally.survey_id == survey.id)
        for row in session.execute(query.group_by(*keys) if keys else query):
            if row[0]:
                everyone[month(row, 1)] = int(row[0])
        everyone_chosen: dict[tuple[int, str], Pieces] = {}
        keys = months(AnswerTally)
        for row in session.execute(
                select(AnswerTally.question_id, AnswerTally.choice, func.sum(AnswerTally.count), *keys)
                .where(AnswerTally.survey_id == survey.id)
                .group_by(AnswerTally.question_id, AnswerTally.choice, *keys)):
            if row[2]:
                everyone_chosen.setdefault((row[0], row[1]), {})[month(row, 3)] = int(row[2])
        everyone_answered: dict[int, Pieces] = {}
        if counted_apart:
            keys = months(AnswerPairTally)
            for row in session.execute(
                    select(AnswerPairTally.question_id, func.sum(AnswerPairTally.count), *keys)
                    .where(AnswerPairTally.survey_id == survey.id, AnswerPairTally.by_question_id.in_(counted_apart),
                           AnswerPairTally.by_choice == ANSWERED, AnswerPairTally.choice == ANSWERED,
                           AnswerPairTally.question_id == AnswerPairTally.by_question_id)
                    .group_by(AnswerPairTally.question_id, *keys)):
                if row[1]:
                    everyone_answered.setdefault(row[0], {})[month(row, 2)] = int(row[1])

        if not group.question_id:
            guard.responses, guard.chosen, guard.answered = everyone, everyone_chosen, everyone_answered
        else:
            breakdown = survey_question(survey, group.question_id)
            keys = months(AnswerPairTally)
            by = [AnswerPairTally.survey_id == survey.id, AnswerPairTally.by_question_id == group.question_id]
            if breakdown is not None and question_type(breakdown).multiple:
                # Several choices: those who chose it and those who did not.
                by.append(AnswerPairTally.by_choice == group.choice)
            else:
                by.append(AnswerPairTally.by_choice != ANSWERED)
            for row in session.execute(
                    select(AnswerPairTally.question_id, AnswerPairTally.choice, func.sum(AnswerPairTally.count),
                           AnswerPairTally.by_choice, *keys).where(*by)
                    .group_by(AnswerPairTally.question_id, AnswerPairTally.choice, AnswerPairTally.by_choice, *keys)):
                qid, choice, n, by_choice = row[0], row[1], int(row[2] or 0), row[3]
                if not n:
                    continue
                piece = (*month(row, 4), by_choice)
                if choice == ANSWERED:
                    guard.answered.setdefault(qid, {})[piece] = n
                else:
                    guard.chosen.setdefault((qid, choice), {})[piece] = n
                    if qid == group.question_id and choice == by_choice:
                        guard.responses[piece] = n
            # Those who gave none of the cross-break's answers: everyone less those who gave one.
            _no_answer(guard.responses, everyone)
            for key, pieces in everyone_chosen.items():
                _no_answer(guard.chosen.setdefault(key, {}), pieces)
            for qid, pieces in everyone_answered.items():
                _no_answer(guard.answered.setdefault(qid, {}), pieces)
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
