"""Committee members read comments only from surveys that 5 or more young people answered, redacted;
staff who read responses see every comment as written. One rule serves every view."""

from __future__ import annotations

from sqlalchemy import select

from participation.comments.services import in_groups_shown
from participation.core.suppression import group_shown
from participation.db import db, today
from participation.respond.models import ResponseTally
from participation.respond.storing import AnswerRow, Sent, store
from tests.factories import make_survey


def _survey_with_comments(app, slug: str, comments: list[str]) -> int:
    with app.app_context():
        survey = make_survey(db.session, slug, title=f"Survey {slug}", sections=[{"title": "You", "questions": [
            {"kind": "text", "text": "Tell us more"}]}])
        (question,) = survey.ordered_questions
        store(db.session, survey.id, [Sent(today(), [AnswerRow(question.id, text=c)]) for c in comments])
        db.session.commit()
        return survey.id


def _small_and_large(app):
    _survey_with_comments(app, "two-answered", ["Only two of us said this", "Me too, only two"])
    _survey_with_comments(app, "five-answered", [f"my PA is called Priya and she is kind {i}" for i in range(5)])


def test_a_committee_member_reads_no_comment_from_a_survey_fewer_than_5_answered(app, client, login_as):
    _small_and_large(app)
    page = login_as("committee").get("/reports/comments").text
    assert "Only two of us" not in page and "only two" not in page and "Survey two-answered" not in page
    # The survey 5 answered is shown, with the name taken out.
    assert page.count("my PA is called [name] and she is kind") == 5
    assert "Priya" not in page


def test_an_officer_reads_every_comment_as_written(app, client, login_as):
    _small_and_large(app)
    page = login_as("officer").get("/reports/comments").text
    assert "Only two of us said this" in page and "my PA is called Priya and she is kind 4" in page


def test_the_sql_rule_and_the_python_rule_agree(app):
    counts = {}
    for n in (1, 4, 5, 6):
        counts[_survey_with_comments(app, f"answered-{n}", ["a comment"] * n)] = n
    with app.app_context():
        for original in (False, True):
            shown = set(db.session.scalars(select(ResponseTally.survey_id).distinct()
                                           .where(in_groups_shown(ResponseTally.survey_id, original))))
            assert shown == {sid for sid, n in counts.items() if group_shown(n, exact=original)}
        assert {n for sid, n in counts.items() if group_shown(n)} == {5, 6}
