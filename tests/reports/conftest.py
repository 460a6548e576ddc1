"""Fixtures the report tests share."""

from __future__ import annotations

import pytest


@pytest.fixture
def seeded(app, runner):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
