"""Fixtures shared by every test: an app on a clean database, a client, a CLI runner.

Tests run on a SQLite file by default and on PostgreSQL when TEST_DATABASE_URL is set.
Tables are created once per run and emptied after every test.
"""

from __future__ import annotations

import os
import re

import pytest
from sqlalchemy import create_engine, text

from participation import create_app
from participation.config import TestConfig
from participation.db import db


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


def empty_all_tables(engine) -> None:
    """Delete every row, children first, so the next test starts clean."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(db.metadata.sorted_tables):
                connection.execute(table.delete())


@pytest.fixture
def app(database_url, _schema):
    """A fresh app on an empty database."""
    app = create_app(TestConfig(database_url))
    from participation.extensions import limiter
    with app.app_context():
        limiter.reset()  # rate-limit counts live in memory: each test starts from none
    yield app
    with app.app_context():
        db.session.remove()
        empty_all_tables(db.engine)
        db.engine.dispose()


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


def csrf_token(html: str) -> str:
    """Pull the CSRF token out of a page, as a browser would send it back."""
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "the page has no CSRF token"
    return match.group(1)


def hidden_value(html: str, name: str) -> str:
    """The value of a hidden input on a page."""
    match = re.search(rf'id="{name}" name="{name}" type="hidden" value="([^"]*)"', html)
    assert match, f"the page has no hidden field {name}"
    return match.group(1)


PASSWORD = "correct horse battery"


@pytest.fixture
def make_user(app):
    """Create a staff account: make_user("officer") or make_user("administrator", email=...)."""
    from participation.auth.services import create_user

    def make(role: str = "officer", email: str | None = None, **fields):
        with app.app_context():
            user = create_user(db.session, None, email or f"{role}@council.example", PASSWORD, role, **fields)
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


def post_form(client, path: str, data: dict, form_page: str | None = None):
    """Open a staff page for its CSRF token, then post a form to path."""
    page = client.get(form_page or path)
    return client.post(path, data={"csrf_token": csrf_token(page.text), **data})
