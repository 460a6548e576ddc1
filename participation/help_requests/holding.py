"""Requests to be contacted are held for a while, then written together at a random later moment.

A request written at the moment it is asked would sit in the database (on PostgreSQL, by its
transaction number) right after the answers its young person sent a minute before. So each process
holds the requests it is given in memory, and writes everything it holds in one transaction at a
random moment between HELP_REQUEST_HOLD_MIN and HELP_REQUEST_HOLD_MAX seconds after the first,
in a random order, rewriting the recent sends in the same transaction (`respond.blending`), so that
neither the order of rows nor any transaction number ties a request to any answers.

A request still held when the process stops cleanly is written as it stops. One held by a process
killed outright is lost: that is why the hold is minutes, not hours, and why the page shown after
asking gives other ways to get help at once. A write that fails keeps the requests held and tries
again at another random moment.
"""

from __future__ import annotations

import atexit
import random
import threading
from typing import Any

from flask import Flask

from participation.core.transaction import run
from participation.db import db
from participation.help_requests import services

_RANDOM = random.SystemRandom()


class Held:
    """The requests one process holds, and the timer that will write them."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.lock = threading.Lock()
        self.rows: list[dict[str, Any]] = []
        self.timer: threading.Timer | None = None

    def add(self, row: dict[str, Any]) -> None:
        with self.lock:
            self.rows.append(row)
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
            rows, self.rows = self.rows, []
        if not rows:
            return 0
        _RANDOM.shuffle(rows)
        try:
            with self.app.app_context():
                run(db.session, lambda: services.write_held(db.session, rows))
                db.session.remove()
        except BaseException:
            with self.lock:
                self.rows[:0] = rows
            raise
        return len(rows)

    def count(self) -> int:
        with self.lock:
            return len(self.rows)


def held(app: Flask) -> Held:
    """This process's held requests for the app, written at exit if still held."""
    found = app.extensions.get("held_help_requests")
    if found is None:
        found = app.extensions["held_help_requests"] = Held(app)
        atexit.register(_write_at_exit, found)
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
