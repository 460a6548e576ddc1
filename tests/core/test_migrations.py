"""The Alembic migrations build exactly the schema the models describe."""

from __future__ import annotations

import os
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from participation import ROOT, create_app
from participation.config import TestConfig
from participation.db import db


@pytest.fixture
def empty_database_url(tmp_path):
    """An empty database of the kind this run tests: a new SQLite file, or a new PostgreSQL database."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        yield f"sqlite:///{tmp_path / 'migrations.db'}"
        return
    name = f"migrations_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(url).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_migrations_build_the_schema_the_models_describe(empty_database_url):
    app = create_app(TestConfig(empty_database_url))
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        with db.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), db.metadata)
        assert differences == []
        tables = set(inspect(db.engine).get_table_names())
        assert {"themes", "surveys", "questions", "responses", "answers"} <= tables

        downgrade(directory=str(ROOT / "migrations"), revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        db.engine.dispose()


def _insert(connection, table: str, **row) -> None:
    from sqlalchemy import MetaData, Table

    connection.execute(Table(table, MetaData(), autoload_with=connection).insert(), row)


def test_upgrading_keeps_the_rows_that_refer_to_a_table_a_step_changes(empty_database_url):
    """Changing a table on SQLite copies it and drops the old one (0018 does so to comments): the rows that
    refer to it, such as each comment's themes, must stay, and foreign keys are checked again after."""
    from datetime import date

    app = create_app(TestConfig(empty_database_url))
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"), revision="0017")
        with db.engine.begin() as connection:
            _insert(connection, "themes", id=1, key="safe-home", name="Safe home", description="", position=0,
                    archived=False)
            _insert(connection, "surveys", id=1, slug="home", title="Home", intro="", audience="everyone",
                    status="open", created_on=date(2026, 1, 1), age_band="", access_code="", revision="r")
            _insert(connection, "sections", id=1, survey_id=1, position=0, title="Page", intro="")
            _insert(connection, "questions", id=1, survey_id=1, section_id=1, position=0, kind="text", text="Tell us",
                    help="", required=False, show_if_value="")
            _insert(connection, "responses", id=1, survey_id=1, submitted_on=date(2026, 1, 1))
            _insert(connection, "answers", id=1, response_id=1, question_id=1, text="More buses")
            _insert(connection, "comment_analyses", answer_id=1, survey_id=1, question_id=1, sentiment=0.0,
                    confidence=0.5, redacted="More buses", status="confirmed", safeguarding=False,
                    safeguarding_reasons=[], safeguarding_evidence=[], flag_status="", flag_note="",
                    flag_alerted=False)
            _insert(connection, "comment_themes", answer_id=1, theme_id=1, position=0)
        upgrade(directory=str(ROOT / "migrations"))
        with db.engine.connect() as connection:
            kept = {table: connection.execute(text(f"SELECT count(*) FROM {table}")).scalar()
                    for table in ("surveys", "sections", "questions", "answers", "comment_analyses", "comment_themes")}
            assert kept == dict.fromkeys(kept, 1)
            if connection.dialect.name == "sqlite":
                assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        db.engine.dispose()


def test_a_migrated_database_refuses_a_status_or_kind_the_app_does_not_know(empty_database_url):
    from datetime import date

    from sqlalchemy.exc import IntegrityError

    app = create_app(TestConfig(empty_database_url))
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"))
        with db.engine.begin() as connection:
            _insert(connection, "surveys", id=1, slug="home", title="Home", intro="", audience="everyone",
                    status="open", created_on=date(2026, 1, 1), age_band="", access_code="", revision="r")
            _insert(connection, "sections", id=1, survey_id=1, position=0, title="Page", intro="")
            _insert(connection, "questions", id=1, survey_id=1, section_id=1, position=0, kind="text", text="Tell us",
                    help="", required=False, show_if_value="")
        with db.engine.connect() as connection:
            for refused in ("UPDATE surveys SET status = 'published'", "UPDATE questions SET kind = 'essay'"):
                with pytest.raises(IntegrityError):
                    with connection.begin():
                        connection.execute(text(refused))
            assert connection.execute(text("SELECT status FROM surveys")).scalar() == "open"
        db.engine.dispose()


def test_upgrading_keeps_each_rag_override_as_it_was_read_and_then_refuses_any_but_a_colour(empty_database_url):
    from datetime import date

    from sqlalchemy.exc import IntegrityError

    from participation.tracker.models import Action
    from tests.factories import make_action, make_measure

    app = create_app(TestConfig(empty_database_url))
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"), revision="0024")
        kept, ignored = make_action(db.session, rag_override="amber"), make_action(db.session, rag_override="Red")
        measure = make_measure(db.session, rag_override="green")
        shown_before = ignored.rag(date(2026, 12, 1))  # the RAG an officer saw: "Red" is not a colour
        db.session.commit()
        ids = kept.id, ignored.id, measure.id
        db.session.remove()
        upgrade(directory=str(ROOT / "migrations"))
        with db.engine.connect() as connection:
            overrides = dict(connection.execute(text("SELECT id, rag_override FROM actions")).all())
            assert (overrides[ids[0]], overrides[ids[1]]) == ("amber", "")
            assert connection.execute(text("SELECT rag_override FROM measures")).scalar() == "green"
            connection.rollback()
            for refused in ("UPDATE actions SET rag_override = 'blue'", "UPDATE measures SET rag_override = 'Red'"):
                with pytest.raises(IntegrityError):
                    with connection.begin():
                        connection.execute(text(refused))
        assert db.session.get(Action, ids[1]).rag(date(2026, 12, 1)) == shown_before
        db.session.remove()
        db.engine.dispose()
