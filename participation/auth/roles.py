"""Roles, what each may do, the sign-in lockout rule and the next= check. Pure: no Flask, no database."""

from __future__ import annotations

import enum
from datetime import datetime, timedelta
from urllib.parse import urlsplit


class Role(str, enum.Enum):
    """The three kinds of staff account."""

    ADMINISTRATOR = "administrator"
    OFFICER = "officer"
    COMMITTEE = "committee"

    @property
    def label(self) -> str:
        return {"administrator": "Administrator", "officer": "Participation officer",
                "committee": "Committee member"}[self.value]


class Permission(str, enum.Enum):
    """Things a staff member may do."""

    MANAGE_USERS = "manage-users"
    READ_AUDIT = "read-audit"
    BUILD_SURVEYS = "build-surveys"
    READ_RESPONSES = "read-responses"
    READ_REPORTS = "read-reports"
    MANAGE_THEMES = "manage-themes"
    RUN_TRACKER = "run-tracker"


GRANTS: dict[Role, frozenset[Permission]] = {
    Role.ADMINISTRATOR: frozenset(Permission),
    Role.OFFICER: frozenset({Permission.BUILD_SURVEYS, Permission.READ_RESPONSES, Permission.READ_REPORTS,
                           Permission.MANAGE_THEMES, Permission.RUN_TRACKER}),
    Role.COMMITTEE: frozenset({Permission.READ_REPORTS}),
}


def can(role: str | Role | None, permission: Permission) -> bool:
    """True when the role grants the permission; unknown roles grant nothing."""
    try:
        return permission in GRANTS[Role(role)]
    except ValueError:
        return False


def sees_original_words(role: str | Role | None) -> bool:
    """Staff who read responses see comments as written; everyone else reads them with names and contact
    details taken out."""
    return can(role, Permission.READ_RESPONSES)


def home_endpoint(role: str | Role | None) -> str:
    """The page a member of staff starts on: the builder if they build surveys, otherwise the reports."""
    return "surveys.index" if can(role, Permission.BUILD_SURVEYS) else "reports.index"


#: Wrong passwords allowed in the window before the account is locked.
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
LOCK_FOR = timedelta(minutes=15)


def lock_after_failure(recent_failures: list[datetime], now: datetime) -> datetime | None:
    """Given the times of failed sign-ins (this one included), return when a lock ends, or None."""
    in_window = [t for t in recent_failures if now - t <= FAILURE_WINDOW]
    return now + LOCK_FOR if len(in_window) >= MAX_FAILURES else None


def safe_next(target: str | None, fallback: str) -> str:
    """Return target only if it is a path on this site; otherwise the fallback."""
    if not target:
        return fallback
    target = target.strip().replace("\\", "/")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return fallback
    if any(ord(ch) < 32 for ch in target):
        return fallback
    return target
