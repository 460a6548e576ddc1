"""Helpers shared by tests: reading a page as a browser would, sending staff forms and emptying every table.
Fixtures live in conftest.py; anything a test module imports lives here."""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

from participation import ROOT
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


def make_variable(name: str) -> str:
    return re.search(rf"^{name} := (.+)$", (ROOT / "Makefile").read_text(), re.M).group(1).strip()


def status_of(port: int, path: str, method: str = "GET", body: str = "") -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request(method, path, body=body or None,
                       headers={"Content-Type": "application/x-www-form-urlencoded"} if body else {})
    status = connection.getresponse().status
    connection.close()
    return status


def serve_as_make_serve_does(tmp_path: Path, *extra: str):
    database = tmp_path / "served.db"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "INSTANCE_DIR": str(tmp_path),
           "PYTHONPATH": str(ROOT), "HELP_REQUEST_HOLD_MIN": "600", "HELP_REQUEST_HOLD_MAX": "900"}
    env.pop("TEST_DATABASE_URL", None)
    flask = [sys.executable, "-m", "flask", "--app", "participation"]
    for command in (["db", "upgrade"], ["seed-demo", "--responses", "0"]):
        subprocess.run(flask + command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
    port, log = free_port(), tmp_path / "access.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--no-control-socket", "--workers", "1", "--bind", f"127.0.0.1:{port}",
         "--access-logfile", str(log), "--access-logformat", make_variable("ACCESS_LOG_FORMAT"),
         "--logger-class", make_variable("ACCESS_LOGGER"), *extra, "participation:create_app()"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                if status_of(port, "/healthz") == 200:
                    break
            except OSError:
                time.sleep(0.2)
        yield port, log, server, database
    finally:
        server.terminate()
        server.wait(timeout=30)


REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as connection:
            connection.sendall(b"PING\r\n")
            return connection.recv(16).startswith(b"+PONG")
    except OSError:
        return False
