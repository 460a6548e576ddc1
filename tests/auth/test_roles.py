"""Roles, the growing wait after wrong passwords and the next= check: pure rules, tested alone."""

from __future__ import annotations

from participation.auth.roles import LONGEST_WAIT_SECONDS, Permission, Role, can, safe_next, wait_after_failures


def test_each_role_gets_only_its_permissions():
    assert all(can(Role.ADMINISTRATOR, p) for p in Permission)
    assert can("officer", Permission.BUILD_SURVEYS) and not can("officer", Permission.MANAGE_USERS)
    assert can("committee", Permission.READ_REPORTS)
    assert not can("committee", Permission.BUILD_SURVEYS) and not can("committee", Permission.READ_RESPONSES)
    assert not can("visitor", Permission.READ_REPORTS) and not can(None, Permission.READ_REPORTS)


def test_wrong_passwords_bring_growing_waits_never_a_lock():
    assert [wait_after_failures(n) for n in range(1, 5)] == [0, 0, 0, 0]
    assert [wait_after_failures(n) for n in range(5, 11)] == [1, 2, 4, 8, 16, 32]
    assert wait_after_failures(14) == 512 and wait_after_failures(15) == LONGEST_WAIT_SECONDS == 900
    assert wait_after_failures(10_000) == 900


def test_next_only_goes_to_this_site():
    assert safe_next("/surveys/3", "/") == "/surveys/3"
    assert safe_next("/surveys/?q=1", "/") == "/surveys/?q=1"
    for hostile in ("https://evil.example/", "//evil.example/x", "/\\evil.example", "\\\\evil.example",
                    "javascript:alert(1)", "surveys", "/x\r\nSet-Cookie: a=b", "", None, " //evil.example"):
        assert safe_next(hostile, "/fallback") == "/fallback", hostile
