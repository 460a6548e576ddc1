"""Demo responses: answers a real survey could hold, and comments tagged as they are stored."""

from __future__ import annotations

import random

from sqlalchemy import func, select

from participation.analysis import tag_many
from participation.comments.models import CommentAnalysis, CommentTheme
from participation.db import db
from participation.respond.demo import EVERYDAY, NOTHING, RISK, demo_comment
from participation.respond.models import Answer, Response
from participation.surveys.models import Question, Survey
from participation.surveys.question_types import question_type


def test_every_risk_comment_in_the_demo_is_flagged_and_no_everyday_one():
    taggings = tag_many(RISK + EVERYDAY)
    assert [t.safeguarding for t in taggings] == [True] * len(RISK) + [False] * len(EVERYDAY)


def test_demo_comments_vary_and_read_like_sentences():
    rng = random.Random(1)
    comments = [demo_comment(rng, 0.5) for _ in range(400)]
    assert len(set(comments)) > 150
    composed = [c for c in comments if c not in NOTHING + RISK + EVERYDAY]
    assert composed and all(c[0].isupper() or c[0].isdigit() for c in composed)
    assert not any(". i " in c or ". my " in c for c in comments)


def test_seed_demo_stores_answers_the_survey_accepts_and_tags_every_comment(app, runner):
    result = runner.invoke(args=["seed-demo", "--responses", "60"])
    assert result.exit_code == 0, result.output
    assert "Added 60 demo responses" in result.output
    with app.app_context():
        session = db.session
        demo = session.scalar(select(Survey).where(Survey.slug == "demo"))
        assert session.scalar(select(func.count()).select_from(Response).where(Response.survey_id == demo.id)) == 60
        questions = {q.id: q for q in session.scalars(select(Question))}
        for answer in session.scalars(select(Answer)):
            kind = question_type(questions[answer.question_id])
            if kind.key == "text":
                assert answer.choice is None and answer.text
            else:
                assert answer.choice in {c.value for c in kind.choices(questions[answer.question_id])}
        required = {q.id for q in questions.values() if q.required and q.show_if_question_id is None}
        for response in session.scalars(select(Response)):
            assert {q for q in required if questions[q].survey_id == response.survey_id} <= {
                a.question_id for a in response.answers}

        texts = session.scalar(select(func.count()).select_from(Answer).where(Answer.text.is_not(None)))
        assert texts > 60 * 1.5
        assert session.scalar(select(func.count()).select_from(CommentAnalysis)) == texts
        assert session.scalar(select(func.count(func.distinct(CommentTheme.answer_id)))) > texts * 0.7
        rows = session.execute(select(Answer.text, CommentAnalysis.safeguarding, CommentAnalysis.flag_status)
                               .join(CommentAnalysis, CommentAnalysis.answer_id == Answer.id)).all()
        for text, flagged, status in rows:
            if text in RISK:
                assert flagged and status == "open", text
            if text in EVERYDAY:
                assert not flagged, text
