"""Requests to be contacted wait in Redis when a council runs Redis, so a worker killed while holding
them loses none: the worker started in its place writes them. Needs the Redis server on
127.0.0.1:6379 (REQUIRE_REDIS=1 in CI makes a missing server a failure, not a skip)."""

from __future__ import annotations

import json
import os
import time
import uuid

import pytest
from sqlalchemy import select

from participation import create_app
from participation.db import db
from participation.help_requests import holding
from participation.help_requests.models import HelpRequest
from tests.helpers import REDIS, csrf_token, redis_answers


@pytest.fixture
def redis_key():
    if not redis_answers():
        if os.environ.get("REQUIRE_REDIS") == "1":
            pytest.fail("REQUIRE_REDIS=1 but no Redis server answers on 127.0.0.1:6379")
        pytest.skip("no Redis server on 127.0.0.1:6379")
    import redis

    key = f"test-held-{uuid.uuid4().hex}"
    yield key
    redis.Redis.from_url(REDIS).delete(key)


def _worker(app, key):
    """A second process's app on the same database and Redis, as gunicorn starts after a kill."""
    config = type("WorkerConfig", (), {k: v for k, v in app.config.items()})
    config.HELP_REQUEST_HOLD_URI = REDIS
    config.HELP_REQUEST_HOLD_KEY = key
    return create_app(config)


def test_a_request_held_by_a_killed_worker_is_written_by_the_next(app, redis_key):
    first = _worker(app, redis_key)
    holding.hold(first, "Sam", "07700 900123", "after school", "please call me")
    assert holding.held(first).count() == 1
    # The first worker is killed outright: nothing it held in memory survives, and it writes nothing.
    first.extensions.pop("held_help_requests")
    with app.app_context():
        assert db.session.scalar(select(HelpRequest.id)) is None
    replacement = _worker(app, redis_key)
    assert holding.held(replacement).count() == 1
    assert holding.write_now(replacement) == 1
    with app.app_context():
        stored = db.session.scalars(select(HelpRequest)).all()
        assert [(r.name, r.contact, r.best_time, r.message) for r in stored] == [
            ("Sam", "07700 900123", "after school", "please call me")]
    assert holding.held(replacement).count() == 0


def test_a_failed_write_keeps_the_requests_waiting(app, redis_key, monkeypatch):
    worker = _worker(app, redis_key)
    holding.hold(worker, "", "sam@example.org", "", "")

    def database_away(session, rows):
        raise RuntimeError("the database is away")

    monkeypatch.setattr(holding.services, "write_held", database_away)
    with pytest.raises(RuntimeError):
        holding.write_now(worker)
    assert holding.held(_worker(app, redis_key)).count() == 1


def _all_keys(client) -> set[bytes]:
    return set(client.scan_iter(count=1000))


def test_redis_never_tells_when_a_request_was_asked(app, redis_key):
    """A single look at Redis gave the seconds since the latest request (OBJECT IDLETIME of the set,
    which nothing read while the requests waited); with the send keys' expiries that picked out
    which young person asked. Now the set is touched twice a second, and asking makes no key with an expiry."""
    import redis

    store = redis.Redis.from_url(REDIS)
    config = type("WorkerConfig", (), {k: v for k, v in app.config.items()})
    config.HELP_REQUEST_HOLD_URI = REDIS
    config.HELP_REQUEST_HOLD_KEY = redis_key
    config.RATELIMIT_STORAGE_URI = REDIS
    config.RATELIMIT_KEY_PREFIX = f"test-{redis_key}"
    worker = create_app(config)
    client = worker.test_client()
    before = _all_keys(store)
    page = client.get("/get-help")
    reply = client.post("/get-help", data={"csrf_token": csrf_token(page.text), "contact": "07700 900123",
                                           "name": "Sam", "message": "please call me"})
    assert reply.status_code == 302
    time.sleep(3.2)
    # Read first: reading the set itself (ZCARD, ZRANGE) would reset its idle time.
    # It was 3, the seconds since the request was asked. Now 0, or 1 when Redis's clock, which counts
    # whole seconds, ticked since the latest touch: the same whatever the wait.
    assert store.object("idletime", redis_key) <= 1
    assert store.ttl(redis_key) == -1  # no expiry, so none counting down from the moment asked
    assert store.zcard(redis_key) == 1
    # Asking made no other key at all (no per-browser or overall count of requests, whose expiry
    # would keep the moment), and nothing is written to the database yet.
    # (Other tests' held sets, made meanwhile in the same Redis database, are not this request's.)
    made = {k for k in _all_keys(store) - before if k == redis_key.encode() or not k.startswith(b"test-held-")}
    assert made == {redis_key.encode()}
    with app.app_context():
        assert db.session.scalar(select(HelpRequest.id)) is None
    assert holding.write_now(worker) == 1
    holding.held(worker).store.stop()


def test_without_the_touching_the_idle_time_would_tell(app, redis_key):
    """The check above measures something real: an untouched set's idle time counts the wait."""
    import redis

    config = type("WorkerConfig", (), {k: v for k, v in app.config.items()})
    config.HELP_REQUEST_HOLD_URI = REDIS
    config.HELP_REQUEST_HOLD_KEY = redis_key
    config.HELP_REQUEST_HOLD_TOUCH = None
    worker = create_app(config)
    holding.hold(worker, "", "sam@example.org", "", "")
    time.sleep(2.2)
    assert redis.Redis.from_url(REDIS).object("idletime", redis_key) >= 2
    holding.write_now(worker)


def test_held_requests_are_sealed_and_all_the_same_size(app, redis_key):
    """Redis held each request as plain JSON, name, contact and message readable by anyone who could
    read Redis, and its length told a short request from a long one."""
    import redis

    store = redis.Redis.from_url(REDIS)
    worker = _worker(app, redis_key)
    holding.hold(worker, "Sam", "07700 900123", "after school", "please call me")
    holding.hold(worker, "Ала", "ala@example.org", "", "Мне нужно поговорить 🙂 " * 40)
    holding.hold(worker, "", "x@example.org", "", "")
    entries = store.zrange(redis_key, 0, -1)
    assert len(entries) == 3
    assert len({len(raw) for raw in entries}) == 1  # one size, whatever was typed
    for raw in entries:
        for typed in ("Sam", "07700", "900123", "after school", "please", "example.org", "Ала", "asked_on", "open"):
            assert typed.encode() not in raw
            assert typed.encode("utf-16-le") not in raw
    assert holding.write_now(worker) == 3
    with app.app_context():
        stored = sorted((r.name, r.contact, r.best_time, r.message) for r in db.session.scalars(select(HelpRequest)))
    assert stored == sorted([("Sam", "07700 900123", "after school", "please call me"),
                             ("Ала", "ala@example.org", "", "Мне нужно поговорить 🙂 " * 40),
                             ("", "x@example.org", "", "")])
    holding.held(worker).store.stop()


def test_the_longest_request_the_form_allows_is_the_same_size_too(app, redis_key):
    import redis

    worker = _worker(app, redis_key)
    holding.hold(worker, "\x01" * 80, "\U0001F642" * 200, '"' * 120, "\\" * 1000)
    holding.hold(worker, "", "a@b.c", "", "")
    entries = redis.Redis.from_url(REDIS).zrange(redis_key, 0, -1)
    assert len({len(raw) for raw in entries}) == 1
    assert holding.write_now(worker) == 2
    holding.held(worker).store.stop()


def test_requests_held_in_plain_by_earlier_versions_are_still_written(app, redis_key):
    import redis

    store = redis.Redis.from_url(REDIS)
    plain = {"id": "ab" * 16, "asked_on": "2026-12-01", "name": "Jo", "contact": "07700 900999", "best_time": "",
             "message": "call me", "status": "open", "note": ""}
    store.zadd(redis_key, {json.dumps(plain): 0.5})
    worker = _worker(app, redis_key)
    holding.hold(worker, "", "sam@example.org", "", "")
    assert holding.write_now(worker) == 2
    with app.app_context():
        stored = sorted((r.contact, r.asked_on.isoformat()) for r in db.session.scalars(select(HelpRequest)))
    assert stored[0] == ("07700 900999", "2026-12-01") and stored[1][0] == "sam@example.org"
    assert store.exists(redis_key) == 0
    holding.held(worker).store.stop()


def test_a_request_sealed_under_another_key_is_left_waiting_not_lost(app, redis_key, caplog):
    import redis

    store = redis.Redis.from_url(REDIS)
    elsewhere = holding.Seal("another-servers-secret")
    foreign = elsewhere.seal(holding.services.new_request("", "far@example.org", "", ""))
    store.zadd(redis_key, {foreign: 0.5})
    worker = _worker(app, redis_key)
    holding.hold(worker, "", "near@example.org", "", "")
    assert holding.write_now(worker) == 1
    assert store.zrange(redis_key, 0, -1) == [foreign]
    assert "could not be opened" in caplog.text and "far@example.org" not in caplog.text
    with app.app_context():
        assert [r.contact for r in db.session.scalars(select(HelpRequest))] == ["near@example.org"]
    assert elsewhere.open(store.zrange(redis_key, 0, -1)[0])["contact"] == "far@example.org"
    holding.held(worker).store.stop()
