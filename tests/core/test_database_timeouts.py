"""A slow query or a lock another connection holds ends well before gunicorn kills the worker (30 s): the
database gives up first (statement_timeout and lock_timeout on PostgreSQL, a busy timeout on SQLite), the
member of staff sees the friendly error page, the young person their page again with what they typed, and
the log holds neither the answers nor the values sent to the database."""

from __future__ import annotations

import logging
import time

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from participation import create_app
from participation.config import TestConfig, engine_options
from participation.db import db, timed_out
from tests.helpers import PASSWORD, csrf_token, empty_all_tables
from tests.respond.helpers import field_names, post_page

WRITTEN = "Nobody listens when I say I miss my sister"
#: gunicorn's default worker timeout, which every database wait must stay well below.
WORKER_TIMEOUT = 30


def test_every_connection_gives_up_waiting_well_before_the_worker_is_killed(app):
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            assert db.session.scalar(text("SHOW statement_timeout")) == "10s"
            assert db.session.scalar(text("SHOW lock_timeout")) == "5s"
        else:
            assert db.session.scalar(text("PRAGMA busy_timeout")) == 10000
    assert 10 < WORKER_TIMEOUT / 2


def test_the_timeouts_are_settings():
    options = engine_options("postgresql+psycopg://x@h/db", statement_timeout=8, lock_timeout=2.5)
    assert options["connect_args"] == {"options": "-c statement_timeout=8000 -c lock_timeout=2500"}
    assert options["hide_parameters"] and options["pool_pre_ping"]
    assert engine_options("sqlite:///x.db", statement_timeout=3)["connect_args"] == {"timeout": 3}


@pytest.fixture
def quick_app(database_url, _schema):
    """The app on the test database with short timeouts (2 s per statement, 1 s for a lock), committing for
    real so that another connection can hold a lock against it; every table is emptied afterwards."""
    if not database_url.startswith("postgresql"):
        pytest.skip("statement_timeout and lock_timeout are PostgreSQL's (TEST_DATABASE_URL)")
    config = TestConfig(database_url)
    config.SQLALCHEMY_ENGINE_OPTIONS = engine_options(database_url, statement_timeout=2, lock_timeout=1)
    app = create_app(config)
    app.config["PROPAGATE_EXCEPTIONS"] = False  # answer as in production: the error page, and a log line
    from participation.extensions import limiter
    with app.app_context():
        limiter.reset()
    assert app.test_cli_runner().invoke(args=["seed-demo", "--responses", "0"]).exit_code == 0
    other = create_engine(database_url)
    yield app, other
    other.dispose()
    with app.app_context():
        db.session.remove()
        empty_all_tables(db.engine)
        db.engine.dispose()


def test_a_page_waiting_on_a_held_lock_is_given_back_at_once_with_what_was_typed(quick_app, caplog):
    app, other = quick_app
    caplog.set_level(logging.DEBUG)
    young_person = app.test_client()
    names = field_names(app, "demo")
    with other.connect() as holder:
        holder.execute(text("LOCK TABLE drafts IN EXCLUSIVE MODE"))  # reading still works, writing waits
        started = time.monotonic()
        reply = post_page(young_person, "demo", 4, {names[7]: WRITTEN})
        took = time.monotonic() - started
        holder.rollback()
    assert reply.status_code == 503 and took < 5
    assert "Sorry, we could not save this page just now." in reply.text
    assert WRITTEN in reply.text
    assert "A survey page could not be saved" in caplog.text and "LockNotAvailable" in caplog.text
    assert WRITTEN not in caplog.text and "parameters" not in caplog.text.lower()
    # Once the lock is gone the same page saves.
    assert post_page(young_person, "demo", 4, {names[7]: WRITTEN}).status_code == 302


def test_a_staff_page_waiting_on_a_held_lock_gets_the_friendly_error_page_at_once(quick_app, caplog):
    app, other = quick_app
    from participation.auth.services import create_user
    from participation.core.transaction import run
    with app.app_context():
        run(db.session, lambda: create_user(db.session, None, "sam@council.example", PASSWORD, "officer"))
        db.session.remove()
    officer = app.test_client()
    page = officer.get("/login")
    assert officer.post("/login", data={"csrf_token": csrf_token(page.text), "email": "sam@council.example",
                                        "password": PASSWORD}).status_code == 302
    with other.connect() as holder:
        holder.execute(text("LOCK TABLE surveys IN ACCESS EXCLUSIVE MODE"))
        started = time.monotonic()
        reply = officer.get("/surveys/")
        took = time.monotonic() - started
        holder.rollback()
    assert reply.status_code == 500 and took < 5
    assert "Sorry, something went wrong" in reply.text and "try again" in reply.text
    assert "LockNotAvailable" in caplog.text
    assert officer.get("/surveys/").status_code == 200


def test_a_slow_statement_is_stopped_and_not_tried_again(quick_app):
    app, _ = quick_app
    from participation.core.transaction import run
    tries = []

    def slow():
        tries.append(1)
        return db.session.execute(text("SELECT pg_sleep(20)")).scalar()

    with app.app_context():
        started = time.monotonic()
        with pytest.raises(OperationalError) as stopped:
            run(db.session, slow, attempts=3, retry_on=(OperationalError,))
        assert time.monotonic() - started < 5
        assert timed_out(stopped.value) and tries == [1]
