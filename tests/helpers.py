"""Helpers shared by tests: reading a page as a browser would, sending staff forms and emptying every table.
Fixtures live in conftest.py; anything a test module imports lives here."""

from __future__ import annotations

import re
import socket

from sqlalchemy import text

from participation.db import db


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


def post_form(client, path: str, data: dict, form_page: str | None = None):
    """Open a staff page for its CSRF token, then post a form to path."""
    page = client.get(form_page or path)
    return client.post(path, data={"csrf_token": csrf_token(page.text), **data})


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def empty_all_tables(engine) -> None:
    """Delete every row, children first, so the next test starts clean."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
            connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(db.metadata.sorted_tables):
                connection.execute(table.delete())
