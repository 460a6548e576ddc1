"""CommentAnalysis, CommentTheme and TaggerModel."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (JSON, Boolean, Date, DateTime, Float, ForeignKey, Index, Integer, String, Text, event, false,
                        inspect)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from participation.db import Model, RandomId, one_of
from participation.themes.models import Theme


class ReviewStatus(StrEnum):
    """What officers made of a comment; stored as the plain word (its value)."""

    SUGGESTED = "suggested"  # the tagger's themes, waiting for an officer
    CONFIRMED = "confirmed"  # an officer confirmed (or changed) its themes
    SET_ASIDE = "set-aside"  # an officer set it aside as not a comment ("no", "dunno"); it can be put back


class FlagStatus(StrEnum):
    """Where a comment's safeguarding flag stands; stored as the plain word (its value)."""

    NONE = ""  # never flagged
    OPEN = "open"  # flagged, waiting for the safeguarding lead
    HANDLED = "handled"  # the safeguarding lead has handled it


#: Open flags come first in the review queue, the most urgent kind first (an urgency is 0 to 98, an
#: open flag of no known kind counts as 99), then every other comment; see queue_rank.
_AFTER_FLAGS = 100
_PER_URGENCY = 10_000_000  # room for two places a day up to the year 9999


def queue_rank(flag_status: str, flag_urgency: int | None, submitted_on: date | None, tagged: bool) -> int:
    """Where a comment stands in the review queue, before its confidence: open safeguarding flags first,
    the most urgent kind first and the longest waiting first within a kind; then every other comment.
    Within each, comments the tagger filed under no theme come before those it did."""
    if flag_status == FlagStatus.OPEN:
        urgency = 99 if flag_urgency is None else flag_urgency
        day = submitted_on.toordinal() if submitted_on else 0
    else:
        urgency, day = _AFTER_FLAGS, 0
    return urgency * _PER_URGENCY + day * 2 + (1 if tagged else 0)


#: Every comment without an open flag ranks at or after this.
RANK_AFTER_FLAGS = _AFTER_FLAGS * _PER_URGENCY


class CommentAnalysis(Model):
    """The tagger's reading of one free-text answer, and what officers made of it."""

    __tablename__ = "comment_analyses"
    audit_type = "comment_analyse"
    #: The review queue reads 20 comments at a time in its order, whatever the number waiting: the comments
    #: of one status, or the open flags (comments.services.queue).
    __table_args__ = (Index("ix_comment_analyses_queue", "status", "queue_rank", "confidence", "answer_id"),
                      Index("ix_comment_analyses_flag_queue", "flag_status", "queue_rank", "confidence", "answer_id"),
                      # A question's comments newest first (the results page reads the newest few).
                      Index("ix_comment_analyses_question_day", "question_id", "submitted_on", "answer_id"),
                      one_of("status", ReviewStatus), one_of("flag_status", FlagStatus))

    answer_id: Mapped[int] = mapped_column(RandomId, ForeignKey("answers.id", ondelete="CASCADE"), primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"), index=True)
    #: The day the answer was sent (the response's day), so comments can be counted by period.
    submitted_on: Mapped[date | None] = mapped_column(Date, index=True)
    sentiment: Mapped[float] = mapped_column(Float, default=0.0)
    #: How sure the tagger was of its suggestion, 0 to 1; low ones come first in the queue.
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    #: The text with names, phone numbers, emails, postcodes and addresses replaced.
    redacted: Mapped[str] = mapped_column(Text, default="")
    #: A ReviewStatus: suggested by the tagger, confirmed by an officer, or set aside by an officer as not a
    #: comment ("no", "dunno", "nothing"): not waiting for review, and can be put back.
    status: Mapped[str] = mapped_column(String(12), default=ReviewStatus.SUGGESTED)
    reviewed_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    reviewed_on: Mapped[date | None] = mapped_column(Date)
    safeguarding: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    safeguarding_reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: The words that raised the flag: [start, end, kind] character spans of the answer's text.
    safeguarding_evidence: Mapped[list[list]] = mapped_column(JSON, default=list)
    #: The place of the flag's most urgent kind in the order of urgency (0 most urgent); None unflagged.
    flag_urgency: Mapped[int | None] = mapped_column(Integer, index=True)
    #: A FlagStatus: for flagged comments, open until the safeguarding lead marks it handled.
    flag_status: Mapped[str] = mapped_column(String(10), default=FlagStatus.NONE)
    flag_note: Mapped[str] = mapped_column(Text, default="")
    flag_handled_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    flag_handled_on: Mapped[date | None] = mapped_column(Date)
    #: True once the designated safeguarding leads have been emailed that this flag is waiting (see
    #: participation.alerts): the email names no comment, and is sent for every new flag at once.
    flag_alerted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    #: queue_rank of the flag, urgency, day and themes above, kept up to date on every change to them.
    queue_rank: Mapped[int] = mapped_column(Integer, default=RANK_AFTER_FLAGS)

    themes: Mapped[list[CommentTheme]] = relationship(
        back_populates="comment", cascade="all, delete-orphan", order_by="CommentTheme.position")


@event.listens_for(Session, "before_flush")
def _rank_changed_comments(session: Session, flush_context, instances) -> None:
    """Keep queue_rank right for every comment added or changed through the session (new comments
    written as plain rows are ranked where they are written: comments.services.NewComments)."""
    with session.no_autoflush:
        for comment in [*session.new, *session.dirty]:
            if isinstance(comment, CommentAnalysis) and (comment in session.new or _RANKED_BY & {
                    name for name, attr in inspect(comment).attrs.items() if attr.history.has_changes()}):
                comment.queue_rank = queue_rank(comment.flag_status or "", comment.flag_urgency,
                                                comment.submitted_on, bool(comment.themes))


#: What a comment's place in the queue is worked out from.
_RANKED_BY = {"flag_status", "flag_urgency", "submitted_on", "themes"}


class CommentTheme(Model):
    """One theme a comment is filed under; a comment can have several."""

    __tablename__ = "comment_themes"
    audit_type = "comment_theme"

    answer_id: Mapped[int] = mapped_column(RandomId, ForeignKey("comment_analyses.answer_id", ondelete="CASCADE"),
                                           primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True, index=True)
    #: 0 for the best-fitting theme, then 1, 2...
    position: Mapped[int] = mapped_column(Integer, default=0)

    comment: Mapped[CommentAnalysis] = relationship(back_populates="themes")
    theme: Mapped[Theme] = relationship()


class TaggerModel(Model):
    """A trained tagger, shared by every process; the newest one is used."""

    __tablename__ = "tagger_models"
    audit_type = "tagger_model"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    #: How many labelled comments it learned from, confirmed ones included.
    examples: Mapped[int] = mapped_column(Integer, default=0)
    confirmed: Mapped[int] = mapped_column(Integer, default=0)
    #: Theme keys and each theme's compiled model: {"prior": float, "weights": {feature: float}}.
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class CommentTally(Model):
    """Comments per survey, day and theme, with their feelings added up, kept up to date as comments
    are tagged and reviewed. Theme 0 counts every comment, with or without a theme."""

    __tablename__ = "comment_tallies"
    audit_type = "comment_tallie"

    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    #: A theme's id, or 0 for all comments.
    theme_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
    sentiment_sum: Mapped[float] = mapped_column(Float, default=0.0)
    #: Comments that sound positive (feeling above 0.05).
    positive: Mapped[int] = mapped_column(Integer, default=0)
