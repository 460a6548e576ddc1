"""Fixtures shared by every test: an app on a clean database, a client, a CLI runner.

Tests run on a SQLite file by default and on PostgreSQL when TEST_DATABASE_URL is set. Tables are
created once per run. Each test runs inside one database transaction that is rolled back at its
end: every commit the app makes (through `participation.core.transaction`) only releases a
savepoint inside it. Tests marked `committing` (the app is served to other threads, or several
connections must see each other's commits) commit for real, and every table is emptied after them.
"""

from __future__ import annotations

import os
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Iterator
from unittest import mock

import pytest
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine

from participation import create_app
from participation.config import TestConfig
from participation.core import state
from participation.core.transaction import run
from participation.db import db
from tests.helpers import PASSWORD, csrf_token, empty_all_tables, free_port, serve_as_make_serve_does


def _compile_catalogues() -> None:
    """Build any language catalogue the app reads that is missing or older than its .po (as `make translations`)."""
    from pathlib import Path

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in (Path(__file__).resolve().parents[1] / "participation" / "translations").glob("*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            with po.open("rb") as source, mo.open("wb") as target:
                write_mo(target, read_po(source))


_compile_catalogues()


@pytest.fixture(scope="session")
def database_url(tmp_path_factory) -> str:
    """The database every test in this run uses."""
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"


@pytest.fixture(scope="session")
def _schema(database_url):
    """Create every table once for the run, from the models."""
    engine = create_engine(database_url)
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # Start from nothing: an earlier run or migration test may have left tables behind.
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    import participation.models  # noqa: F401
    db.metadata.create_all(engine)
    engine.dispose()
    yield


def _sqlite_leaves_transactions_to_sqlalchemy(dbapi_connection, connection_record) -> None:
    """pysqlite begins and ends transactions by itself, which breaks savepoints: let SQLAlchemy do it."""
    dbapi_connection.isolation_level = None


def _sqlite_begin(connection) -> None:
    connection.exec_driver_sql("BEGIN")


@contextmanager
def rolled_back(engine: Engine) -> Iterator[None]:
    """Run every session on one connection, in one transaction that is rolled back at the end.

    Each session the app opens is bound to that connection and, finding it in a transaction,
    starts a savepoint instead: its commit releases the savepoint and its rollback returns to it
    (SQLAlchemy's "joining a session into an external transaction").
    """
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_leaves_transactions_to_sqlalchemy)
        event.listen(engine, "begin", _sqlite_begin)
    with ExitStack() as stack:
        connection = stack.enter_context(engine.connect())
        outer = connection.begin()
        stack.callback(outer.rollback)
        stack.enter_context(mock.patch.dict(db.session.session_factory.kw,
                                            {"join_transaction_mode": "create_savepoint"}))
        stack.enter_context(mock.patch.object(db.session.session_factory.class_, "get_bind",
                                              lambda self, *args, **kwargs: connection))
        yield


def _unsaved_changes_are_reported(app, found: list[str]) -> None:
    """Fail a test whose request flushed changes and never committed or rolled them back.

    Every view that changes data must run its service through core.transaction.run; a change
    that is only flushed would be lost silently when the request ends.
    """
    from flask import request

    def flushed(session, flush_context) -> None:
        session.info["unsaved"] = True

    def settled(session, *args) -> None:
        session.info.pop("unsaved", None)

    session_class = db.session.session_factory.class_
    for name, listener in (("after_flush", flushed), ("after_commit", settled), ("after_soft_rollback", settled)):
        if not event.contains(session_class, name, listener):
            event.listen(session_class, name, listener)

    @app.teardown_request
    def _check(error) -> None:
        if db.session.registry.has() and db.session.info.pop("unsaved", None):
            found.append(f"{request.method} {request.path}")


@pytest.fixture
def app(database_url, _schema, request):
    """A fresh app on an empty database, with nothing kept from another test's (see core/state.py)."""
    state.clear()
    app = create_app(TestConfig(database_url))
    from participation.extensions import limiter
    with app.app_context():
        limiter.reset()  # rate-limit counts live in memory: each test starts from none
        engine = db.engine
    unsaved: list[str] = []
    _unsaved_changes_are_reported(app, unsaved)
    if request.node.get_closest_marker("committing"):
        yield app
        with app.app_context():
            db.session.remove()
            empty_all_tables(db.engine)
    else:
        with rolled_back(engine):
            yield app
            with app.app_context():
                db.session.remove()
    engine.dispose()
    assert not unsaved, f"changes flushed but never committed by: {unsaved}"


@pytest.fixture
def client(app):
    """A browser-like client for the app."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """Runs `flask` commands against the app."""
    return app.test_cli_runner()


@pytest.fixture
def demo(app, runner):
    """The demo survey loaded by seed-demo, as a young person would find it at /s/demo."""
    result = runner.invoke(args=["seed-demo", "--responses", "0"])
    assert result.exit_code == 0, result.output
    return "demo"





@pytest.fixture
def make_user(app):
    """Create a staff account: make_user("officer") or make_user("administrator", email=...)."""
    from participation.auth.services import create_user

    def make(role: str = "officer", email: str | None = None, **fields):
        with app.app_context():
            user = run(db.session, lambda: create_user(db.session, None, email or f"{role}@council.example",
                                                        PASSWORD, role, **fields))
            return user.id

    return make


@pytest.fixture
def login_as(app, client, make_user):
    """Sign the client in with a new account of the given role; returns the client."""

    def login(role: str, email: str | None = None):
        email = email or f"{role}@council.example"
        make_user(role, email=email)
        page = client.get("/login")
        reply = client.post("/login", data={"csrf_token": csrf_token(page.text), "email": email,
                                             "password": PASSWORD})
        assert reply.status_code == 302, reply.text
        return client

    return login





class _Inbox:
    """What a real SMTP server on 127.0.0.1 received: each message as the standard library parsed it.
    Clearing `answering` makes the server hold every message, unanswered, until it is set again (a mail
    server that has stopped answering)."""

    def __init__(self) -> None:
        import threading

        self.messages: list = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.answering = threading.Event()
        self.answering.set()
        self.waiting = 0  # messages held unanswered now

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's handler hook
        import asyncio
        from email import message_from_bytes, policy

        self.waiting += 1
        while not self.answering.is_set():
            await asyncio.sleep(0.01)
        self.waiting -= 1
        self.messages.append(message_from_bytes(envelope.original_content, policy=policy.default))
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server(app):
    """A real SMTP server (aiosmtpd) on 127.0.0.1 that keeps what it receives; the app's mail settings point at it."""
    from aiosmtpd.controller import Controller

    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=controller.port, MAIL_USE_TLS=False, MAIL_USE_SSL=False,
                      MAIL_DEFAULT_SENDER="participation@council.example")
    yield inbox
    inbox.answering.set()
    controller.stop()


@pytest.fixture
def served(tmp_path: Path):
    """gunicorn as `make serve` runs it, on a fresh SQLite file with the demo: its port, access log
    file, process and database file. Requests to be contacted are held for longer than any test."""
    yield from serve_as_make_serve_does(tmp_path)
