"""Survey, Section, Question and Option models."""

from __future__ import annotations

import secrets
from datetime import date
from enum import StrEnum

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy import event
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from participation.db import Model, one_of, today
from participation.themes.models import Theme

class Audience(StrEnum):
    """Who a survey is written for; stored as the plain word (its value)."""

    CARED_FOR_4_7 = "cared-for-4-7"
    CARED_FOR_8_11 = "cared-for-8-11"
    CARED_FOR_11_18 = "cared-for-11-18"
    CARE_LEAVERS = "care-leavers"
    CICC = "cicc"
    EVERYONE = "everyone"


#: Who a survey is written for, in words.
AUDIENCES: dict[str, str] = {
    Audience.CARED_FOR_4_7: "Cared for children aged 4 to 7",
    Audience.CARED_FOR_8_11: "Cared for children aged 8 to 11",
    Audience.CARED_FOR_11_18: "Cared for children aged 11 to 18",
    Audience.CARE_LEAVERS: "Care leavers",
    Audience.CICC: "Children in Care Council members",
    Audience.EVERYONE: "Cared for children and care leavers",
}

#: The audiences within a survey written for more than one, each with a link of its own, so results can be
#: filtered by the link a young person came through.
WITHIN: dict[str, tuple[str, ...]] = {
    Audience.EVERYONE: (Audience.CARED_FOR_8_11, Audience.CARED_FOR_11_18, Audience.CARE_LEAVERS),
}


def link_audiences(audience: str) -> tuple[str, ...]:
    """The audiences a survey for `audience` has links for: none when it is written for one."""
    return WITHIN.get(audience, ())


class SurveyStatus(StrEnum):
    """Where a survey is in its life, as staff set it; stored as the plain word (its value)."""

    DRAFT = "draft"  # being built: young people cannot see it
    OPEN = "open"  # young people can answer it between its dates
    CLOSED = "closed"  # no more answers; its results stay



class QuestionKind(StrEnum):
    """How a question is asked and answered (see question_types); stored as the plain word (its value)."""

    SINGLE = "single"  # choose one answer
    MULTIPLE = "multiple"  # choose any answers
    SCALE = "scale"  # 1 to 5
    FACES = "faces"  # five faces, for younger children
    YESNO = "yesno"
    TEXT = "text"  # written in their own words
    PROMISE = "promise"  # how well a promise was kept, in a pledge review


#: Age bands a survey's wording is written for.
AGE_BANDS: dict[str, str] = {
    "": "Any age",
    "4-7": "4 to 7",
    "8-11": "8 to 11",
    "11-18": "11 to 18",
    "16-25": "16 to 25",
}


class Survey(Model):
    """A survey or consultation that young people answer at /s/<slug>."""

    __tablename__ = "surveys"
    audit_type = "survey"
    __table_args__ = (one_of("status", SurveyStatus),)

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The last part of the share link, e.g. "annual-2026" in /s/annual-2026.
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    #: What the survey is for, shown to young people before they start.
    intro: Mapped[str] = mapped_column(Text, default="")
    #: Said on the thank-you page after the answers are sent; empty says only the usual thank you.
    thanks: Mapped[str] = mapped_column(Text, default="")
    #: An Audience (a key of AUDIENCES).
    audience: Mapped[str] = mapped_column(String(40), default=Audience.EVERYONE)
    #: draft, open or closed; an open survey also respects its dates.
    status: Mapped[str] = mapped_column(String(10), default=SurveyStatus.DRAFT.value)
    opens_on: Mapped[date | None] = mapped_column(Date)
    closes_on: Mapped[date | None] = mapped_column(Date)
    created_on: Mapped[date] = mapped_column(Date, default=today)
    #: A key of AGE_BANDS; the words and question kinds suit this age.
    age_band: Mapped[str] = mapped_column(String(10), default="")
    #: For closed groups: young people type this before the first question. Empty means anyone with the link.
    access_code: Mapped[str] = mapped_column(String(40), default="")
    #: A new random value with every change to the survey or its pages, questions and options,
    #: so each process can keep a read-only copy for young people's pages and know when it is stale.
    #: Random rather than counted, so a restored or rebuilt database never repeats one.
    revision: Mapped[str] = mapped_column(String(16), default=lambda: secrets.token_hex(8))

    sections: Mapped[list[Section]] = relationship(
        back_populates="survey", order_by="Section.position", cascade="all, delete-orphan"
    )
    #: Every question, unordered; use ordered_questions for the order young people see.
    questions: Mapped[list[Question]] = relationship(viewonly=True)

    @property
    def ordered_questions(self) -> list[Question]:
        """Questions in the order a young person meets them."""
        return [question for section in self.sections for question in section.questions]

    @property
    def audience_label(self) -> str:
        """The audience in words."""
        return AUDIENCES.get(self.audience, self.audience)


class Section(Model):
    """A short group of questions shown together on one page."""

    __tablename__ = "sections"
    audit_type = "section"

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(200))
    #: A sentence or two shown under the page heading.
    intro: Mapped[str] = mapped_column(Text, default="")

    survey: Mapped[Survey] = relationship(back_populates="sections")
    questions: Mapped[list[Question]] = relationship(
        back_populates="section", order_by="Question.position", cascade="all, delete-orphan"
    )


class Question(Model):
    """One question; how it is asked and answered depends on its kind (see question_types)."""

    __tablename__ = "questions"
    audit_type = "question"
    __table_args__ = (one_of("kind", QuestionKind),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    section_id: Mapped[int] = mapped_column(ForeignKey("sections.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: A QuestionKind (a key of question_types.QUESTION_TYPES).
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    #: Hint shown under the question.
    help: Mapped[str] = mapped_column(Text, default="")
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The outcome theme answers to this question count towards unless a comment says otherwise.
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("themes.id", ondelete="SET NULL"))
    #: "Show this question if": a choice question on an earlier page, and the answer values (one on each
    #: line) any of which shows it, e.g. "sad" and "very-sad". Read them as show_if_values.
    show_if_question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="SET NULL"))
    show_if_value: Mapped[str] = mapped_column(Text, default="")

    survey: Mapped[Survey] = relationship()
    section: Mapped[Section] = relationship(back_populates="questions")
    theme: Mapped[Theme | None] = relationship()
    show_if_question: Mapped[Question | None] = relationship(remote_side="Question.id")
    options: Mapped[list[Option]] = relationship(
        back_populates="question", order_by="Option.position", cascade="all, delete-orphan"
    )

    @property
    def field_name(self) -> str:
        """The form field name and element id for this question."""
        return f"q{self.id}"

    @property
    def show_if_values(self) -> list[str]:
        """The answers to the condition's question, any of which shows this question."""
        return [value for value in (self.show_if_value or "").split("\n") if value]

    def is_shown(self, answers: dict) -> bool:
        """True unless a "show this question if" condition is not met by the answers so far."""
        if self.show_if_question_id is None:
            return True
        given = answers.get(f"q{self.show_if_question_id}")
        wanted = self.show_if_values
        if isinstance(given, list):
            return any(value in given for value in wanted)
        return given in wanted


class Option(Model):
    """One answer a young person can choose in a single- or several-choice question."""

    __tablename__ = "options"
    audit_type = "option"
    __table_args__ = (UniqueConstraint("question_id", "value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: Stable value stored with answers; the label can be reworded without losing results.
    value: Mapped[str] = mapped_column(String(60))
    label: Mapped[str] = mapped_column(String(300))

    question: Mapped[Question] = relationship(back_populates="options")


class SurveyTextTranslation(Model):
    """One piece of a survey's words (its title, a question, an answer's label...) in another language.

    `key` names the piece, stable while the piece exists (see surveys.translating.pieces); `source_hash`
    is the hash of the English it was translated from, so a change to the English marks it out of date.
    """

    __tablename__ = "survey_text_translations"
    audit_type = "survey_text_translation"
    __table_args__ = (UniqueConstraint("survey_id", "key", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(120))
    #: A language code, as in the LANGUAGES setting ("cy", "ar").
    language: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    source_hash: Mapped[str] = mapped_column(String(64))

    survey: Mapped[Survey] = relationship()


def _owning_survey(thing) -> Survey | None:
    """The survey a changed survey, section, question, option or translation belongs to."""
    if isinstance(thing, Survey):
        return thing
    if isinstance(thing, (Section, Question, SurveyTextTranslation)):
        return thing.survey
    if isinstance(thing, Option):
        return thing.question.survey if thing.question is not None else None
    return None


@event.listens_for(Session, "before_flush")
def _new_survey_revisions(session: Session, flush_context, instances) -> None:
    """Give every survey touched by this flush a new revision."""
    touched = {id(s): s for thing in (*session.new, *session.dirty, *session.deleted)
               if (s := _owning_survey(thing)) is not None and s not in session.deleted}
    for survey in touched.values():
        survey.revision = secrets.token_hex(8)
