"""Rate limits that a flood can only turn on the flooder, counted in one store every worker shares.

The counters live where RATELIMIT_STORAGE_URI says: `memory://` (one process: a pilot) or
`redis://host:6379/0` (every worker and machine counts together). Nothing here ever reads a
client's address or browser: a limit counts a random key kept in the visitor's own cookie, or
everyone together.

Two kinds of count are kept, and views ask for them only once a request is well formed (it came
from a page this cookie opened, with every required field filled in), so posts made up from
nothing are never counted against anyone:

- `allowed(limit, key)`: a fixed-window count, e.g. well-formed wrong access codes per cookie. No
  limit counts everyone together: a flood from thrown-away cookies would reach it and refuse
  everyone. (Requests to be contacted are never counted here: see help_requests/views.py.)
- `add_to_today(name, key)` and `today_total(name, key)`: a count for one day that refuses nobody,
  for showing staff (e.g. wrong access codes typed for one survey today).
- `wait_left(key)` and `note_failure(key)`: growing delays after repeated failures (wrong
  passwords), so guessing slows down without ever shutting anyone out for long.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from flask import current_app
from limits import RateLimitItem, parse

from participation.extensions import limiter

#: The clock the delays read; tests move it forward instead of waiting.
clock = time.time


@dataclass(frozen=True)
class Limit:
    """A named limit whose rate ("5 per 10 minutes") is the setting `setting`; the name keeps counts apart."""

    name: str
    setting: str

    def rate(self) -> RateLimitItem:
        return parse(current_app.config[self.setting])


def allowed(limit: Limit, key: str) -> bool:
    """Count one try against the limit for this key; False when the limit was already reached."""
    return limiter.limiter.hit(limit.rate(), "limit", limit.name, key)


def reached(limit: Limit, key: str) -> bool:
    """True when the limit is reached for this key, without counting a try."""
    return not limiter.limiter.test(limit.rate(), "limit", limit.name, key)


def count(limit: Limit, key: str) -> None:
    """Count one try that went wrong (a wrong code), after it was checked."""
    limiter.limiter.hit(limit.rate(), "limit", limit.name, key)


def wait_left(key: str) -> int:
    """Seconds still to wait before the next try for this key; 0 when a try may go ahead."""
    until = limiter.storage.get(f"wait/{key}")
    return max(0, int(until - clock() + 0.999)) if until else 0


def note_failure(key: str, delay_for, window_seconds: int) -> int:
    """Count a failure for the key and start the delay `delay_for(failures)` says; return the delay.

    Failures are forgotten `window_seconds` after the first one in a run of them."""
    store = limiter.storage
    failures = store.incr(f"fail/{key}", window_seconds)
    delay = int(delay_for(failures))
    if delay:
        store.clear(f"wait/{key}")
        # The key outlives the wait; the time kept in it, not its expiry, says when the wait ends.
        store.incr(f"wait/{key}", delay + 60, amount=int(clock()) + delay)
    return delay


def forget_failures(key: str) -> None:
    """Start the count again for this key (after a right password from a trusted browser)."""
    limiter.storage.clear(f"fail/{key}")
    limiter.storage.clear(f"wait/{key}")


def first_use(key: str, keep_seconds: int) -> bool:
    """True the first time this key is used, False every time after, for `keep_seconds` (a link that works once)."""
    return limiter.storage.incr(f"used/{key}", keep_seconds) == 1


def wait_for(limit: Limit, key: str) -> int:
    """Seconds until a reached limit lets this key try again (its window ends), at least 1."""
    reset, _ = limiter.limiter.get_window_stats(limit.rate(), "limit", limit.name, key)
    return max(1, int(reset - time.time() + 0.999))


_DAY = 86400


def add_to_today(name: str, key: str) -> None:
    """Add one to today's (UTC) count for the key. The count ends at a fixed moment, the end of the next
    day, whenever it began, so nothing kept with it says when the first was counted."""
    now = int(time.time())
    day = now // _DAY
    limiter.storage.incr(f"day/{name}/{key}/{day}", (day + 2) * _DAY - now)


def today_total(name: str, key: str) -> int:
    """Today's (UTC) count for the key."""
    return int(limiter.storage.get(f"day/{name}/{key}/{int(time.time()) // _DAY}") or 0)
