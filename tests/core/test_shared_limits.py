"""Rate limits count together across workers when RATELIMIT_STORAGE_URI points at Redis.

Each "worker" here is its own Python process on one SQLite file, as gunicorn's workers are, so no
count can pass between them except through the store. CI runs it against the Redis server on
127.0.0.1:6379 (REQUIRE_REDIS=1 makes a missing server a failure, not a skip).
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

import pytest

from participation import ROOT
from tests.helpers import REDIS, redis_answers


WORKER = """
import sys
from participation import create_app
from participation.config import TestConfig
from participation.core import limits

config = TestConfig(sys.argv[1])
config.RATELIMIT_STORAGE_URI = sys.argv[2]
config.RATELIMIT_STORAGE_OPTIONS = {"key_prefix": sys.argv[3]}
config.SHARED_TEST_LIMIT = "5 per 10 minutes"
app = create_app(config)
shared = limits.Limit("shared-test", "SHARED_TEST_LIMIT")
replies = []
with app.test_request_context():
    for n in range(3):
        replies.append("counted" if limits.allowed(shared, "everyone") else "refused")
    # A link that works once (a staff sign-in link) is used up for every worker, not only this one.
    replies.append("used" if limits.first_use("a-link", 60) else "already-used")
print(" ".join(replies))
"""


def _two_workers(tmp_path, storage: str) -> list[str]:
    database = f"sqlite:///{tmp_path / 'shared.db'}"
    prefix = f"test-{uuid.uuid4().hex}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return [subprocess.run([sys.executable, "-c", WORKER, database, storage, prefix], env=env, cwd=ROOT,
                           capture_output=True, text=True, check=True, timeout=120).stdout.strip()
            for _ in range(2)]


def test_with_redis_every_worker_counts_towards_one_ceiling(tmp_path):
    if not redis_answers():
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail("REQUIRE_REDIS is set but no Redis server answers on 127.0.0.1:6379")
        pytest.skip("no Redis server on 127.0.0.1:6379")
    assert _two_workers(tmp_path, REDIS) == ["counted counted counted used", "counted counted refused already-used"]


def test_in_memory_each_worker_counts_alone(tmp_path):
    """What a pilot on one process gets, and why several processes need Redis."""
    assert _two_workers(tmp_path, "memory://") == ["counted counted counted used", "counted counted counted used"]


DAY_COUNT = """
import sys, time
from participation import create_app
from participation.config import TestConfig
from participation.core import limits
from participation.extensions import limiter

config = TestConfig(sys.argv[1])
config.RATELIMIT_STORAGE_URI = sys.argv[2]
config.RATELIMIT_STORAGE_OPTIONS = {"key_prefix": sys.argv[3]}
app = create_app(config)
with app.test_request_context():
    limits.add_to_today("wrong-codes", "survey-1")
    limits.add_to_today("wrong-codes", "survey-1")
    day = int(time.time()) // 86400
    key = limiter.storage.prefixed_key(f"day/wrong-codes/survey-1/{day}")
    ttl = limiter.storage.get_connection().ttl(key)
    print(limits.today_total("wrong-codes", "survey-1"), (day + 2) * 86400 - int(time.time()) - ttl)
"""


def test_with_redis_the_count_of_wrong_codes_is_shared_and_ends_at_a_fixed_moment(tmp_path):
    """Its time to live must point at the end of the next day, never at when the first wrong code came."""
    if not redis_answers():
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail("REQUIRE_REDIS is set but no Redis server answers on 127.0.0.1:6379")
        pytest.skip("no Redis server on 127.0.0.1:6379")
    database = f"sqlite:///{tmp_path / 'shared.db'}"
    prefix = f"test-{uuid.uuid4().hex}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    replies = [subprocess.run([sys.executable, "-c", DAY_COUNT, database, REDIS, prefix], env=env, cwd=ROOT,
                              capture_output=True, text=True, check=True, timeout=120).stdout.split()
               for _ in range(2)]
    assert [int(count) for count, _ in replies] == [2, 4]  # both workers count together
    assert all(abs(int(drift)) <= 2 for _, drift in replies)
