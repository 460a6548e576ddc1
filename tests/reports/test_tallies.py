"""The running totals reports read always agree with the answers and comments themselves."""

from __future__ import annotations

import re

from sqlalchemy import select

from participation.comments.models import CommentAnalysis, CommentTally
from participation.db import db
from participation.respond.models import AnswerPairTally, AnswerTally, ResponseTally
from tests.comments.test_comments import _answer
from tests.helpers import post_form


def _snapshot():
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


def _agrees(app, runner):
    with app.app_context():
        kept = _snapshot()
    assert runner.invoke(args=["rebuild-tallies"]).exit_code == 0
    with app.app_context():
        assert _snapshot() == kept
        return kept


def test_totals_agree_after_answers_demo_data_reviews_and_retagging(app, runner, login_as):
    assert runner.invoke(args=["seed-demo", "--responses", "40"]).exit_code == 0
    _answer(app, "my foster mum is kind", "more say in my review please")
    responses, answers, comments, pairs = _agrees(app, runner)
    assert sum(r[2] for r in responses) == 40 + 80 + 60 + 1  # demo, last year's review, this year's, one more
    assert comments and answers and pairs
    officer = login_as("officer")
    with app.app_context():
        answer_id = db.session.scalars(select(CommentAnalysis.answer_id).order_by(CommentAnalysis.answer_id.desc())).first()
    post_form(officer, f"/comments/{answer_id}", {f"themes-{answer_id}": ["healthy", "achieve", "adult-life"]},
              form_page="/comments/")
    _agrees(app, runner)
    assert runner.invoke(args=["tag-comments", "--all"]).exit_code == 0
    _agrees(app, runner)
    page = officer.get("/surveys/").text
    assert re.search(r"Your life, your say.*?41", page, re.S)
