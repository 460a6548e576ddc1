"""The logs `make serve` writes: no access-log line for any page a young person opens, no line that a
path can forge, and an error log with no times, no young person's path and no address. The server is
started with the Makefile's own options."""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from participation import ROOT


def _make_variable(name: str) -> str:
    return re.search(rf"^{name} := (.+)$", (ROOT / "Makefile").read_text(), re.M).group(1).strip()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(port: int, path: str, method: str = "GET", body: str = "") -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request(method, path, body=body or None,
                       headers={"Content-Type": "application/x-www-form-urlencoded"} if body else {})
    status = connection.getresponse().status
    connection.close()
    return status


@pytest.fixture
def served(tmp_path: Path):
    """gunicorn as `make serve` runs it, on a fresh SQLite file with the demo: its port, access log
    file, process and database file. Requests to be contacted are held for longer than any test."""
    yield from _serve(tmp_path)


def _serve(tmp_path: Path, *extra: str):
    database = tmp_path / "served.db"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "INSTANCE_DIR": str(tmp_path),
           "PYTHONPATH": str(ROOT), "HELP_REQUEST_HOLD_MIN": "600", "HELP_REQUEST_HOLD_MAX": "900"}
    env.pop("TEST_DATABASE_URL", None)
    flask = [sys.executable, "-m", "flask", "--app", "participation"]
    for command in (["db", "upgrade"], ["seed-demo", "--responses", "0"]):
        subprocess.run(flask + command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=120)
    port, log = _free_port(), tmp_path / "access.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--no-control-socket", "--workers", "1", "--bind", f"127.0.0.1:{port}",
         "--access-logfile", str(log), "--access-logformat", _make_variable("ACCESS_LOG_FORMAT"),
         "--logger-class", _make_variable("ACCESS_LOGGER"), *extra, "participation:create_app()"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                if _get(port, "/healthz") == 200:
                    break
            except OSError:
                time.sleep(0.2)
        yield port, log, server, database
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_no_page_a_young_person_opens_is_logged_and_no_path_can_forge_a_line(served):
    port, log, _, _ = served
    for path in ("/s/demo", "/s/demo/1", "/s/demo/check", "/s/demo/thanks", "/get-help", "/get-help/sent",
                 "/static/css/respond.css"):
        _get(port, path)
    _get(port, "/s/demo/check", "POST", "token=x")
    _get(port, "/get-help", "POST", "contact=07700900123")
    _get(port, "/login")
    _get(port, "/nothing%0aPOST%20/get-help%20302%200%201ms%0d")
    time.sleep(0.5)
    lines = log.read_text().splitlines()
    assert not [line for line in lines if "/s/" in line.split(" ")[1] or line.split(" ")[1].startswith("/get-help")]
    assert any(line.startswith("GET /login 200") for line in lines)
    assert any(line.startswith("GET /healthz 200") for line in lines)
    forged = [line for line in lines if "/nothing" in line]
    assert len(forged) == 1 and "\\x0a" in forged[0]
    assert not any(line.startswith("POST /get-help") for line in lines)  # the line the path tried to add


_TIME = re.compile(r"\b\d{1,2}:\d{2}(:\d{2})?\b|\b\d{4}-\d{2}-\d{2}\b")


def test_a_worker_killed_during_a_young_persons_request_leaves_no_path_or_time_in_the_error_log(tmp_path):
    errors = tmp_path / "error.log"
    for port, log, server, _ in _serve(tmp_path, "--timeout", "2", "--error-logfile", str(errors)):
        # A phone on a bad connection: the page's answers start to arrive and then stop, so the worker
        # reading them is stopped by gunicorn's timeout, as a slow query would be.
        with socket.create_connection(("127.0.0.1", port)) as phone:
            phone.sendall(b"POST /s/demo/1?change=1 HTTP/1.1\r\nHost: x\r\n"
                          b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\ncsrf")
            phone.settimeout(20)
            assert b"500" in phone.recv(1000).split(b"\r\n")[0]
        with socket.create_connection(("127.0.0.1", port)) as stranger:  # a request gunicorn cannot read
            stranger.sendall(b"GET /get-help?contact=07700900123 HTTP/1.1 nonsense\r\n\r\n")
            stranger.settimeout(20)
            stranger.recv(1000)
        for _ in range(50):
            if "Booting worker" in errors.read_text().split("WORKER TIMEOUT")[-1]:
                break
            time.sleep(0.2)
        server.terminate()
        server.wait(timeout=30)
        written = errors.read_text()
        assert "WORKER TIMEOUT" in written
        assert "Error handling request POST a young person's page" in written
        assert "Invalid request from ip=a visitor" in written
        for secret in ("/s/", "/get-help", "07700900123", "127.0.0.1:"):
            assert secret not in written.replace("Listening at: http://127.0.0.1:", ""), secret
        timed = [line for line in written.splitlines() if _TIME.search(line)]
        assert timed == [], timed
        assert all(line.startswith(("[", " ", "Traceback", "SystemExit")) or not line.strip()
                   or re.match(r"^\w+(\.\w+)*(Error|Exception|Exit)", line) for line in written.splitlines())


def test_the_error_log_takes_out_young_peoples_paths_and_addresses_but_keeps_the_rest():
    from participation.core.access_log import scrubbed

    assert scrubbed("Error handling request POST /s/demo/check?x=1") == "Error handling request POST a young person's page"
    assert scrubbed("Error handling request GET /get-help") == "Error handling request GET a young person's page"
    assert scrubbed("Invalid request from ip=203.0.113.7: Invalid HTTP Version: 'GET /s/demo HTTP/9'") == \
        "Invalid request from ip=a visitor: Invalid HTTP Version: 'GET a young person's page HTTP/9'"
    assert scrubbed("Error handling request GET /surveys/3/edit") == "Error handling request GET /surveys/3/edit"
    assert scrubbed("WORKER TIMEOUT (pid:41)") == "WORKER TIMEOUT (pid:41)"
