"""Staff accounts: creating and changing them, signing in with growing waits after wrong passwords, ending
every session of an account, and the audit log."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from participation.core.transaction import Refused
from werkzeug.security import check_password_hash, generate_password_hash
from zxcvbn import zxcvbn

from participation.auth.models import Actor, AuditEntry, StaffUser
from participation.auth.roles import FAILURES_KEPT_SECONDS, Role, wait_after_failures
from participation.core import limits
from participation.db import Model

MIN_PASSWORD_LENGTH = 12
#: zxcvbn's score from 0 (a common password) to 4; 3 means it would take an attacker who stole the
#: hashes well over a hundred million guesses.
MIN_PASSWORD_SCORE = 3
#: Words everyone here would try first, beside the person's own email address and name.
_GUESSABLE_WORDS = ("participation", "council", "corporate", "parenting", "password")
#: Only the start of a password is scored: zxcvbn slows down on very long input, and 100 characters of a
#: strong password are strong enough.
_SCORED_CHARACTERS = 100
WRONG_DETAILS = "The email address or password is not right."
# Checked against when the email is unknown, so both mistakes take the same time.
_DUMMY_HASH = generate_password_hash("not a real password", method="scrypt")


class AccountError(Refused):
    """A staff account could not be created or changed; the message says why in plain words."""


def check_password_rules(password: str, *known: str) -> None:
    """Refuse passwords that are too short, common or easy to guess, in plain words; `known` are the
    person's email address and name, which a guesser would try first."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"Use a password of at least {MIN_PASSWORD_LENGTH} characters.")
    hints = list(_GUESSABLE_WORDS)
    for value in filter(None, known):
        words = value.lower().replace("@", " ").replace(".", " ").replace("-", " ").split()
        hints += [value, *words, "".join(words), "".join(value.lower().split("@")[0].split("."))]
    if zxcvbn(password[:_SCORED_CHARACTERS], user_inputs=hints)["score"] < MIN_PASSWORD_SCORE:
        raise AccountError("That password is too common or too easy to guess. Try three or four words that "
                           "have nothing to do with each other or with you, like 'plum kettle orbit sandal'.")


def user_by_email(session: Session, email: str) -> StaffUser | None:
    return session.scalar(select(StaffUser).where(StaffUser.email == email.strip().lower()))


def record(session: Session, actor: Actor, action: str, target: Model | None = None,
           summary: str = "", **detail: Any) -> AuditEntry:
    """Add an audit entry for a change; committed with the change itself."""
    entry = AuditEntry(
        user_id=actor.id if actor is not None else None, action=action,
        target_type=target.audit_type if target is not None else "",
        target_id=getattr(target, "id", None), summary=summary, detail=detail,
    )
    session.add(entry)
    return entry


def create_user(session: Session, actor: Actor, email: str, password: str, role: str,
                name: str = "", safeguarding_lead: bool = False) -> StaffUser:
    """Create a staff account; the actor is None when an administrator runs the command line."""
    email = email.strip().lower()
    if "@" not in email or len(email) > 254:
        raise AccountError("Enter an email address like name@council.gov.uk.")
    if role not in {r.value for r in Role}:
        raise AccountError("Choose a role: administrator, officer or committee.")
    check_password_rules(password, email, name)
    if user_by_email(session, email) is not None:
        raise AccountError("There is already an account with that email address.")
    user = StaffUser(email=email, name=name.strip(), role=role, safeguarding_lead=safeguarding_lead,
                     password_hash=generate_password_hash(password, method="scrypt"))
    session.add(user)
    session.flush()
    record(session, actor, "user.created", user, f"Added {email} as {Role(role).label}",
           role=role, safeguarding_lead=safeguarding_lead)
    session.flush()
    return user


def end_sessions(user: StaffUser) -> None:
    """End every session this account has signed in with, on every browser and any copy of its cookie."""
    user.session_epoch = (user.session_epoch or 0) + 1


def change_own_password(session: Session, user: StaffUser, current: str, new: str) -> StaffUser:
    """A member of staff changes their own password; every other session of theirs ends."""
    if not check_password_hash(user.password_hash, current or ""):
        raise AccountError("Your current password is not right.")
    check_password_rules(new, user.email, user.name)
    user.password_hash = generate_password_hash(new, method="scrypt")
    end_sessions(user)
    record(session, user, "user.password-changed", user, f"{user.email} changed their password")
    session.flush()
    return user


def update_user(session: Session, actor: StaffUser, user: StaffUser, *, name: str, role: str,
                safeguarding_lead: bool, active: bool, password: str = "") -> StaffUser:
    """Change a staff account; an administrator cannot remove their own access."""
    if role not in {r.value for r in Role}:
        raise AccountError("Choose a role.")
    if user.id == actor.id and (role != Role.ADMINISTRATOR.value or not active):
        raise AccountError("You cannot take away your own administrator access.")
    changes: dict[str, object] = {}
    for field, value in (("name", name.strip()), ("role", role), ("safeguarding_lead", safeguarding_lead),
                         ("active", active)):
        if getattr(user, field) != value:
            changes[field] = [getattr(user, field), value]
            setattr(user, field, value)
    if password:
        check_password_rules(password, user.email, user.name)
        user.password_hash = generate_password_hash(password, method="scrypt")
        changes["password"] = "changed"
        limits.forget_failures(email_key(user.email))  # the new password works at once, on any browser
    if password or not active:
        end_sessions(user)  # a reset password or a switched-off account signs out everywhere
    record(session, actor, "user.changed", user, f"Changed {user.email}", **changes)
    session.flush()
    return user


def email_key(email: str) -> str:
    """What wrong passwords typed for an email address on browsers not trusted for it are counted under."""
    return "signin-email/" + hashlib.sha256((email or "").strip().lower().encode()).hexdigest()[:40]


@dataclass(frozen=True)
class SignIn:
    """The result of a sign-in attempt."""

    user: StaffUser | None
    message: str = ""


def authenticate(session: Session, email: str, password: str, trusted_browser: str | None = None) -> SignIn:
    """Check an email and password, with a growing wait after wrong passwords.

    The wait counts wrong passwords typed for the email address, whether or not it has an account,
    so the answers read the same for both. A browser this member of staff signed in on before, or
    made trusted with an emailed link (`trusted_browser`, from its cookie; see auth/browsers.py),
    counts only its own wrong passwords: however many strangers type wrong passwords for the
    address, the real member of staff still gets in.
    """
    email = (email or "").strip().lower()
    counted = f"signin-browser/{trusted_browser}" if trusted_browser else email_key(email)
    wait = limits.wait_left(counted)
    if wait:
        return SignIn(None, _wait_message(wait))
    user = user_by_email(session, email)
    if user is not None and user.active and check_password_hash(user.password_hash, password or ""):
        if trusted_browser:
            limits.forget_failures(counted)
        return SignIn(user)
    if user is None or not user.active:
        check_password_hash(_DUMMY_HASH, password or "")  # both mistakes take the same time
    wait = limits.note_failure(counted, wait_after_failures, FAILURES_KEPT_SECONDS)
    return SignIn(None, WRONG_DETAILS + (" " + _wait_message(wait) if wait else ""))


def _wait_message(seconds: int) -> str:
    """How long to wait, in round words."""
    if seconds < 60:
        amount = f"{seconds} second{'s' if seconds != 1 else ''}"
    else:
        minutes = (seconds + 59) // 60
        amount = f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"There have been several wrong tries for this email address. Wait {amount}, then try again."


def list_users(session: Session) -> list[StaffUser]:
    return list(session.scalars(select(StaffUser).order_by(StaffUser.email)))


def audit_log(session: Session, limit: int = 200, offset: int = 0) -> list[AuditEntry]:
    """The newest audit entries first."""
    return list(session.scalars(
        select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit).offset(offset)
    ))


def count_safeguarding_leads(session: Session) -> int:
    """Active staff accounts marked as designated safeguarding leads."""
    return session.scalar(select(func.count(StaffUser.id)).where(
        StaffUser.safeguarding_lead.is_(True), StaffUser.active.is_(True))) or 0
