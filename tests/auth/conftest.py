"""Fixtures the sign-in tests share."""

from __future__ import annotations

import time

import pytest


@pytest.fixture
def clock(monkeypatch):
    """The clock the sign-in waits read, moved forward by the test instead of waiting."""
    from participation.core import limits
    now = [time.time()]
    monkeypatch.setattr(limits, "clock", lambda: now[0])
    return now
