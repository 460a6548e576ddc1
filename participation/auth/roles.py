"""Roles, what each may do, the growing wait after wrong passwords and the next= check. Pure: no Flask, no database."""

from __future__ import annotations

import enum
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


#: Wrong passwords for one email address (or one trusted browser) before each try must wait.
FREE_TRIES = 5
#: The longest wait between tries: a guesser gets about 100 tries a day; a member of staff on a new
#: computer waits at most this long, and on their own computer not at all.
LONGEST_WAIT_SECONDS = 15 * 60
#: Wrong passwords are forgotten this long after the first of a run of them.
FAILURES_KEPT_SECONDS = 24 * 60 * 60


def wait_after_failures(failures: int) -> int:
    """Seconds the next sign-in must wait after this many wrong passwords: none for the first few,
    then 1, 2, 4, 8 ... up to LONGEST_WAIT_SECONDS."""
    if failures < FREE_TRIES:
        return 0
    return min(2 ** (failures - FREE_TRIES), LONGEST_WAIT_SECONDS)


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
