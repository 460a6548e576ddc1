"""CommitteePaper and CommitteeQuote: the words officers write for a committee meeting, and the comments they
chose to quote to it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participation.db import Model, RandomId


class CommitteePaper(Model):
    """The committee report for one meeting: its cover words and officer commentary, written before printing.

    The figures are never stored here: they are counted afresh for the period each time the paper is read.
    """

    __tablename__ = "committee_papers"
    audit_type = "committee_paper"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_on: Mapped[date] = mapped_column(Date, unique=True)
    #: The period the figures cover.
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    #: Who presents it: a role or team ("Head of Participation"), not a person's account.
    report_of: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    #: What the committee is asked to do, one request a line.
    asked_to: Mapped[str] = mapped_column(Text, default="")
    commentary: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    updated_on: Mapped[date | None] = mapped_column(Date)

    @property
    def requests(self) -> list[str]:
        return [line.strip() for line in self.asked_to.splitlines() if line.strip()]


class CommitteeQuote(Model):
    """A comment an officer starred to quote to the committee; the paper prints its redacted words."""

    __tablename__ = "committee_quotes"
    audit_type = "committee_quote"

    answer_id: Mapped[int] = mapped_column(RandomId, ForeignKey("comment_analyses.answer_id", ondelete="CASCADE"),
                                           primary_key=True)
    starred_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    starred_on: Mapped[date] = mapped_column(Date)

    comment = relationship("CommentAnalysis")
