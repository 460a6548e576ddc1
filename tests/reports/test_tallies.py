"""The running totals reports read always agree with the answers and comments themselves."""

from __future__ import annotations

import re

from sqlalchemy import select

from participation.comments.models import CommentAnalysis
from participation.db import db
from tests.comments.helpers import send_two_comments
from tests.helpers import post_form
from tests.reports.helpers import tallies_agree


def test_totals_agree_after_answers_demo_data_reviews_and_retagging(app, runner, login_as):
    assert runner.invoke(args=["seed-demo", "--responses", "40"]).exit_code == 0
    send_two_comments(app, "my foster mum is kind", "more say in my review please")
    responses, answers, comments, pairs = tallies_agree(app, runner)
    assert sum(r[2] for r in responses) == 40 + 80 + 60 + 1  # demo, last year's review, this year's, one more
    assert comments and answers and pairs
    officer = login_as("officer")
    with app.app_context():
        answer_id = db.session.scalars(select(CommentAnalysis.answer_id).order_by(CommentAnalysis.answer_id.desc())).first()
    post_form(officer, f"/comments/{answer_id}", {f"themes-{answer_id}": ["healthy", "achieve", "adult-life"]},
              form_page="/comments/")
    tallies_agree(app, runner)
    assert runner.invoke(args=["tag-comments", "--all"]).exit_code == 0
    tallies_agree(app, runner)
    page = officer.get("/surveys/").text
    assert re.search(r"Your life, your say.*?41", page, re.S)
