"""Requests to be contacted wait in Redis when a council runs Redis, so a worker killed while holding
them loses none: the worker started in its place writes them. Needs the Redis server on
127.0.0.1:6379 (REQUIRE_REDIS=1 in CI makes a missing server a failure, not a skip)."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import select

from participation import create_app
from participation.db import db
from participation.help_requests import holding
from participation.help_requests.models import HelpRequest
from tests.core.test_shared_limits import REDIS, _redis_answers


@pytest.fixture
def redis_key():
    if not _redis_answers():
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
