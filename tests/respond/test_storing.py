"""Storing many young people's answers at once: every comment's reading belongs to its own answer.

New ids come back from the database in no promised order, so the store matches them to rows by
what was inserted. These tests store batches where that is easy to get wrong: several responses
on the same day, the same words written by different young people, a comment on every question.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import func, select

from participation.comments.models import CommentAnalysis, CommentTheme
from participation.db import db
from participation.respond import storing
from participation.respond.demo import EVERYDAY, RISK
from participation.respond.models import Answer, Response
from participation.respond.storing import AnswerRow, Sent
from participation.themes.models import Theme
from tests.factories import make_survey

MONDAY, TUESDAY = date(2026, 11, 16), date(2026, 11, 17)


def _survey(session):
    return make_survey(session, sections=[{"title": "Home", "questions": [
        {"kind": "yesno", "text": "Do you feel safe where you live?", "required": True},
        {"kind": "text", "text": "What is good about where you live?"},
        {"kind": "text", "text": "What would make it better?"},
    ]}])


def _batch(survey) -> list[Sent]:
    yes_no, good, better = (q.id for q in survey.ordered_questions)
    writings = [
        ("my foster mum is kind", "more say in my review please"),
        ("my foster mum is kind", "I want to see my brother more"),  # the same words as the first
        ("", "I want to see my brother more"),
        ("I feel safe here", ""),
        (EVERYDAY[0], RISK[0]),
        ("my foster mum is kind", "more say in my review please"),  # word for word the first again
    ]
    sent = []
    for i, (first, second) in enumerate(writings):
        answers = [AnswerRow(yes_no, "yes" if i % 2 else "no")]
        answers += [AnswerRow(question, text=text) for question, text in ((good, first), (better, second)) if text]
        sent.append(Sent(MONDAY if i < 4 else TUESDAY, answers))
    return sent


def test_each_comment_reading_belongs_to_its_own_answer_day_and_question(app):
    with app.app_context():
        survey = _survey(db.session)
        batch = _batch(survey)
        prepared = storing.store(db.session, survey.id, batch)
        db.session.commit()

        assert db.session.scalar(select(func.count()).select_from(Response)) == 6
        stored = db.session.execute(
            select(Answer.id, Answer.question_id, Answer.text, Response.submitted_on, CommentAnalysis)
            .join(Response, Response.id == Answer.response_id)
            .outerjoin(CommentAnalysis, CommentAnalysis.answer_id == Answer.id)
            .where(Answer.text.is_not(None))).all()
        expected = Counter((a.question_id, a.text, one.day) for one in batch for a in one.answers if a.text)
        assert Counter((q, text, day) for _, q, text, day, _ in stored) == expected
        for answer_id, question_id, text, day, comment in stored:
            assert comment is not None, f"no reading for {text!r}"
            assert (comment.question_id, comment.submitted_on, comment.survey_id) == (question_id, day, survey.id)
            # Nothing here needs redacting, so the reading's copy is the answer's own words.
            assert comment.redacted == text
            assert comment.safeguarding == (text in RISK)
            assert comment.flag_status == ("open" if text in RISK else "")
        assert prepared.needs_help


def test_each_response_keeps_its_own_answers(app):
    with app.app_context():
        survey = _survey(db.session)
        batch = _batch(survey)
        storing.store(db.session, survey.id, batch)
        db.session.commit()
        kept = Counter()
        for response_id, day in db.session.execute(select(Response.id, Response.submitted_on)):
            answers = db.session.execute(select(Answer.question_id, Answer.choice, Answer.text)
                                         .where(Answer.response_id == response_id)).all()
            kept[(day, frozenset(tuple(a) for a in answers))] += 1
        assert kept == Counter((one.day, frozenset(tuple(a) for a in one.answers)) for one in batch)


def test_themes_are_filed_under_the_comment_they_were_suggested_for(app, runner):
    assert runner.invoke(args=["seed-demo", "--responses", "0"]).exit_code == 0  # the five outcome themes
    with app.app_context():
        survey = _survey(db.session)
        storing.store(db.session, survey.id, _batch(survey))
        db.session.commit()
        themes = dict(db.session.execute(select(Theme.id, Theme.key)).all())
        filed: dict[str, set[str]] = {}
        for text, theme_id in db.session.execute(
                select(Answer.text, CommentTheme.theme_id).join(CommentTheme, CommentTheme.answer_id == Answer.id)):
            filed.setdefault(text, set()).add(themes[theme_id])
        assert "involve-me" in filed["more say in my review please"]
        assert "safe-home" in filed["I feel safe here"]
        # The same words get the same themes, whoever wrote them.
        per_answer = db.session.execute(
            select(Answer.text, func.count(CommentTheme.theme_id)).join(CommentTheme, CommentTheme.answer_id == Answer.id)
            .group_by(Answer.id, Answer.text)).all()
        counts: dict[str, set[int]] = {}
        for text, count in per_answer:
            counts.setdefault(text, set()).add(count)
        assert all(len(c) == 1 for c in counts.values())


def test_a_batch_with_no_comments_reads_nothing_and_needs_no_help(app):
    with app.app_context():
        survey = _survey(db.session)
        yes_no = survey.ordered_questions[0].id
        prepared = storing.store(db.session, survey.id, [Sent(MONDAY, [AnswerRow(yes_no, "yes")])] * 3)
        db.session.commit()
        assert not prepared.needs_help and not prepared.taggings
        assert db.session.scalar(select(func.count()).select_from(Response)) == 3
        assert db.session.scalar(select(func.count()).select_from(CommentAnalysis)) == 0
