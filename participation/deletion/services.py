"""Deleting a survey: what goes with it, what stays, and when it is refused.

A survey's pages, questions, responses, answers, unsent answers, comments with their themes and
safeguarding flags, committee quotes, "you said" evidence links and running totals all go, in one
transaction, by the database's ON DELETE CASCADE (the same way `purge` deletes old responses).
What stays: the audit log (with an entry for the deletion), and any "you said" item or pledge
version that pointed at the survey, which keeps its words and loses the link.

Refused while a safeguarding flag on one of its comments is still waiting for the designated
safeguarding lead (deleting would delete the comment the lead has to read), and while young people
can answer it (close it first, so nobody part-way through loses their answers without being told).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from participation.auth.models import Actor
from participation.auth.services import record
from participation.comments.models import CommentAnalysis
from participation.core.transaction import Refused
from participation.pledges.models import Pledge, PledgeVersion
from participation.reports.models import CommitteeQuote
from participation.respond.models import Answer, Draft, Response
from participation.surveys.models import Survey
from participation.surveys.services import SurveyState, survey_state
from participation.tracker.models import YouSaid, YouSaidEvidence


@dataclass(frozen=True)
class WhatGoes:
    """What deleting a survey deletes, and what it leaves without its link."""

    responses: int
    unsent: int  # answers started and not sent
    comments: int
    open_flags: int
    handled_flags: int
    quotes: int  # comments starred to quote to the committee
    evidence_links: int  # comments linked as evidence to "you said" items
    items: tuple[str, ...]  # the "you said" items that keep their words and lose the link
    pledge_versions: tuple[str, ...]  # pledge versions whose review survey this is


def _count(session: Session, statement) -> int:
    return session.scalar(statement) or 0


def what_goes(session: Session, survey: Survey) -> WhatGoes:
    """Count everything that goes with the survey, and name what stays but loses its link."""
    its_answers = select(Answer.id).join(Response, Response.id == Answer.response_id).where(
        Response.survey_id == survey.id)
    flags: dict[str, int] = {status: count for status, count in session.execute(
        select(CommentAnalysis.flag_status, func.count()).where(
            CommentAnalysis.survey_id == survey.id, CommentAnalysis.flag_status.in_(("open", "handled")))
        .group_by(CommentAnalysis.flag_status))}
    linked = select(YouSaidEvidence.item_id).where(YouSaidEvidence.answer_id.in_(its_answers))
    items = session.scalars(select(YouSaid.summary).where(
        or_(YouSaid.source_survey_id == survey.id, YouSaid.id.in_(linked))).order_by(YouSaid.id))
    versions = session.execute(select(Pledge.name, PledgeVersion.year).join(Pledge, Pledge.id == PledgeVersion.pledge_id)
                               .where(PledgeVersion.review_survey_id == survey.id).order_by(PledgeVersion.year))
    return WhatGoes(
        responses=_count(session, select(func.count()).select_from(Response).where(Response.survey_id == survey.id)),
        unsent=_count(session, select(func.count()).select_from(Draft).where(Draft.survey_id == survey.id)),
        comments=_count(session, select(func.count()).select_from(CommentAnalysis).where(
            CommentAnalysis.survey_id == survey.id)),
        open_flags=flags.get("open", 0), handled_flags=flags.get("handled", 0),
        quotes=_count(session, select(func.count()).select_from(CommitteeQuote).join(
            CommentAnalysis, CommentAnalysis.answer_id == CommitteeQuote.answer_id).where(
            CommentAnalysis.survey_id == survey.id)),
        evidence_links=_count(session, select(func.count()).select_from(YouSaidEvidence).where(
            YouSaidEvidence.answer_id.in_(its_answers))),
        items=tuple(items), pledge_versions=tuple(f"{name} {year}" for name, year in versions))


def why_not_deletable(session: Session, survey: Survey, goes: WhatGoes | None = None) -> str | None:
    """Why the survey cannot be deleted now, in plain words; None when it can."""
    goes = goes or what_goes(session, survey)
    if goes.open_flags:
        waiting = ("A safeguarding flag on one of its comments is" if goes.open_flags == 1
                   else f"{goes.open_flags} safeguarding flags on its comments are")
        return (f"{waiting} still waiting for the designated safeguarding lead. Deleting the survey would delete "
                "the comment the lead has to read, so it cannot be deleted until the lead has marked every flag on "
                "it as handled.")
    if survey_state(survey) == SurveyState.OPEN:
        return ("Young people can still answer this survey. Close it first, so that anyone part-way through is told "
                "it has closed; then you can delete it.")
    return None


def delete_survey(session: Session, actor: Actor, survey: Survey) -> WhatGoes:
    """Delete a survey and everything young people sent to it, all or nothing; the audit log keeps what went.

    Each "you said" item that pointed at it gets an entry in its history saying the survey was deleted, and
    keeps its words."""
    goes = what_goes(session, survey)
    refusal = why_not_deletable(session, survey, goes)
    if refusal:
        raise Refused(refusal)
    title = survey.title
    its_answers = select(Answer.id).join(Response, Response.id == Answer.response_id).where(
        Response.survey_id == survey.id)
    items = session.scalars(select(YouSaid).where(or_(
        YouSaid.source_survey_id == survey.id,
        YouSaid.id.in_(select(YouSaidEvidence.item_id).where(YouSaidEvidence.answer_id.in_(its_answers))))))
    for item in items:
        record(session, actor, "tracker.source-deleted", item,
               f"The survey “{title}” it came from was deleted, with its comments; this item keeps its words")
    record(session, actor, "survey.deleted", survey,
           f"Deleted “{title}” with {goes.responses} responses and {goes.comments} comments",
           slug=survey.slug, responses=goes.responses, unsent=goes.unsent, comments=goes.comments,
           handled_flags=goes.handled_flags, quotes=goes.quotes, evidence_links=goes.evidence_links,
           items=len(goes.items), pledge_versions=list(goes.pledge_versions))
    session.flush()
    # Pages, questions, responses, answers, comments, flags, quotes, evidence links and totals go by the
    # database's ON DELETE CASCADE; items and pledge versions keep their words and lose the link (SET NULL).
    session.execute(delete(Survey).where(Survey.id == survey.id))
    session.expire_all()
    return goes
