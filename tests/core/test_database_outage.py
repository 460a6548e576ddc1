"""When the database goes away mid-survey, the young person gets a clear page, nothing is half-stored,
and sending again once it is back stores exactly one response.

This starts its own PostgreSQL on a spare port (so the suite's own database is never touched),
stops it while a young person presses send, and starts it again.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from participation import create_app
from participation.config import TestConfig
from participation.db import db
from participation.respond.models import Answer, Response, SubmissionReceipt
from tests.respond.helpers import answer_demo, send

BIN = sorted(glob.glob("/usr/lib/postgresql/*/bin"))


def _as_postgres(*command: str) -> list[str]:
    return (["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []) + list(command)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def own_postgres():
    """A throwaway PostgreSQL server; yields (url, stop, start)."""
    if not BIN or (os.geteuid() == 0 and not shutil.which("runuser")):
        if os.environ.get("REQUIRE_POSTGRES_SERVER") == "1":  # CI has PostgreSQL: this must run there
            pytest.fail("PostgreSQL server binaries are missing")
        pytest.skip("PostgreSQL server binaries are missing")
    import tempfile
    home = Path(tempfile.mkdtemp(prefix="pg-outage-"))
    if os.geteuid() == 0:
        shutil.chown(home, "postgres")
    data = home / "data"
    port = _free_port()
    subprocess.run(_as_postgres(f"{BIN[-1]}/initdb", "-D", str(data), "-A", "trust", "-U", "postgres"),
                   check=True, capture_output=True)

    def start() -> None:
        subprocess.run(_as_postgres(f"{BIN[-1]}/pg_ctl", "-D", str(data), "-w", "-l", str(data.parent / "log"),
                                    "-o", f"-p {port} -k {data.parent} -c listen_addresses=127.0.0.1", "start"),
                       check=True, capture_output=True)

    def stop() -> None:
        subprocess.run(_as_postgres(f"{BIN[-1]}/pg_ctl", "-D", str(data), "-w", "-m", "immediate", "stop"),
                       check=True, capture_output=True)

    start()
    yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres", stop, start
    subprocess.run(_as_postgres(f"{BIN[-1]}/pg_ctl", "-D", str(data), "-m", "immediate", "stop"), capture_output=True)
    shutil.rmtree(home, ignore_errors=True)


def test_sending_while_the_database_is_down_keeps_the_answers_and_stores_once_later(own_postgres):
    url, stop, start = own_postgres
    config = TestConfig(url)
    config.SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    app = create_app(config)
    app.config["PROPAGATE_EXCEPTIONS"] = False  # show young people the error page, as in production
    with app.app_context():
        db.create_all()
    assert app.test_cli_runner().invoke(args=["seed-demo", "--responses", "0"]).exit_code == 0
    young_person = app.test_client()
    check = answer_demo(young_person, app)

    stop()
    reply = send(young_person, "demo", check)
    assert reply.status_code == 500
    assert "Your answers are kept" in reply.text and "try again" in reply.text

    start()
    time.sleep(0.2)
    assert send(young_person, "demo", check).status_code == 302
    assert send(young_person, "demo", check).status_code == 302  # pressing send again stores nothing more
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Response)) == 1
        assert db.session.scalar(select(func.count()).select_from(SubmissionReceipt)) == 1
        assert db.session.scalar(select(func.count()).select_from(Answer)) >= 8
        db.session.remove()
        db.engine.dispose()
