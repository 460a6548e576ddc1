"""CommentAnalysis, CommentTheme and TaggerModel."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, ForeignKey, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participation.db import Model, RandomId
from participation.themes.models import Theme


class CommentAnalysis(Model):
    """The tagger's reading of one free-text answer, and what officers made of it."""

    __tablename__ = "comment_analyses"

    answer_id: Mapped[int] = mapped_column(RandomId, ForeignKey("answers.id", ondelete="CASCADE"), primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    #: The day the answer was sent (the response's day), so comments can be counted by period.
    submitted_on: Mapped[date | None] = mapped_column(Date, index=True)
    sentiment: Mapped[float] = mapped_column(Float, default=0.0)
    #: How sure the tagger was of its suggestion, 0 to 1; low ones come first in the queue.
    confidence: Mapped[float] = mapped_column(Float, default=0.0)
    #: The text with names, phone numbers, emails, postcodes and addresses replaced.
    redacted: Mapped[str] = mapped_column(Text, default="")
    #: "suggested" by the tagger, "confirmed" by an officer, or "set-aside" by an officer as not a comment
    #: ("no", "dunno", "nothing"): not waiting for review, and can be put back.
    status: Mapped[str] = mapped_column(String(12), default="suggested", index=True)
    reviewed_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    reviewed_on: Mapped[date | None] = mapped_column(Date)
    safeguarding: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    safeguarding_reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: The words that raised the flag: [start, end, kind] character spans of the answer's text.
    safeguarding_evidence: Mapped[list[list]] = mapped_column(JSON, default=list)
    #: The place of the flag's most urgent kind in the order of urgency (0 most urgent); None unflagged.
    flag_urgency: Mapped[int | None] = mapped_column(Integer, index=True)
    #: For flagged comments: "open" until the safeguarding lead marks it "handled".
    flag_status: Mapped[str] = mapped_column(String(10), default="", index=True)
    flag_note: Mapped[str] = mapped_column(Text, default="")
    flag_handled_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    flag_handled_on: Mapped[date | None] = mapped_column(Date)
    #: True once the designated safeguarding leads have been emailed that this flag is waiting (see
    #: participation.alerts): the email names no comment, and is sent for every new flag at once.
    flag_alerted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    themes: Mapped[list[CommentTheme]] = relationship(
        back_populates="comment", cascade="all, delete-orphan", order_by="CommentTheme.position")


class CommentTheme(Model):
    """One theme a comment is filed under; a comment can have several."""

    __tablename__ = "comment_themes"

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

    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    #: A theme's id, or 0 for all comments.
    theme_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
    sentiment_sum: Mapped[float] = mapped_column(Float, default=0.0)
    #: Comments that sound positive (feeling above 0.05).
    positive: Mapped[int] = mapped_column(Integer, default=0)
