"""Pledge, PledgeVersion, Promise and ReviewQuestion.

A Pledge (or Care Leavers Charter) has a version for each year. A new version copies the last,
and each promise keeps its `identity` when it is carried over or reworded, so a promise's results
can be followed year on year even when its words change.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participation.db import Model, today

class PledgeAudience(StrEnum):
    """Who a pledge is for; stored as the plain word (its value)."""

    CARED_FOR = "cared-for"
    CARE_LEAVERS = "care-leavers"


class ReviewPart(StrEnum):
    """Which question of a promise's pair in a review survey; stored as the plain word (its value)."""

    RATING = "rating"  # kept, sometimes or not yet
    COMMENT = "comment"  # "tell us more"


#: Who a pledge is for, in words.
PLEDGE_AUDIENCES: dict[str, str] = {
    PledgeAudience.CARED_FOR: "Cared for children",
    PledgeAudience.CARE_LEAVERS: "Care leavers",
}


class Pledge(Model):
    """The council's list of promises to one group of young people, such as "Our Pledge to you"."""

    __tablename__ = "pledges"
    audit_type = "pledge"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    #: A key of PLEDGE_AUDIENCES.
    audience: Mapped[str] = mapped_column(String(20), default=PledgeAudience.CARED_FOR)
    created_on: Mapped[date] = mapped_column(Date, default=today)

    versions: Mapped[list[PledgeVersion]] = relationship(
        back_populates="pledge", order_by="PledgeVersion.year", cascade="all, delete-orphan")

    @property
    def latest(self) -> PledgeVersion | None:
        return self.versions[-1] if self.versions else None


class PledgeVersion(Model):
    """The promises as they stood in one year, and the survey that reviewed them."""

    __tablename__ = "pledge_versions"
    audit_type = "pledge_version"
    __table_args__ = (UniqueConstraint("pledge_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    pledge_id: Mapped[int] = mapped_column(ForeignKey("pledges.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    created_on: Mapped[date] = mapped_column(Date, default=today)
    #: The survey young people answered to review this version, once one is made.
    review_survey_id: Mapped[int | None] = mapped_column(ForeignKey("surveys.id", ondelete="SET NULL"))

    pledge: Mapped[Pledge] = relationship(back_populates="versions")
    promises: Mapped[list[Promise]] = relationship(
        back_populates="version", order_by="Promise.position", cascade="all, delete-orphan")


class Promise(Model):
    """One promise in one version, in "we will" form and in young people's words."""

    __tablename__ = "promises"
    audit_type = "promise"
    __table_args__ = (UniqueConstraint("version_id", "identity"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("pledge_versions.id", ondelete="CASCADE"), index=True)
    #: The same in every version for a promise carried over or reworded; new promises get a new one.
    identity: Mapped[str] = mapped_column(String(32), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: The promise as the council writes it: "We will ...".
    we_will: Mapped[str] = mapped_column(Text)
    #: The promise as young people read it in the review; the "we will" text when empty.
    for_young_people: Mapped[str] = mapped_column(Text, default="")
    #: A shorter version for children aged 8 to 11; optional.
    for_younger: Mapped[str] = mapped_column(Text, default="")
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("themes.id", ondelete="SET NULL"))

    version: Mapped[PledgeVersion] = relationship(back_populates="promises")
    theme = relationship("Theme")

    def wording(self, age_band: str = "") -> str:
        """What a young person reads: the shorter version for 8 to 11 year olds when there is one."""
        if age_band == "8-11" and self.for_younger:
            return self.for_younger
        return self.for_young_people or self.we_will


class ReviewQuestion(Model):
    """Links a question of a review survey to the promise it asks about."""

    __tablename__ = "review_questions"
    audit_type = "review_question"

    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True)
    promise_id: Mapped[int] = mapped_column(ForeignKey("promises.id", ondelete="CASCADE"), index=True)
    #: A ReviewPart: the rating (kept / sometimes / not yet) or the comment ("tell us more").
    part: Mapped[str] = mapped_column(String(10))
