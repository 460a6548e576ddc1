"""The command-line tasks an administrator runs."""

from __future__ import annotations

from sqlalchemy import func, select

from participation.db import db
from participation.respond.models import Response
from participation.surveys.models import Question, Survey
from participation.surveys.question_types import QUESTION_TYPES
from participation.themes.models import Theme


def test_seed_demo_can_run_twice_without_duplicates(app, runner):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0 and "already there" in second.output
    with app.app_context():
        slugs = set(db.session.scalars(select(Survey.slug)))
        assert slugs == {"demo", "pledge-review", "pledge-review-2025"}
        # Demo answers are added once, not again on the second run.
        per_survey = dict(db.session.execute(select(Survey.slug, func.count(Response.id)).join(Response)
                                             .group_by(Survey.slug)).all())
        assert per_survey == {"demo": 120, "pledge-review": 60, "pledge-review-2025": 80}
        keys = list(db.session.scalars(select(Theme.key).order_by(Theme.position)))
        assert keys == ["involve-me", "safe-home", "healthy", "achieve", "adult-life"]
        names = set(db.session.scalars(select(Theme.name)))
        assert "Provide me with a good, safe home" in names and "Support me to move to adult life" in names


def test_demo_survey_is_open_and_has_every_kind_of_question(app, runner, client):
    runner.invoke(args=["seed-demo", "--responses", "0"])
    with app.app_context():
        kinds = list(db.session.scalars(select(Question.kind)))
    assert set(kinds) == set(QUESTION_TYPES)
    assert kinds.count("text") >= 2
    assert client.get("/s/demo").status_code == 200
