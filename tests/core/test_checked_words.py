"""Each status and kind column holds only its enum's words: the models, the migration and the database agree,
and the database itself refuses any other word."""

from __future__ import annotations

import importlib.util
import re

import pytest
from sqlalchemy import CheckConstraint, text
from sqlalchemy.exc import IntegrityError

from participation import ROOT
from participation.comments.models import CommentAnalysis, FlagStatus, ReviewStatus
from participation.db import db
from participation.help_requests.models import HelpRequest, HelpRequestStatus
from participation.surveys.models import Question, QuestionKind, Survey, SurveyStatus
from participation.scorecard.models import Measure
from participation.tracker.models import Action
from participation.tracker.rules import RAGS, ActionStatus

CHECKED = [
    (Survey, "status", {s.value for s in SurveyStatus}),
    (Question, "kind", {k.value for k in QuestionKind}),
    (CommentAnalysis, "status", {s.value for s in ReviewStatus}),
    (CommentAnalysis, "flag_status", {s.value for s in FlagStatus}),
    (HelpRequest, "status", {s.value for s in HelpRequestStatus}),
    (Action, "status", {s.value for s in ActionStatus}),
]


def _words(sql: str) -> set[str]:
    return set(re.findall(r"'([^']*)'", sql))


def _migration(name: str = "0022_status_and_kind_words_checked"):
    path = ROOT / "migrations" / "versions" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"migration_{name}", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("model, column, words", CHECKED, ids=lambda v: getattr(v, "__name__", str(v)))
def test_the_model_and_the_migration_allow_exactly_the_enum_s_words(model, column, words):
    checks = [c for c in model.__table__.constraints
              if isinstance(c, CheckConstraint) and c.name == f"ck_{model.__tablename__}_{column}_allowed"]
    assert len(checks) == 1
    assert _words(str(checks[0].sqltext)) == words
    assert set(_migration().ALLOWED[model.__tablename__][column]) == words


def test_the_database_refuses_a_word_no_enum_holds(app):
    from tests.factories import make_survey

    with app.app_context():
        survey = make_survey(db.session, "checked-words")
        for statement in ("UPDATE surveys SET status = 'published' WHERE id = :id",
                          "UPDATE questions SET kind = 'essay' WHERE survey_id = :id"):
            with pytest.raises(IntegrityError):
                with db.session.begin_nested():
                    db.session.execute(text(statement), {"id": survey.id})
        assert db.session.scalar(text("SELECT status FROM surveys WHERE id = :id"), {"id": survey.id}) == "open"
        with pytest.raises(IntegrityError):
            with db.session.begin_nested():
                db.session.execute(text("INSERT INTO help_requests (id, asked_on, name, contact, best_time, message, "
                                        "status, note) VALUES ('x', '2026-01-01', '', '07700 900123', '', '', "
                                        "'closed', '')"))
        db.session.rollback()


@pytest.mark.parametrize("model", [Action, Measure], ids=lambda m: m.__name__)
def test_a_rag_override_may_be_red_amber_green_or_none_in_the_model_and_the_migration(model):
    checks = [c for c in model.__table__.constraints
              if isinstance(c, CheckConstraint) and c.name == f"ck_{model.__tablename__}_rag_override_allowed"]
    assert len(checks) == 1
    assert _words(str(checks[0].sqltext)) == {"", *RAGS} == set(_migration("0025_rag_override_checked").ALLOWED)
    assert model.__tablename__ in _migration("0025_rag_override_checked").TABLES


def test_the_database_refuses_a_rag_override_that_is_not_a_colour(app):
    from tests.factories import make_action, make_measure

    with app.app_context():
        action, measure = make_action(db.session), make_measure(db.session)
        for table, row in (("actions", action), ("measures", measure)):
            for word in ("red", "amber", "green", ""):
                with db.session.begin_nested():
                    db.session.execute(text(f"UPDATE {table} SET rag_override = :word WHERE id = :id"),
                                       {"word": word, "id": row.id})
            for word in ("blue", "Red", "r", "GREEN", "redd"):
                with pytest.raises(IntegrityError):
                    with db.session.begin_nested():
                        db.session.execute(text(f"UPDATE {table} SET rag_override = :word WHERE id = :id"),
                                           {"word": word, "id": row.id})
            assert db.session.scalar(text(f"SELECT rag_override FROM {table} WHERE id = :id"), {"id": row.id}) == ""
        db.session.rollback()
