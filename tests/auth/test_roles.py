"""Roles, the lockout rule and the next= check: pure rules, tested alone."""

from __future__ import annotations

from datetime import datetime, timedelta

from participation.auth.roles import LOCK_FOR, Permission, Role, can, lock_after_failure, safe_next


def test_each_role_gets_only_its_permissions():
    assert all(can(Role.ADMINISTRATOR, p) for p in Permission)
    assert can("officer", Permission.BUILD_SURVEYS) and not can("officer", Permission.MANAGE_USERS)
    assert can("committee", Permission.READ_REPORTS)
    assert not can("committee", Permission.BUILD_SURVEYS) and not can("committee", Permission.READ_RESPONSES)
    assert not can("visitor", Permission.READ_REPORTS) and not can(None, Permission.READ_REPORTS)


def test_five_failures_in_fifteen_minutes_lock_for_fifteen_minutes():
    now = datetime(2026, 11, 23, 10, 0)
    four = [now - timedelta(minutes=m) for m in (1, 2, 3, 4)]
    assert lock_after_failure(four, now) is None
    assert lock_after_failure(four + [now], now) == now + LOCK_FOR
    spread = [now - timedelta(minutes=m) for m in (0, 5, 10, 16, 20)]
    assert lock_after_failure(spread, now) is None


def test_next_only_goes_to_this_site():
    assert safe_next("/surveys/3", "/") == "/surveys/3"
    assert safe_next("/surveys/?q=1", "/") == "/surveys/?q=1"
    for hostile in ("https://evil.example/", "//evil.example/x", "/\\evil.example", "\\\\evil.example",
                    "javascript:alert(1)", "surveys", "/x\r\nSet-Cookie: a=b", "", None, " //evil.example"):
        assert safe_next(hostile, "/fallback") == "/fallback", hostile
