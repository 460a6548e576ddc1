"""Response, Answer, Draft and SubmissionReceipt.

Nothing here can identify a young person: no account, address, browser detail or time finer
than the day. A Draft is keyed by a random value kept in the young person's own session
cookie and is deleted when the answers are sent. A SubmissionReceipt proves a one-time token
was used, and deliberately has no link to the Response it produced.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participation.db import Model, RandomId, random_id, today


class Response(Model):
    """One young person's sent answers to one survey."""

    __tablename__ = "responses"
    audit_type = "response"

    #: Random, never a running number, so ids say nothing about the order responses were sent.
    id: Mapped[int] = mapped_column(RandomId, primary_key=True, autoincrement=False, default=random_id)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    #: The day it was sent; never the time.
    submitted_on: Mapped[date] = mapped_column(Date, default=today, index=True)
    #: For a survey written for more than one audience, which of them the young person's link was for
    #: (a key of surveys.models.AUDIENCES; see surveys.models.link_audiences), or "" for the survey's own
    #: link. Only the group, never anything about the young person themselves.
    audience: Mapped[str] = mapped_column(String(40), default="", server_default="")

    answers: Mapped[list[Answer]] = relationship(
        back_populates="response", cascade="all, delete-orphan", passive_deletes=True
    )


class Answer(Model):
    """One answer: a chosen value, or a piece of free text. A several-choices answer is one row per choice."""

    __tablename__ = "answers"
    audit_type = "answer"
    __table_args__ = (Index("ix_answers_question_choice", "question_id", "choice"),)

    #: Random, like the response's.
    id: Mapped[int] = mapped_column(RandomId, primary_key=True, autoincrement=False, default=random_id)
    response_id: Mapped[int] = mapped_column(RandomId, ForeignKey("responses.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    #: The value of the chosen answer ("kept", "4", "yes", an option value); empty for free text.
    choice: Mapped[str | None] = mapped_column(String(60))
    #: Free text as the young person wrote it (escaped on every page that shows it).
    text: Mapped[str | None] = mapped_column(Text)

    response: Mapped[Response] = relationship(back_populates="answers")


class Draft(Model):
    """Answers given so far, kept between pages so a dropped connection loses nothing."""

    __tablename__ = "drafts"
    audit_type = "draft"

    #: Random key held only in the young person's session cookie.
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    #: Form values by field name ("q12": "yes", "q13": ["a", "b"]).
    answers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: The one-time token that the check-your-answers page sends with the answers.
    submission_token: Mapped[str] = mapped_column(String(64))
    #: The day it was last changed, so unsent drafts can be deleted after a few days.
    updated_on: Mapped[date] = mapped_column(Date, default=today, index=True)


class SubmissionReceipt(Model):
    """A used one-time submission token, stored as a hash: sending the same answers twice stores one."""

    __tablename__ = "submission_receipts"
    audit_type = "submission_receipt"

    #: SHA-256 of the token; the primary key makes a second use fail inside the same transaction.
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    used_on: Mapped[date] = mapped_column(Date, default=today)


class ResponseTally(Model):
    """How many responses a survey had on a day, kept up to date as answers are sent.

    Reports add up these small tables instead of counting every answer, so they stay fast
    however many young people answer.
    """

    __tablename__ = "response_tallies"
    audit_type = "response_tallie"

    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    #: The responses' audience (Response.audience).
    audience: Mapped[str] = mapped_column(String(40), primary_key=True, default="", server_default="")
    count: Mapped[int] = mapped_column(Integer, default=0)


class AnswerTally(Model):
    """How many times a choice was given to a question on a day."""

    __tablename__ = "answer_tallies"
    audit_type = "answer_tallie"

    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    choice: Mapped[str] = mapped_column(String(60), primary_key=True)
    #: The question's survey, kept here so reports can filter without a join.
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), primary_key=True)
    #: The responses' audience (Response.audience).
    audience: Mapped[str] = mapped_column(String(40), primary_key=True, default="", server_default="")
    count: Mapped[int] = mapped_column(Integer, default=0)


#: The `choice` of an AnswerPairTally row counting those who answered a several-choice or free-text question
#: at all (no option is stored as an empty value).
ANSWERED = ""


class AnswerPairTally(Model):
    """How many young people who gave one answer (`by_question_id`, `by_choice`) on a day also gave another
    (`question_id`, `choice`), kept as answers are sent.

    Results for those who gave an answer (a cross-break), and the committee's check that no group can be taken
    from another to single out a few young people, add these up instead of reading every answer. A row with
    `choice` ANSWERED counts those who answered a several-choice or free-text question at all; a row whose
    `by_choice` is ANSWERED too (with both questions the same) counts them for everyone.
    """

    __tablename__ = "answer_pair_tallies"
    audit_type = "answer_pair_tallie"

    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), primary_key=True)
    by_question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True)
    by_choice: Mapped[str] = mapped_column(String(60), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True)
    choice: Mapped[str] = mapped_column(String(60), primary_key=True)
    #: The responses' audience (Response.audience).
    audience: Mapped[str] = mapped_column(String(40), primary_key=True, default="", server_default="")
    count: Mapped[int] = mapped_column(Integer, default=0)
