"""Staff accounts and the audit log. Staff actions carry exact times; young people's never do."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any, TypeAlias

from flask_login import UserMixin
from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participation.db import Model, today


def now_utc() -> datetime:
    """The current time in UTC, without tzinfo so SQLite and PostgreSQL store it alike."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class StaffUser(UserMixin, Model):
    """A member of staff: administrator, participation officer or committee member."""

    __tablename__ = "staff_users"
    audit_type = "staff_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Stored lower-case; used to sign in.
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    #: A value of auth.roles.Role.
    role: Mapped[str] = mapped_column(String(20))
    #: A designated safeguarding lead is told about comments flagged as a possible risk.
    safeguarding_lead: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Switched-off accounts cannot sign in but keep their history.
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_on: Mapped[date] = mapped_column(Date, default=today)
    #: Raised by signing out, a password change or reset and switching the account off: every
    #: session signed in before carries the old number and is no longer accepted.
    session_epoch: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    @property
    def is_active(self) -> bool:  # Flask-Login
        return self.active


#: Who makes a change, as every service is told: a member of staff, or None for the app itself (the demo loader,
#: a command the council's scheduler runs). The audit log files the change under them.
Actor: TypeAlias = "StaffUser | None"


class AuditEntry(Model):
    """A change a member of staff made: who, what, to which thing, and when."""

    __tablename__ = "audit_entries"
    audit_type = "audit_entrie"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=now_utc, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    #: What was done, e.g. "survey.published".
    action: Mapped[str] = mapped_column(String(60))
    #: The kind of thing changed, e.g. "survey", and its id.
    target_type: Mapped[str] = mapped_column(String(40), default="")
    target_id: Mapped[int | None] = mapped_column(Integer)
    #: A short description of the change for people reading the log.
    summary: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    user: Mapped[StaffUser | None] = relationship()
