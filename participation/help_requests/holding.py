"""Requests to be contacted are held for a while, then written together at a random later moment.

A request written at the moment it is asked would sit in the database (on PostgreSQL, by its
transaction number) right after the answers its young person sent a minute before. So each process
holds the requests it is given in memory, and writes everything it holds in one transaction at a
random moment between HELP_REQUEST_HOLD_MIN and HELP_REQUEST_HOLD_MAX seconds after the first,
in a random order, rewriting the recent sends in the same transaction (`respond.blending`), so that
neither the order of rows nor any transaction number ties a request to any answers.

Where the held requests wait: with `HELP_REQUEST_HOLD_URI` (by default `RATELIMIT_STORAGE_URI` when
that is a Redis server) they wait in one Redis sorted set, under random scores, that every worker and server shares, so a worker
killed outright loses nothing: the worker started in its place, or the next one to take a request,
writes them. Without Redis each process holds its own in memory; one held by a process killed
outright is then lost, which is why the hold is minutes, not hours, why the page shown after asking
gives other ways to get help at once, and why `flask check` asks for Redis. A request still held
when a process stops cleanly is written as it stops. A write that fails keeps the requests held and
tries again at another random moment.
"""

from __future__ import annotations

import atexit
import json
import random
import threading
from datetime import date
from typing import Any

from flask import Flask

from participation.core.transaction import run
from participation.db import db, end_session
from participation.help_requests import services

_RANDOM = random.SystemRandom()
#: Where earlier versions held requests, in a list in the order asked; drained on every write.
LEGACY_KEY = "participation:held-help-requests"


class MemoryStore:
    """Held requests in this process's memory."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []

    def push(self, rows: list[dict[str, Any]]) -> None:
        self.rows.extend(rows)

    def take(self) -> list[dict[str, Any]]:
        rows, self.rows = self.rows, []
        return rows

    def count(self) -> int:
        return len(self.rows)


class RedisStore:
    """Held requests in one Redis sorted set that every worker and server shares.

    Each is filed under a random score, never in the order asked, so someone reading Redis while
    requests are held cannot line them up with the answers sent just before each."""

    def __init__(self, url: str, key: str) -> None:
        import redis  # only where a council has configured Redis

        self.client = redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)
        self.key = key

    def push(self, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.client.zadd(self.key, {json.dumps({**row, "asked_on": row["asked_on"].isoformat()}): _RANDOM.random()
                                        for row in rows})

    def take(self) -> list[dict[str, Any]]:
        pipe = self.client.pipeline(transaction=True)
        pipe.zrange(self.key, 0, -1)
        pipe.delete(self.key)
        # Requests held in the list kept by earlier versions, if any, are written with the rest.
        pipe.lrange(LEGACY_KEY, 0, -1)
        pipe.delete(LEGACY_KEY)
        found, _, legacy, _ = pipe.execute()
        rows = [json.loads(raw) for raw in [*found, *legacy]]
        for row in rows:
            row["asked_on"] = date.fromisoformat(row["asked_on"])
        return rows

    def count(self) -> int:
        return int(self.client.zcard(self.key)) + int(self.client.llen(LEGACY_KEY))


def _store(app: Flask) -> MemoryStore | RedisStore:
    url = app.config.get("HELP_REQUEST_HOLD_URI") or ""
    if not url and str(app.config.get("RATELIMIT_STORAGE_URI", "")).startswith(("redis://", "rediss://")):
        url = app.config["RATELIMIT_STORAGE_URI"]
    if url:
        return RedisStore(url, app.config.get("HELP_REQUEST_HOLD_KEY", "participation:held-help-requests:set"))
    return MemoryStore()


class Held:
    """The requests held for writing, and this process's timer that will write them."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.lock = threading.Lock()
        self.store = _store(app)
        self.timer: threading.Timer | None = None

    def add(self, row: dict[str, Any]) -> None:
        with self.lock:
            self.store.push([row])
            self._schedule()

    def resume(self) -> None:
        """On start: if requests are waiting in the shared store (a worker was killed), set a timer."""
        try:
            waiting = self.count()
        except Exception:
            self.app.logger.error("Could not see whether requests to be contacted are waiting to be written")
            return
        if waiting:
            with self.lock:
                self._schedule()

    def _schedule(self) -> None:
        """Start the timer for a random moment, unless one is running or the hold is off (tests)."""
        low, high = self.app.config["HELP_REQUEST_HOLD_MIN"], self.app.config["HELP_REQUEST_HOLD_MAX"]
        if self.timer is not None or high is None:
            return
        self.timer = threading.Timer(_RANDOM.uniform(low, high), self._on_timer)
        self.timer.daemon = True
        self.timer.start()

    def _on_timer(self) -> None:
        with self.lock:
            self.timer = None
        try:
            self.write()
        except Exception:  # the database is away: keep them, try again later
            self.app.logger.error("Requests to be contacted could not be written yet; they are kept")
            with self.lock:
                self._schedule()

    def write(self) -> int:
        """Write everything held now, in a random order and one transaction; return how many."""
        with self.lock:
            rows = self.store.take()
        if not rows:
            return 0
        _RANDOM.shuffle(rows)
        try:
            with self.app.app_context():
                run(db.session, lambda: services.write_held(db.session, rows))
                end_session()
        except BaseException:
            with self.lock:
                self.store.push(rows)
            raise
        return len(rows)

    def count(self) -> int:
        with self.lock:
            return self.store.count()


def held(app: Flask) -> Held:
    """This process's held requests for the app, written at exit if still held."""
    found = app.extensions.get("held_help_requests")
    if found is None:
        found = app.extensions["held_help_requests"] = Held(app)
        atexit.register(_write_at_exit, found)
        found.resume()
    return found


def _write_at_exit(found: Held) -> None:
    try:
        found.write()
    except Exception:
        found.app.logger.error("Requests to be contacted held at exit could not be written")


def hold(app: Flask, name: str, contact: str, best_time: str, message: str) -> None:
    """Take a request to be contacted; it is written later, with the others held then."""
    held(app).add(services.new_request(name, contact, best_time, message))


def write_now(app: Flask) -> int:
    """Write everything this process holds at once (the tests, and bench/linking_attack.py)."""
    return held(app).write()


def start(app: Flask) -> None:
    """At start-up, where requests wait in Redis: pick up any a killed worker left waiting."""
    if app.config.get("HELP_REQUEST_HOLD_URI") or str(app.config.get("RATELIMIT_STORAGE_URI", "")).startswith(
            ("redis://", "rediss://")):
        held(app)
