"""Keeping and handling requests to be contacted."""

from __future__ import annotations

import secrets
from datetime import date

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from participation.auth.models import Actor, StaffUser
from participation.auth.services import record
from participation.core.transaction import Refused
from participation.db import today
from participation.help_requests.models import HelpRequest, HelpRequestStatus
from participation.respond.blending import rewrite_recent_sends


def new_request(name: str, contact: str, best_time: str, message: str) -> dict:
    """A request to be contacted as a row to write; nothing about any answers goes with it."""
    return {"id": secrets.token_hex(16), "asked_on": today(), "name": name or "", "contact": contact,
            "best_time": best_time or "", "message": message or "", "status": HelpRequestStatus.OPEN.value, "note": ""}


def write_held(session: Session, rows: list[dict]) -> None:
    """Write held requests in the order given (already shuffled), and rewrite the recent sends in the
    same transaction so no row version or row order ties a request to any answers; no commit."""
    session.execute(insert(HelpRequest), rows)
    rewrite_recent_sends(session)


def requests(session: Session, done_shown: int = 100) -> tuple[list[HelpRequest], list[HelpRequest]]:
    """Every request still waiting, oldest first; and the most recently dealt with."""
    waiting = session.scalars(select(HelpRequest).where(HelpRequest.status == HelpRequestStatus.OPEN)
                              .order_by(HelpRequest.asked_on, HelpRequest.id))
    done = session.scalars(select(HelpRequest).where(HelpRequest.status != HelpRequestStatus.OPEN)
                           .order_by(HelpRequest.handled_on.desc(), HelpRequest.id).limit(done_shown))
    return list(waiting), list(done)


def open_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(HelpRequest).where(HelpRequest.status == HelpRequestStatus.OPEN)) or 0


#: How a request ends, in the words the staff list uses: someone got through, or tried and could not.
OUTCOMES: dict[str, str] = {HelpRequestStatus.CONTACTED: "contacted", HelpRequestStatus.UNREACHED: "could not reach them"}


def record_outcome(session: Session, actor: StaffUser, request_id: str, outcome: str, note: str) -> HelpRequest:
    """Someone has been in touch, or tried and could not reach them: say what was done or tried. Either way the
    request is dealt with. The audit log never copies the contact details or the note."""
    if outcome not in OUTCOMES:
        raise Refused("Choose contacted or could not reach them.")
    asked = session.get(HelpRequest, request_id)
    if asked is None or asked.status != HelpRequestStatus.OPEN:
        raise Refused("That request is not open.")
    if not (note or "").strip():
        raise Refused("Write a note of what was done." if outcome == HelpRequestStatus.CONTACTED else "Write a note of what you tried.")
    asked.status = outcome
    asked.note = note.strip()[:2000]
    asked.handled_by = actor.id
    asked.handled_on = today()
    record(session, actor, f"help-request.{outcome}", None,
           f"Marked a request to be contacted, asked on {asked.asked_on.isoformat()}, as {OUTCOMES[outcome]}")
    session.flush()
    return asked


def mark_contacted(session: Session, actor: StaffUser, request_id: str, note: str) -> HelpRequest:
    """Someone has been in touch: say what was done."""
    return record_outcome(session, actor, request_id, HelpRequestStatus.CONTACTED, note)


def dealt_with_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(HelpRequest).where(HelpRequest.status != HelpRequestStatus.OPEN)) or 0


def delete_dealt_with(session: Session, actor: Actor) -> int:
    """Delete every request dealt with (contacted, or could not reach them), for good; return how many. The audit
    log keeps how many were deleted, never who they were or how to reach them. Waiting requests stay."""
    count = dealt_with_count(session)
    if not count:
        raise Refused("There are no requests dealt with to delete.")
    session.execute(delete(HelpRequest).where(HelpRequest.status != HelpRequestStatus.OPEN))
    record(session, actor, "help-requests.deleted", None, f"Deleted {count} requests to be contacted that were dealt with",
           requests=count)
    session.flush()
    return count


def purge_handled(session: Session, actor: Actor, cutoff: date, dry_run: bool = False) -> int:
    """Delete requests dealt with before `cutoff`, and say so in the audit log; return how many."""
    old = (HelpRequest.status != HelpRequestStatus.OPEN) & (HelpRequest.handled_on < cutoff)
    count = session.scalar(select(func.count()).select_from(HelpRequest).where(old)) or 0
    if count and not dry_run:
        session.execute(delete(HelpRequest).where(old))
        record(session, actor, "help-requests.purged", None,
               f"Deleted {count} requests to be contacted dealt with before {cutoff.isoformat()}", requests=count)
        session.flush()
    return count
