"""Emailing the designated safeguarding leads that flags are waiting, so that no email ties a flag to a send.

A flag is raised as a young person's answers are stored. An email sent at that moment would tell its
reader, to the minute, when that young person pressed send. So nothing is sent then: each server
process sweeps at random moments between SAFEGUARDING_ALERT_MIN and SAFEGUARDING_ALERT_MAX seconds
apart (by default 3 to 7 minutes), whether or not anything was flagged, and a sweep that finds open
flags nobody has been told about sends one email for all of them. The email says only that flags are
waiting and how many are open in all (as every staff page does), with a link to the queue: never a
comment's words, its kind of risk, its survey, or anything in the link that picks one out.

The sweep marks the flags it tells about and sends in the same transaction: if the send fails, the
marks are rolled back and a later sweep tries again; two processes sweeping at once cannot both
claim the same flag. With no lead or no mail settings nothing is marked, so the leads are told as
soon as both exist. `flask --app participation send-alerts` runs one sweep, for a council that
prefers a scheduled job (SAFEGUARDING_ALERT_MAX empty turns the timer off).
"""

from __future__ import annotations

import random
import threading
from collections.abc import Mapping

from flask import Flask, url_for
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from participation.core import mail
from participation.auth.models import StaffUser
from participation.comments.models import CommentAnalysis, FlagStatus
from participation.core.transaction import run
from participation.db import changed_rows, db, end_session

_RANDOM = random.SystemRandom()

SUBJECT = "A safeguarding flag is waiting for you"


def leads(session: Session) -> list[StaffUser]:
    """The active designated safeguarding leads, by name."""
    return list(session.scalars(select(StaffUser).where(
        StaffUser.safeguarding_lead.is_(True), StaffUser.active.is_(True)).order_by(StaffUser.name, StaffUser.email)))


def queue_link(app: Flask) -> str:
    """The address of the open flags in the review queue, on the council's own site."""
    with app.test_request_context("/", base_url=app.config["PUBLIC_URL"]):
        return url_for("comments.queue", flag=FlagStatus.OPEN, _external=True)


def body(council: str, open_flags: int, link: str) -> str:
    """The email's words: that flags wait, and where; never what was written."""
    return (f"New safeguarding flags are waiting for a designated safeguarding lead in {council}'s participation "
            f"platform. {open_flags} flag{'s are' if open_flags != 1 else ' is'} open in all.\n\n"
            f"Sign in to read them and mark each one as handled:\n{link}\n\n"
            "This email never contains what a young person wrote, and is sent a few minutes after the flags "
            "came in, so it cannot show when anyone sent their answers.\n")


def sweep(app: Flask) -> int:
    """Email the leads once about every open flag they have not been told about; return how many flags."""
    config: Mapping = app.config
    if not mail.configured(config):
        return 0
    with app.app_context():
        def tell() -> int:
            to = [lead.email for lead in leads(db.session)]
            if not to:
                return 0
            claimed = changed_rows(db.session, (
                update(CommentAnalysis)
                .where(CommentAnalysis.flag_status == FlagStatus.OPEN, CommentAnalysis.flag_alerted.is_(False))
                .values(flag_alerted=True).execution_options(synchronize_session=False)))
            if claimed:
                open_flags = db.session.scalar(select(func.count()).select_from(CommentAnalysis)
                                               .where(CommentAnalysis.flag_status == FlagStatus.OPEN)) or 0
                mail.send(config, to, SUBJECT, body(config["COUNCIL_NAME"], open_flags, queue_link(app)))
            return claimed
        try:
            return run(db.session, tell)
        finally:
            end_session()


class Sweeper:
    """This process's timer: sweep at a random moment, then set the next one, for as long as it runs."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.timer: threading.Timer | None = None

    def schedule(self) -> None:
        low, high = self.app.config["SAFEGUARDING_ALERT_MIN"], self.app.config["SAFEGUARDING_ALERT_MAX"]
        self.timer = threading.Timer(_RANDOM.uniform(low, high), self._on_timer)
        self.timer.daemon = True
        self.timer.start()

    def _on_timer(self) -> None:
        try:
            sweep(self.app)
        except Exception:  # the mail server or database is away: the flags stay unmarked for the next sweep
            self.app.logger.error("Could not email the safeguarding leads yet; the next sweep tries again")
        finally:
            self.schedule()


def start(app: Flask) -> None:
    """Start this process's sweeps where mail is set up and the timer is on (not in the tests)."""
    if app.config.get("SAFEGUARDING_ALERT_MAX") is None or not mail.configured(app.config):
        return
    if "safeguarding_sweeper" not in app.extensions:
        app.extensions["safeguarding_sweeper"] = sweeper = Sweeper(app)
        sweeper.schedule()
