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

What Redis shows while requests wait: each is sealed (AES-GCM under a key derived from SECRET_KEY,
with a fresh random nonce) and padded to one fixed size, so neither its contents nor its length can
be read there. And every process that uses the set touches it twice a second, so its idle time
(`OBJECT IDLETIME`, which nothing else would reset between a request and the write) reads 0 or 1
(Redis counts it in whole seconds of its own clock) however long ago the latest request was asked. The set has no expiry. Someone watching Redis
live still sees an entry arrive when a request is asked: see "Threat model" in the README.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import random
import struct
import threading
from datetime import date
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import Flask

from participation.core.transaction import run
from participation.db import db, end_session
from participation.help_requests import services

_RANDOM = random.SystemRandom()
#: Where earlier versions held requests, in a list in the order asked; drained on every write.
LEGACY_KEY = "participation:held-help-requests"


#: Every sealed request holds this many bytes before sealing, whatever was typed: room for the longest
#: name, contact, good time and message the form accepts (1,400 letters), even if every letter takes
#: six bytes. Anything longer (never from the form) takes a whole number of these.
SEALED_SIZE = 9216
#: Sealed entries start with this, which no plain JSON entry of earlier versions does.
SEALED_MARK = b"\x00held1"
_NONCE = 12


class Unreadable(ValueError):
    """A held entry that was not sealed under this app's SECRET_KEY, or was changed."""


class Seal:
    """Seals a held request so Redis holds nothing readable and every entry is the same size."""

    def __init__(self, secret_key: str | bytes) -> None:
        secret = secret_key.encode() if isinstance(secret_key, str) else secret_key
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=b"participation",
                   info=b"held request to be contacted").derive(secret)
        self._aead = AESGCM(key)

    def seal(self, row: dict[str, Any]) -> bytes:
        plain = json.dumps({**row, "asked_on": row["asked_on"].isoformat()}, ensure_ascii=False).encode()
        framed = struct.pack(">I", len(plain)) + plain
        framed += b"\0" * (-len(framed) % SEALED_SIZE)
        nonce = os.urandom(_NONCE)
        return SEALED_MARK + nonce + self._aead.encrypt(nonce, framed, SEALED_MARK)

    def open(self, raw: bytes) -> dict[str, Any]:
        """The request in a held entry: sealed, or plain JSON as earlier versions held it."""
        if raw.startswith(SEALED_MARK):
            body = raw[len(SEALED_MARK):]
            try:
                framed = self._aead.decrypt(body[:_NONCE], body[_NONCE:], SEALED_MARK)
            except InvalidTag as error:
                raise Unreadable("not sealed under this SECRET_KEY") from error
            (length,) = struct.unpack(">I", framed[:4])
            row = json.loads(framed[4:4 + length])
        else:
            row = json.loads(raw)
        row["asked_on"] = date.fromisoformat(row["asked_on"])
        return row


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

    Each is sealed and filed under a random score, never in the order asked, so someone reading
    Redis while requests are held can neither read them nor line them up with the answers sent
    just before each. A thread touches the set every `touch_every` seconds so that its idle time
    never marks the latest request (see the module's note)."""

    def __init__(self, url: str, key: str, secret_key: str | bytes, touch_every: float | None = 0.5,
                 logger: logging.Logger | None = None) -> None:
        import redis  # only where a council has configured Redis

        self.client = redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)
        self.key = key
        self.seal = Seal(secret_key)
        self.logger = logger or logging.getLogger(__name__)
        self.stopped = threading.Event()
        if touch_every:
            threading.Thread(target=self._keep_touching, args=(touch_every,), daemon=True,
                             name="held-requests-touch").start()

    def _keep_touching(self, every: float) -> None:
        # TOUCH resets a key's idle time and does nothing to a key that is not there; EXISTS, TYPE
        # and OBJECT would leave the idle time counting.
        while not self.stopped.wait(every):
            try:
                self.client.touch(self.key, LEGACY_KEY)
            except Exception:  # Redis away: writing the requests will say so in the log
                pass

    def stop(self) -> None:
        self.stopped.set()

    def push(self, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.client.zadd(self.key, {self.seal.seal(row): _RANDOM.random() for row in rows})

    def take(self) -> list[dict[str, Any]]:
        pipe = self.client.pipeline(transaction=True)
        pipe.zrange(self.key, 0, -1)
        pipe.delete(self.key)
        # Requests held in the list kept by earlier versions, if any, are written with the rest.
        pipe.lrange(LEGACY_KEY, 0, -1)
        pipe.delete(LEGACY_KEY)
        found, _, legacy, _ = pipe.execute()
        rows, unreadable = [], []
        for raw in [*found, *legacy]:
            try:
                rows.append(self.seal.open(raw))
            except (ValueError, KeyError, TypeError, struct.error):  # Unreadable, or not a request at all
                unreadable.append(raw)
        if unreadable:
            # Sealed under another SECRET_KEY (a server set up differently): put back, as they were,
            # for a server with the right key to write; nothing held is ever dropped.
            self.client.zadd(self.key, {raw: _RANDOM.random() for raw in unreadable})
            self.logger.error("%d held requests to be contacted could not be opened (sealed under another "
                              "SECRET_KEY?); they are left waiting. Every server must share one SECRET_KEY.",
                              len(unreadable))
        return rows

    def count(self) -> int:
        return int(self.client.zcard(self.key)) + int(self.client.llen(LEGACY_KEY))


def _store(app: Flask) -> MemoryStore | RedisStore:
    url = app.config.get("HELP_REQUEST_HOLD_URI") or ""
    if not url and str(app.config.get("RATELIMIT_STORAGE_URI", "")).startswith(("redis://", "rediss://")):
        url = app.config["RATELIMIT_STORAGE_URI"]
    if url:
        return RedisStore(url, app.config.get("HELP_REQUEST_HOLD_KEY", "participation:held-help-requests:set"),
                          app.config["SECRET_KEY"], app.config.get("HELP_REQUEST_HOLD_TOUCH", 0.5), app.logger)
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
