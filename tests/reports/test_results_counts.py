"""The results' figures, added up from the running totals, equal counts made directly from the stored
responses and answers, for every group an officer or committee member can choose on a generated survey:
the exact figures, the pieces the committee's small-group checks add up (by month and cross-break answer),
and so every figure a committee member sees, hidden and "fewer than 5" cells included."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date

from sqlalchemy import select

from participation.core.suppression import FEWER_THAN, HIDDEN
from participation.db import db
from participation.reports import groups, results
from participation.reports.groups import Group
from participation.reports.protection import Guard
from participation.respond.models import Answer, Response
from participation.respond.storing import AnswerRow, Sent, store
from participation.surveys.models import Survey
from participation.surveys.question_types import question_type
from tests.factories import make_survey
from tests.reports.helpers import figures_of

DAYS = [date(2026, 1, 5), date(2026, 1, 28), date(2026, 2, 3), date(2026, 2, 17), date(2026, 3, 9),
        date(2026, 3, 31), date(2026, 4, 1), date(2026, 4, 22)]
SAID = ["Loads", "not much", "my carer is kind", "more say please"]


def _generated_survey(app, seed: int) -> int:
    """About 150 young people over four months, with some answers rare enough to be hidden."""
    rng = random.Random(seed)
    with app.app_context():
        survey = make_survey(db.session, f"counts-{seed}", sections=[{"title": "You", "questions": [
            {"kind": "yesno", "text": "Are you 16 or over?", "required": False},
            {"kind": "multiple", "text": "Who helps you?", "options": ["Carer", "Social worker", "Friend", "Nobody"]},
            {"kind": "faces", "text": "How do you feel at home?", "required": False},
            {"kind": "single", "text": "Do you have a pathway plan?", "options": ["Yes", "No", "Not sure"],
             "required": False},
            {"kind": "text", "text": "Tell us more"},
        ]}])
        age, helps, feel, plan, more = survey.ordered_questions
        plan.show_if_question_id, plan.show_if_value = age.id, "yes"
        feel_values = [c.value for c in question_type(feel).choices(feel)]
        sent = []
        for _ in range(150):
            rows = []
            said = rng.choices(["yes", "no", None], [7, 5, 1])[0]
            if said:
                rows.append(AnswerRow(age.id, choice=said))
            for value, weight in (("carer", 0.6), ("social-worker", 0.35), ("friend", 0.08), ("nobody", 0.03)):
                if rng.random() < weight:
                    rows.append(AnswerRow(helps.id, choice=value))
            if rng.random() < 0.85:
                rows.append(AnswerRow(feel.id, choice=rng.choices(feel_values, [1, 2, 5, 8, 9][:len(feel_values)])[0]))
            if said == "yes" and rng.random() < 0.9:
                rows.append(AnswerRow(plan.id, choice=rng.choices(["yes", "no", "not-sure"], [12, 4, 1])[0]))
            if rng.random() < 0.4:
                rows.append(AnswerRow(more.id, text=rng.choice(SAID)))
            sent.append(Sent(rng.choice(DAYS), rows))
        store(db.session, survey.id, sent)
        db.session.commit()
        return survey.id


def _stored(survey: Survey) -> list[tuple[date, list[tuple[int, str | None]]]]:
    """Every response of the survey as stored: its day and its answers (question, choice)."""
    answers: dict[int, list[tuple[int, str | None]]] = defaultdict(list)
    days = {rid: day for rid, day in db.session.execute(
        select(Response.id, Response.submitted_on).where(Response.survey_id == survey.id))}
    for response_id, question_id, choice in db.session.execute(
            select(Answer.response_id, Answer.question_id, Answer.choice).where(Answer.response_id.in_(days))):
        answers[response_id].append((question_id, choice))
    return [(days[rid], answers[rid]) for rid in days]


def _cross(survey: Survey, group: Group, given: list[tuple[int, str | None]]) -> str | None:
    """The response's answer to the group's cross-break question, as the committee's pieces split it."""
    chosen = [c for q, c in given if q == group.question_id]
    breakdown = next(q for q in survey.ordered_questions if q.id == group.question_id)
    if question_type(breakdown).multiple:
        return group.choice if group.choice in chosen else None
    return chosen[0] if chosen else None


def _in(group: Group, day: date, survey: Survey, given) -> bool:
    return ((group.start is None or day >= group.start) and (group.end is None or day <= group.end)
            and (group.question_id is None or (group.question_id, group.choice) in given))


def _exact_by_hand(survey: Survey, group: Group, stored) -> results.Figures:
    total, answered, chosen = 0, defaultdict(set), defaultdict(int)
    for n, (day, given) in enumerate(stored):
        if not _in(group, day, survey, given):
            continue
        total += 1
        for question_id, choice in given:
            answered[question_id].add(n)
            if choice is not None:
                chosen[(question_id, choice)] += 1
    return results.Figures(total, {q: len(ns) for q, ns in answered.items()}, dict(chosen))


def _guard_by_hand(survey: Survey, group: Group, stored) -> Guard:
    """The committee's pieces counted response by response: by month when the group has dates, and by answer
    to the cross-break question (None for no answer) when it has one, over every month of the survey."""
    by_month = bool(group.start or group.end)
    if not by_month and not group.question_id:
        return Guard()
    guard = Guard(open=False)
    apart = {q.id for q in survey.ordered_questions if q.kind == "text" or question_type(q).multiple}
    guard.several = {q.id: q.id in apart for q in survey.ordered_questions}
    for day, given in stored:
        piece = ((day.year, day.month) if by_month else ()) + (
            (_cross(survey, group, given),) if group.question_id else ())
        guard.responses[piece] = guard.responses.get(piece, 0) + 1
        for question_id, choice in given:
            if choice is not None:
                pieces = guard.chosen.setdefault((question_id, choice), {})
                pieces[piece] = pieces.get(piece, 0) + 1
        for question_id in {q for q, _ in given} & apart:
            pieces = guard.answered.setdefault(question_id, {})
            pieces[piece] = pieces.get(piece, 0) + 1
    for q in survey.ordered_questions:
        if q.id not in apart:
            total: dict = defaultdict(int)
            for choice in question_type(q).choices(q):
                for piece, n in guard.chosen.get((q.id, choice.value), {}).items():
                    total[piece] += n
            guard.answered[q.id] = dict(total)
    return guard


def _without_zeros(pieces: dict) -> dict:
    return {k: v for k, v in pieces.items() if v}


def _groups(survey: Survey, whole_months: bool) -> list[Group]:
    ranges = [("", ""), ("2026-02-01", "2026-03-31"), ("2026-03-01", ""), ("", "2026-01-31")]
    if not whole_months:
        ranges += [("2026-01-10", "2026-03-31"), ("2026-02-17", "2026-04-01")]
    out = []
    for start, end in ranges:
        for breakdown in [""] + [value for value, _, _ in groups.breakdown_choices(survey)]:
            group, form = groups.read_group({"start": start, "end": end, "breakdown": breakdown}, survey, whole_months)
            assert not form.errors
            out.append(group)
    return out


def test_an_officers_figures_equal_counts_of_the_stored_answers_for_every_group(app):
    survey_id = _generated_survey(app, 3)
    with app.app_context():
        survey = db.session.get(Survey, survey_id)
        stored = _stored(survey)
        compared = 0
        for group in _groups(survey, whole_months=False):
            by_hand = _exact_by_hand(survey, group, stored)
            assert results.group_size(db.session, survey, group) == by_hand.total, group
            answered, chosen = results._counts(db.session, survey, group)
            assert (_without_zeros(answered), _without_zeros(chosen)) == (by_hand.answered, by_hand.chosen), group
            res = results.results(db.session, survey, exact=True, group=group)
            if by_hand.total == 0:
                continue
            assert res.responses == by_hand.total
            for q in res.questions:
                assert q.shown == by_hand.shown(q.question)
                assert (q.answered, q.skipped) == (by_hand.answered.get(q.question.id, 0),
                                                   by_hand.shown(q.question) - by_hand.answered.get(q.question.id, 0))
                assert q.not_shown == by_hand.total - by_hand.shown(q.question)
                choices = () if q.question.kind == "text" else question_type(q.question).choices(q.question)
                assert [r.count for r in q.rows] == [by_hand.chosen.get((q.question.id, c.value), 0) for c in choices]
                compared += len(q.rows)
    assert compared > 500


def test_a_committee_members_figures_equal_those_made_from_the_stored_answers_hidden_cells_included(app):
    survey_id = _generated_survey(app, 5)
    with app.app_context():
        survey = db.session.get(Survey, survey_id)
        stored = _stored(survey)
        labels: dict[object, int] = defaultdict(int)
        too_close = 0
        for group in _groups(survey, whole_months=True):
            guard, by_hand = Guard.for_group(db.session, survey, group), _guard_by_hand(survey, group, stored)
            assert guard.open == by_hand.open and guard.several == by_hand.several
            assert _without_zeros(guard.responses) == by_hand.responses, group
            assert {k: _without_zeros(v) for k, v in guard.chosen.items() if _without_zeros(v)} == by_hand.chosen
            assert {k: _without_zeros(v) for k, v in guard.answered.items()} == \
                {k: _without_zeros(v) for k, v in by_hand.answered.items()}
            res = results.results(db.session, survey, exact=False, group=group)
            figures = _exact_by_hand(survey, group, stored)
            if res.too_few:
                too_close += res.reason == results.TOO_CLOSE
                assert figures.total < 5 or not by_hand.group_safe(), group
                continue
            assert by_hand.group_safe()
            # The same protection, given counts made by hand, shows exactly the same page.
            expected = results._protected(db.session, survey, group, figures, by_hand)
            assert figures_of(res) == figures_of(results.Results(survey, figures.total, False, expected, group)), group
            for value in figures_of(res).values():
                labels[value if isinstance(value, str) else "number"] += 1
    # The dataset had small and hidden cells and groups too close to another, not only plain numbers.
    assert labels[FEWER_THAN] >= 5 and labels[HIDDEN] >= 5 and labels["number"] >= 100 and too_close >= 1, (
        dict(labels), too_close)
