"""The committee paper: the words officers write for a meeting, the comments they quote, and what the paper prints.

Services take the session and the acting officer, flush and never commit (see core/transaction.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Sequence

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from participation.auth.models import Actor
from participation.auth import services as audit
from participation.comments.models import CommentAnalysis, CommentTheme
from participation.core.suppression import share
from participation.core.transaction import Refused
from participation.db import today
from participation.reports import charts
from participation.reports.models import CommitteePaper, CommitteeQuote
from participation.surveys.builder import response_counts
from participation.themes.models import Theme
from participation.tracker.models import Action, YouSaid
from participation.tracker.rules import ActionStatus

#: A comment is quoted to the committee only from a survey at least this many young people answered.
QUOTE_MIN_RESPONSES = 5
#: What a paper's words may be at most, so a pasted document cannot swamp the paper.
MAX_WORDS_FIELD = 10_000
#: Quotes printed under each theme, and in all.
QUOTES_PER_THEME, QUOTES_IN_ALL = 4, 20
OTHER_THEME = "Other things they told us"


def papers(session: Session) -> list[CommitteePaper]:
    """Every meeting's paper, the next or latest meeting first."""
    return list(session.scalars(select(CommitteePaper).order_by(CommitteePaper.meeting_on.desc())))


def save_paper(session: Session, actor: Actor, paper: CommitteePaper | None, *, meeting_on: date, period_start: date,
               period_end: date, report_of: str = "", summary: str = "", asked_to: str = "",
               commentary: str = "") -> CommitteePaper:
    """Start or change a meeting's paper; one paper a meeting."""
    if period_start > period_end:
        raise Refused("The period must start on or before the day it ends.")
    for name, text in (("summary", summary), ("requests to the committee", asked_to), ("commentary", commentary)):
        if len(text) > MAX_WORDS_FIELD:
            raise Refused(f"The {name} is longer than {MAX_WORDS_FIELD:,} characters. Shorten it; a committee "
                          "paper is read in a few minutes.")
    clash = session.scalar(select(CommitteePaper).where(CommitteePaper.meeting_on == meeting_on))
    if clash is not None and clash is not paper:
        raise Refused(f"There is already a paper for the meeting on {meeting_on.day} {meeting_on:%B %Y}. "
                      "Change that one instead.")
    new = paper is None
    if paper is None:
        paper = CommitteePaper()
        session.add(paper)
    paper.meeting_on, paper.period_start, paper.period_end = meeting_on, period_start, period_end
    paper.report_of, paper.summary = report_of.strip(), summary.strip()
    paper.asked_to, paper.commentary = asked_to.strip(), commentary.strip()
    paper.updated_by, paper.updated_on = actor.id if actor is not None else None, today()
    session.flush()
    audit.record(session, actor, "committee-paper.created" if new else "committee-paper.changed", paper,
                 summary=f"Committee paper for {meeting_on.isoformat()}")
    return paper


def _quotable(session: Session, comment: CommentAnalysis | None) -> CommentAnalysis:
    if comment is None:
        raise Refused("That comment is no longer there.")
    if comment.safeguarding:
        raise Refused("A comment flagged for safeguarding is never quoted to the committee.")
    if response_counts(session).get(comment.survey_id, 0) < QUOTE_MIN_RESPONSES:
        raise Refused(f"Comments are quoted only from surveys {QUOTE_MIN_RESPONSES} or more young people answered, "
                      "so no one can be picked out.")
    return comment


def star(session: Session, actor: Actor, answer_id: int) -> CommitteeQuote:
    """Mark a comment to be quoted, redacted, in the committee paper."""
    comment = _quotable(session, session.get(CommentAnalysis, answer_id))
    quote = session.get(CommitteeQuote, answer_id)
    if quote is None:
        quote = CommitteeQuote(answer_id=comment.answer_id, starred_by=actor.id if actor else None,
                               starred_on=today())
        session.add(quote)
        session.flush()
        audit.record(session, actor, "committee-quote.starred", summary=f"Comment {answer_id} quoted to committee",
                     answer_id=answer_id)
    return quote


def unstar(session: Session, actor: Actor, answer_id: int) -> None:
    """Stop quoting a comment to the committee."""
    quote = session.get(CommitteeQuote, answer_id)
    if quote is not None:
        session.delete(quote)
        session.flush()
        audit.record(session, actor, "committee-quote.unstarred",
                     summary=f"Comment {answer_id} no longer quoted to committee", answer_id=answer_id)


def quoted_ids(session: Session, answer_ids: Sequence[int]) -> set[int]:
    """Which of these comments are starred for the committee."""
    if not answer_ids:
        return set()
    return set(session.scalars(select(CommitteeQuote.answer_id).where(CommitteeQuote.answer_id.in_(answer_ids))))


@dataclass(frozen=True)
class QuoteGroup:
    theme: str
    quotes: list[str]


def quotes_by_theme(session: Session, start: date, end: date) -> list[QuoteGroup]:
    """The starred comments sent in the period, redacted, under their main theme in the council's theme order.

    Left out: anything flagged for safeguarding, and comments from surveys fewer than 5 answered.
    """
    big_enough = [s for s, n in response_counts(session).items() if n >= QUOTE_MIN_RESPONSES]
    if not big_enough:
        return []
    rows = session.execute(
        select(CommentAnalysis.redacted, Theme.name, Theme.position)
        .join(CommitteeQuote, CommitteeQuote.answer_id == CommentAnalysis.answer_id)
        .outerjoin(CommentTheme, and_(CommentTheme.answer_id == CommentAnalysis.answer_id,
                                      CommentTheme.position == 0))
        .outerjoin(Theme, Theme.id == CommentTheme.theme_id)
        .where(CommentAnalysis.safeguarding.is_(False), CommentAnalysis.survey_id.in_(big_enough),
               CommentAnalysis.submitted_on >= start, CommentAnalysis.submitted_on <= end,
               CommentAnalysis.redacted != "")
        .order_by(func.coalesce(Theme.position, 10_000), Theme.name, CommitteeQuote.starred_on,
                  CommitteeQuote.answer_id)).all()
    groups: dict[str, list[str]] = {}
    shown = 0
    for text, theme, _ in rows:
        bucket = groups.setdefault(theme or OTHER_THEME, [])
        if len(bucket) < QUOTES_PER_THEME and shown < QUOTES_IN_ALL:
            bucket.append(text)
            shown += 1
    return [QuoteGroup(theme, quotes) for theme, quotes in groups.items() if quotes]


@dataclass(frozen=True)
class DoneAction:
    said: str
    did: str
    done_on: date | None


def completed_actions(session: Session, start: date, end: date, limit: int = 15) -> tuple[list[DoneAction], int]:
    """Actions finished in the period, newest first (at most `limit`), and how many there were in all."""
    in_period = and_(Action.status == ActionStatus.DONE, Action.done_on >= start, Action.done_on <= end)
    rows = session.execute(select(YouSaid.summary, Action.we_did, Action.what, Action.done_on)
                           .join(YouSaid, YouSaid.id == Action.item_id).where(in_period)
                           .order_by(Action.done_on.desc(), Action.id.desc()).limit(limit)).all()
    total = session.scalar(select(func.count()).select_from(Action).where(in_period)) or 0
    return [DoneAction(said, did or what, on) for said, did, what, on in rows], total


#: Charts on the paper fit the width of A4 portrait inside its margins (180 mm at 96 dots an inch).
PAPER_CHART_WIDTH = 680
PAPER_CHART_HEIGHT = 250


def figures(board) -> dict[str, str]:
    """The dashboard's charts drawn for A4 portrait: the full width of the text, short enough to sit beside
    their words, and names written across the page (themes and promises as rows) rather than rotated."""
    shown = {"responses": charts.responses_over_time(board.weeks, board.step), "themes": charts.themes_as_rows(board.themes)}
    if board.promise_results:
        ranked = sorted(board.promise_results, key=lambda r: (r.kept_share is None, r.kept_share or 0))
        shown["promises"] = charts.promises_as_rows([
            charts.PromiseBar(r.promise.wording(), board.promise_version.year,
                              {k: share(v, r.total) for k, v in r.counts.items()}) for r in ranked])
    if board.actions and board.actions.total:
        shown["actions"] = charts.actions(board.actions.rag_by_month)
    out = {}
    for name, fig in shown.items():
        height = fig.layout.height if name in ("promises", "themes") else PAPER_CHART_HEIGHT
        fig.update_layout(width=PAPER_CHART_WIDTH, height=height, font={"size": 12})
        out[name] = charts.to_json(fig)
    return out


def seed_demo_paper(session: Session) -> bool:
    """A paper for the demo's next committee meeting, once; False if there is a paper already."""
    if session.scalar(select(func.count()).select_from(CommitteePaper)):
        return False
    on = today()
    save_paper(session, None, None, meeting_on=on + timedelta(days=14), period_start=on - timedelta(days=364),
               period_end=on, report_of="Head of Participation",
               summary="Young people told us they mostly feel safe where they live, but fewer than we hoped say "
                       "adults listen to them. Five promises in our Pledge are at risk.",
               asked_to="Note the scorecard and what young people told us.\n"
                        "Agree that being listened to is the committee's focus for the next quarter.",
               commentary="Being listened to is what young people wrote about most, and it is where the scorecard "
                          "is furthest from its target.\n\nThe participation team will bring the actions agreed "
                          "with young people to the next meeting.")
    return True
