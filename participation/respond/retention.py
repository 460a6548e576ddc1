"""Keeping answers no longer than needed: delete old responses of closed surveys, and say so in the audit log.

The running totals that reports read are left as they are, so figures already reported to the
committee stay the same after a purge.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from participation.auth.models import Actor
from participation.auth.services import record
from participation.comments.models import CommentAnalysis
from participation.core.transaction import Refused
from participation.respond.models import Answer, Response
from participation.surveys.models import Survey, SurveyStatus

_AGE = re.compile(r"^\s*(\d{1,3})\s*([ymd])\s*$", re.I)


def cutoff_for(age: str, on: date) -> date:
    """The first day kept for an age such as "3y", "18m" or "90d" before `on`."""
    match = _AGE.match(age or "")
    if not match:
        raise Refused("Give the age as a number and y, m or d, for example 3y for three years.")
    amount, unit = int(match[1]), match[2].lower()
    if unit == "d":
        return on - timedelta(days=amount)
    months = amount * 12 if unit == "y" else amount
    year, month = divmod(on.year * 12 + on.month - 1 - months, 12)
    month += 1
    return date(year, month, min(on.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class PurgeReport:
    """What a purge deletes (or, in a dry run, would delete)."""

    cutoff: date
    surveys: tuple[tuple[str, int], ...]
    responses: int
    answers: int
    comments: int


def purge_old_responses(session: Session, actor: Actor, cutoff: date, dry_run: bool = False) -> PurgeReport:
    """Delete the responses of closed surveys sent before `cutoff`, with their answers, comments and tags."""
    closed = select(Survey.id).where(Survey.status == SurveyStatus.CLOSED)
    old = (Response.submitted_on < cutoff) & Response.survey_id.in_(closed)
    per_survey = tuple((title, n) for title, n in session.execute(
        select(Survey.title, func.count(Response.id)).join(Response, Response.survey_id == Survey.id).where(old)
        .group_by(Survey.id, Survey.title).order_by(Survey.title)))
    old_ids = select(Response.id).where(old)
    answers = session.scalar(select(func.count()).select_from(Answer).where(Answer.response_id.in_(old_ids))) or 0
    comments = session.scalar(select(func.count()).select_from(CommentAnalysis).join(
        Answer, Answer.id == CommentAnalysis.answer_id).where(Answer.response_id.in_(old_ids))) or 0
    report = PurgeReport(cutoff, per_survey, sum(n for _, n in per_survey), answers, comments)
    if dry_run or not report.responses:
        return report
    # Answers, comments, their tags and evidence links go with each response (ON DELETE CASCADE).
    session.execute(delete(Response).where(old))
    record(session, actor, "responses.purged", None,
           f"Deleted {report.responses} responses of closed surveys sent before {cutoff.isoformat()}",
           responses=report.responses, answers=answers, comments=comments, surveys=[t for t, _ in per_survey])
    session.flush()
    return report
