"""Two app servers behind one address, as a load balancer runs them: one PostgreSQL, one Redis.

Two gunicorn instances (each as `make serve` starts one) share a PostgreSQL database and a Redis
server, and every request below goes to one or the other in turn, as a load balancer with no
sticky sessions would send it. Young people's journeys are stored exactly once, a rate limit
counts the requests both servers saw, and a staff member signed in on one is signed in on the other
(and signed out of both at once).

The database `test_two_servers` (or, on a PostgreSQL run, the test database's name with
`_two_servers`) is created and dropped by this file; Redis database 14 is used by no other test.
CI always has both (REQUIRE_REDIS=1, REQUIRE_POSTGRES_SERVER=1 make a missing one a failure).
"""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

import pytest
from sqlalchemy.engine import make_url

from participation import ROOT
from tests.helpers import free_port

#: Its own Redis database, emptied at the start: TEST_TWO_SERVERS_REDIS_URL names another.
REDIS_URL = os.environ.get("TEST_TWO_SERVERS_REDIS_URL", "redis://127.0.0.1:6379/14")
PASSWORD = "correct horse battery"
OFFICER = "officer@council.example"


def _postgres_url() -> str:
    """Where the shared database goes: beside the suite's own PostgreSQL database, or on 127.0.0.1."""
    url = os.environ.get("TEST_DATABASE_URL", "")
    if url.startswith("postgresql"):
        parsed = make_url(url)
        return parsed.set(drivername="postgresql", database=f"{parsed.database}_two_servers").render_as_string(
            hide_password=False)
    return "postgresql://postgres@127.0.0.1:5432/test_two_servers"


def _answers(host: str, port: int, probe: bytes, reply: bytes) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2) as connection:
            if not probe:
                return True
            connection.sendall(probe)
            return connection.recv(16).startswith(reply)
    except OSError:
        return False


def _needs(available: bool, what: str, required: bool) -> None:
    if not available:
        if required:
            pytest.fail(f"{what} does not answer, and CI must run the two-server test")
        pytest.skip(f"{what} does not answer")


class Browser:
    """One browser's cookies, sent to whichever server is asked; redirects are not followed."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}

    def request(self, port: int, method: str, path: str, form: dict | None = None) -> tuple[int, str, str]:
        headers = {"Host": "have-your-say.council.example"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode()
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    if morsel["max-age"] == "0" or not morsel.value:
                        self.cookies.pop(name, None)
                    else:
                        self.cookies[name] = morsel.value
            return response.status, text, urlsplit(response.getheader("Location", "")).path
        finally:
            connection.close()


def _token(html: str, name: str = "csrf_token") -> str:
    match = re.search(rf'name="{name}"[^>]*value="([^"]+)"', html)
    assert match, f"the page has no {name}"
    return match.group(1)


def _fill(html: str, words: str) -> dict[str, str]:
    """An answer to every question on a page: the first choice offered, or this young person's words."""
    answers: dict[str, str] = {}
    for name, value in re.findall(r'name="(q\d+)" type="(?:radio|checkbox)" value="([^"]+)"', html):
        answers.setdefault(name, value)
    for name in re.findall(r'<textarea[^>]+name="(q\d+)"', html):
        answers[name] = words
    return answers


def _wait_until_up(server: subprocess.Popen, port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if Browser().request(port, "GET", "/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"the server on port {port} did not start")


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    """Two gunicorn instances on one PostgreSQL database and one Redis; yields (ports, database url)."""
    import psycopg

    _needs(_answers("127.0.0.1", 6379, b"PING\r\n", b"+PONG"), "Redis on 127.0.0.1:6379",
           os.environ.get("REQUIRE_REDIS") == "1")
    database = make_url(_postgres_url())
    _needs(_answers(database.host or "127.0.0.1", database.port or 5432, b"", b""),
           f"PostgreSQL on {database.host}:{database.port}",
           "1" in (os.environ.get("REQUIRE_REDIS"), os.environ.get("REQUIRE_POSTGRES_SERVER")))
    import redis

    admin_url = database.set(database="postgres").render_as_string(hide_password=False)
    shared_redis = redis.Redis.from_url(REDIS_URL)

    def start_clean() -> None:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database.database}" WITH (FORCE)')
        shared_redis.flushdb()

    start_clean()
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{database.database}"')
    app_url = database.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DATABASE_URL": app_url, "RATELIMIT_STORAGE_URI": REDIS_URL,
           "SECRET_KEY": "the-same-long-random-value-on-every-server", "SAFEGUARDING_ALERT_MAX": "",
           "HELP_REQUEST_HOLD_MIN": "600", "HELP_REQUEST_HOLD_MAX": "900"}
    env.pop("TEST_DATABASE_URL", None)
    flask = [sys.executable, "-m", "flask", "--app", "participation"]
    processes: list[subprocess.Popen] = []
    try:
        for command, given in ((["db", "upgrade"], None), (["seed-demo", "--responses", "0"], None),
                               (["create-user", OFFICER, "--role", "officer"], PASSWORD + "\n")):
            subprocess.run(flask + command, cwd=ROOT, env={**env, "INSTANCE_DIR": str(tmp_path_factory.mktemp("cli"))},
                           input=given, text=True, check=True, capture_output=True, timeout=180)
        ports = [free_port(), free_port()]
        for port in ports:
            # Each server has its own instance folder: nothing passes between them but PostgreSQL and Redis.
            processes.append(subprocess.Popen(
                [sys.executable, "-m", "gunicorn", "--no-control-socket", "--workers", "1", "--bind",
                 f"127.0.0.1:{port}", "--log-level", "warning", "participation:create_app()"],
                cwd=ROOT, env={**env, "INSTANCE_DIR": str(tmp_path_factory.mktemp("server"))},
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for server, port in zip(processes, ports):
            _wait_until_up(server, port)
        yield ports, database.render_as_string(hide_password=False)
    finally:
        for server in processes:
            server.terminate()
        for server in processes:
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=30)
        start_clean()


def _rows(database_url: str, sql: str) -> list[tuple]:
    import psycopg

    with psycopg.connect(database_url) as connection:
        return connection.execute(sql).fetchall()


def test_journeys_sent_to_both_servers_in_turn_are_each_stored_once(servers):
    ports, database_url = servers
    people = {f"Journey {name}: more trips out please": Browser() for name in ("Ash", "Bex", "Cal", "Dee", "Eli")}
    turn = 0

    def next_port() -> int:
        nonlocal turn
        turn += 1
        return ports[turn % 2]

    # Everyone moves one page at a time, together; each page is opened on one server and sent to the other.
    for number in range(1, 5):
        for words, browser in people.items():
            status, html, _ = browser.request(next_port(), "GET", f"/s/demo/{number}")
            assert status == 200
            status, _, location = browser.request(next_port(), "POST", f"/s/demo/{number}",
                                                  {"csrf_token": _token(html), **_fill(html, words)})
            assert (status, location) == (302, "/s/demo/check" if number == 4 else f"/s/demo/{number + 1}")
    for words, browser in people.items():
        status, check, _ = browser.request(next_port(), "GET", "/s/demo/check")
        assert status == 200 and words in check
        send = {"csrf_token": _token(check), "token": _token(check, "token")}
        # A double tap that a load balancer sends to each server in turn: one stores, both answer the same.
        assert browser.request(ports[0], "POST", "/s/demo/check", send)[:3:2] == (302, "/s/demo/thanks")
        assert browser.request(ports[1], "POST", "/s/demo/check", send)[:3:2] == (302, "/s/demo/thanks")
        status, thanks, _ = browser.request(next_port(), "GET", "/s/demo/thanks")
        assert status == 200 and "Thank you" in thanks

    assert _rows(database_url, "SELECT count(*) FROM responses") == [(len(people),)]
    assert _rows(database_url, "SELECT count(*) FROM submission_receipts") == [(len(people),)]
    assert _rows(database_url, "SELECT count(*) FROM drafts") == [(0,)]
    stored = _rows(database_url, "SELECT text, count(DISTINCT response_id), count(*) FROM answers "
                                 "WHERE text LIKE 'Journey %' GROUP BY text ORDER BY text")
    textareas = len(re.findall(r"<textarea", Browser().request(ports[0], "GET", "/s/demo/4")[1]))
    assert stored == [(words, 1, textareas) for words in sorted(people)]
    # Every response holds one whole journey: the same number of answers in each.
    assert len({count for (count,) in _rows(database_url, "SELECT count(*) FROM answers GROUP BY response_id")}) == 1


def test_a_rate_limit_counts_what_both_servers_saw(servers):
    ports, _ = servers
    browser = Browser()
    # Sending is limited to 30 presses a minute for one browser; the presses are split between the servers.
    replies = [browser.request(ports[n % 2], "POST", "/s/demo/check", {"token": "made-up"})[0] for n in range(30)]
    assert 429 not in replies
    assert browser.request(ports[0], "POST", "/s/demo/check", {"token": "made-up"})[0] == 429
    assert browser.request(ports[1], "POST", "/s/demo/check", {"token": "made-up"})[0] == 429
    # Another browser is not held up by this one.
    assert Browser().request(ports[1], "POST", "/s/demo/check", {"token": "made-up"})[0] != 429


def test_a_staff_member_signed_in_on_one_server_is_signed_in_on_the_other(servers):
    ports, _ = servers
    officer = Browser()
    status, form, _ = officer.request(ports[1], "GET", "/login")
    assert status == 200
    status, _, home = officer.request(ports[0], "POST", "/login",
                                      {"csrf_token": _token(form), "email": OFFICER, "password": PASSWORD})
    assert status == 302 and home != "/login"
    status, page, _ = officer.request(ports[1], "GET", home)
    assert status == 200 and "Sign out" in page
    copied = dict(officer.cookies)
    # Signing out on one server ends the session on both, for a copy of the cookie too.
    status, _, location = officer.request(ports[1], "POST", "/logout", {"csrf_token": _token(page)})
    assert (status, location) == (302, "/login")
    stale = Browser()
    stale.cookies = copied
    status, _, location = stale.request(ports[0], "GET", home)
    assert status == 302 and location == "/login"


def test_a_request_waiting_in_redis_shows_neither_what_was_typed_nor_when(servers):
    """Under gunicorn, as a council runs it: the held set is touched by both servers' workers, so a
    look at Redis a few seconds after a request does not give those seconds, and the entry is sealed."""
    import redis

    ports, _ = servers
    browser = Browser()
    status, form, _ = browser.request(ports[0], "GET", "/get-help")
    assert status == 200
    status, _, location = browser.request(ports[1], "POST", "/get-help", {
        "csrf_token": _token(form), "contact": "07700 900456", "name": "Fin", "message": "call me after six"})
    assert (status, location) == (302, "/get-help/sent")
    time.sleep(3.2)
    shared = redis.Redis.from_url(REDIS_URL)
    key = "participation:held-help-requests:set"
    assert shared.object("idletime", key) <= 1  # not 3; read first: reading the set would reset it
    assert shared.ttl(key) == -1
    (entry,) = shared.zrange(key, 0, -1)
    assert b"07700" not in entry and b"Fin" not in entry and b"call me" not in entry
