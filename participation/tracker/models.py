"""YouSaid, YouSaidTheme, YouSaidEvidence, Action and ActionUpdate.

A "you said" is what young people told us, in their words, with where it came from and the
comments that show it. Each has one or more actions. RAG is never stored: it is worked out
from the status and due date whenever it is read, unless an officer overrides it.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import JSON, Boolean, ColumnElement, Date, ForeignKey, Integer, String, Text, and_, case, false, literal, or_
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participation.db import Model, RandomId, one_of, today
from participation.tracker.rules import OPEN_STATUSES, RAG_OTHERWISE, RAG_RULES, RAGS, ActionStatus, RagRule, rag

class Source(StrEnum):
    """Where a "you said" came from, as an officer says on the item; stored as the plain word (its value)."""

    SURVEY = "survey"
    PLEDGE = "pledge"
    CICC = "cicc"
    REVIEW = "review"
    OTHER = "other"


class SourceKind(StrEnum):
    """The kind of paper or meeting a tracker's items come from; stored as the plain word (its value)."""

    REVIEW = "review"
    ACTION_PLAN = "action-plan"
    TASK_AND_FINISH = "task-and-finish"
    SELF_ASSESSMENT = "self-assessment"
    MEETING = "meeting"
    SURVEY = "survey"
    PLEDGE_REVIEW = "pledge-review"


#: Where a "you said" came from, in words.
SOURCES: dict[str, str] = {
    Source.SURVEY: "A survey",
    Source.PLEDGE: "A pledge review",
    Source.CICC: "A Children in Care Council meeting",
    Source.REVIEW: "A review recommendation",
    Source.OTHER: "Something else",
}


#: The kinds of paper or meeting a tracker's items come from, in words.
SOURCE_KINDS: dict[str, str] = {
    SourceKind.REVIEW: "A review",
    SourceKind.ACTION_PLAN: "A strategy action plan",
    SourceKind.TASK_AND_FINISH: "A task-and-finish group",
    SourceKind.SELF_ASSESSMENT: "A self-assessment",
    SourceKind.MEETING: "A forum or Children in Care Council meeting",
    SourceKind.SURVEY: "A survey",
    SourceKind.PLEDGE_REVIEW: "A pledge review",
}
#: Kinds whose items are what young people said, in their words.
YOUNG_PEOPLES_KINDS: frozenset[str] = frozenset({SourceKind.SURVEY, SourceKind.MEETING, SourceKind.PLEDGE_REVIEW})
#: How the public board introduces an item of each kind that is not what young people said.
BOARD_LABELS: dict[str, str] = {SourceKind.REVIEW: "The review recommended", SourceKind.ACTION_PLAN: "Our plan says",
                                SourceKind.TASK_AND_FINISH: "The task-and-finish group asked",
                                SourceKind.SELF_ASSESSMENT: "We checked and found"}
#: The older per-item sources, read as kinds.
_KIND_OF_SOURCE: dict[str, str] = {Source.SURVEY: SourceKind.SURVEY, Source.PLEDGE: SourceKind.PLEDGE_REVIEW,
                                   Source.CICC: SourceKind.MEETING, Source.REVIEW: SourceKind.REVIEW}


class TrackerSource(Model):
    """A paper or meeting a tracker's items come from: a review, an action plan, a forum meeting..."""

    __tablename__ = "tracker_sources"
    audit_type = "tracker_source"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: A SourceKind (a key of SOURCE_KINDS).
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[date | None] = mapped_column(Date)
    #: Its sections in order, each [reference, title], such as ["13.1", "Changes to the processes..."].
    sections: Mapped[list[list[str]]] = mapped_column(JSON, default=list)

    items: Mapped[list[YouSaid]] = relationship(back_populates="origin")


class YouSaid(Model):
    """Something young people told us, to be acted on and told back."""

    __tablename__ = "you_said_items"
    audit_type = "you_said_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: In young people's words: "We want to see our brothers and sisters more."
    summary: Mapped[str] = mapped_column(Text)
    #: A Source (a key of SOURCES).
    source: Mapped[str] = mapped_column(String(10), default=Source.OTHER)
    source_survey_id: Mapped[int | None] = mapped_column(ForeignKey("surveys.id", ondelete="SET NULL"))
    source_question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="SET NULL"))
    source_promise_id: Mapped[int | None] = mapped_column(ForeignKey("promises.id", ondelete="SET NULL"))
    #: The date of the Children in Care Council meeting it came from.
    meeting_on: Mapped[date | None] = mapped_column(Date)
    #: A review recommendation's reference, such as "13.1.2"; staff only, never on the public board.
    reference: Mapped[str] = mapped_column(String(60), default="")
    raised_on: Mapped[date] = mapped_column(Date, default=today, index=True)
    #: Only published items appear on the public board.
    published: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    #: The paper or meeting it comes from, and the section of it ("13.1 Changes to the processes...").
    origin_id: Mapped[int | None] = mapped_column(ForeignKey("tracker_sources.id", ondelete="SET NULL"), index=True)
    section: Mapped[str] = mapped_column(String(300), default="")
    #: Columns of an imported tracker that were not mapped, by their own headings, in the file's order.
    extra: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    #: For a recommendation or a plan's action: what young people said that it answers, in plain words
    #: an officer wrote for them. The board shows this, never the recommendation's own text.
    plain_summary: Mapped[str] = mapped_column(Text, default="")
    #: For a recommendation or a plan's action: the "you said" (what young people said) it answers.
    answers_id: Mapped[int | None] = mapped_column(ForeignKey("you_said_items.id", ondelete="SET NULL"))

    origin: Mapped[TrackerSource | None] = relationship(back_populates="items")
    answers: Mapped[YouSaid | None] = relationship(remote_side=[id], back_populates="answered_by")
    answered_by: Mapped[list[YouSaid]] = relationship(back_populates="answers", order_by="YouSaid.id")

    themes: Mapped[list[YouSaidTheme]] = relationship(cascade="all, delete-orphan", order_by="YouSaidTheme.position")
    evidence: Mapped[list[YouSaidEvidence]] = relationship(cascade="all, delete-orphan")
    actions: Mapped[list[Action]] = relationship(back_populates="item", cascade="all, delete-orphan",
                                                 order_by="Action.id")

    @property
    def theme_keys(self) -> list[str]:
        return [t.theme.key for t in self.themes]

    @property
    def kind(self) -> str:
        """A key of SOURCE_KINDS, or "other" for an officer's own item with no source."""
        return self.origin.kind if self.origin else _KIND_OF_SOURCE.get(self.source, Source.OTHER)

    @property
    def from_young_people(self) -> bool:
        """What young people said (or an officer's own item), rather than a recommendation or a plan's action."""
        return self.kind in YOUNG_PEOPLES_KINDS or self.kind == Source.OTHER

    @property
    def board_label(self) -> str:
        """How staff pages introduce it: "You said", or "The review recommended", "Our plan says"..."""
        return "You said" if self.from_young_people else BOARD_LABELS[self.kind]

    @property
    def board_summary(self) -> str:
        """What the public board says young people said: their words, or for a recommendation or a plan's action
        the plain words an officer wrote, else the words of the "you said" it answers ("" until either is given,
        which keeps it off the board)."""
        if self.from_young_people:
            return self.summary
        return self.plain_summary.strip() or (self.answers.summary if self.answers is not None else "")


class YouSaidTheme(Model):
    """A theme a "you said" is filed under."""

    __tablename__ = "you_said_themes"
    audit_type = "you_said_theme"

    item_id: Mapped[int] = mapped_column(ForeignKey("you_said_items.id", ondelete="CASCADE"), primary_key=True)
    theme_id: Mapped[int] = mapped_column(ForeignKey("themes.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    theme = relationship("Theme", lazy="joined")


class YouSaidEvidence(Model):
    """A comment that shows what young people said."""

    __tablename__ = "you_said_evidence"
    audit_type = "you_said_evidence"

    item_id: Mapped[int] = mapped_column(ForeignKey("you_said_items.id", ondelete="CASCADE"), primary_key=True)
    answer_id: Mapped[int] = mapped_column(RandomId, ForeignKey("answers.id", ondelete="CASCADE"), primary_key=True)


class Action(Model):
    """What will be done about a "you said", by whom and when."""

    __tablename__ = "actions"
    audit_type = "action"
    #: No override is the empty word; the database refuses any override that is not a colour.
    __table_args__ = (one_of("status", ActionStatus), one_of("rag_override", ("", *RAGS)))

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("you_said_items.id", ondelete="CASCADE"), index=True)
    what: Mapped[str] = mapped_column(Text)
    #: A role or team, such as "Leaving care team"; shown to staff only.
    owner: Mapped[str] = mapped_column(String(200), default="")
    owner_user_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    due_on: Mapped[date | None] = mapped_column(Date, index=True)
    #: An ActionStatus (a key of rules.STATUSES).
    status: Mapped[str] = mapped_column(String(20), default=ActionStatus.NOT_STARTED, index=True)
    #: Why it won't be done, written for young people.
    wont_do_reason: Mapped[str] = mapped_column(Text, default="")
    #: What was done, written for young people, once it is done.
    we_did: Mapped[str] = mapped_column(Text, default="")
    done_on: Mapped[date | None] = mapped_column(Date)
    #: An officer's RAG (a Rag, or "" for none), which wins over the worked-out one, and why.
    rag_override: Mapped[str] = mapped_column(String(5), default="")
    rag_reason: Mapped[str] = mapped_column(Text, default="")
    #: Words from an imported tracker that say more than the status.
    note: Mapped[str] = mapped_column(Text, default="")
    #: The status exactly as the council wrote it ("Target date May 2014"), kept for export.
    status_words: Mapped[str] = mapped_column(Text, default="")
    #: A second (revised) target date, as some trackers give.
    second_due_on: Mapped[date | None] = mapped_column(Date)

    item: Mapped[YouSaid] = relationship(back_populates="actions")
    owner_user = relationship("StaffUser")
    updates: Mapped[list[ActionUpdate]] = relationship(back_populates="action", cascade="all, delete-orphan",
                                                       order_by="ActionUpdate.id")

    def rag(self, on: date | None = None) -> str:
        """Red, amber or green today (or on a given day); "" when closed as won't do."""
        return rag(self.status, self.due_on, on or today(), self.rag_override, self.done_on)


def _condition(rule: RagRule, on: date) -> ColumnElement[bool]:
    if rule.override:
        return Action.rag_override.in_(RAGS)
    if rule.done:
        return and_(Action.status == ActionStatus.DONE, or_(Action.done_on.is_(None), Action.done_on <= on))
    if rule.statuses:
        return Action.status.in_(rule.statuses)
    if rule.undated:
        return Action.due_on.is_(None)
    if rule.due_before is None:
        return false()
    return and_(Action.due_on.is_not(None), Action.due_on < on + timedelta(days=rule.due_before))


def rag_expression(on: date) -> ColumnElement[str]:
    """`rules.rag` as SQL, built from the same rule lines, for counting actions by RAG in the database."""
    return case(*((_condition(rule, on), Action.rag_override if rule.colour is None else literal(rule.colour))
                  for rule in RAG_RULES), else_=literal(RAG_OTHERWISE))


def overdue_expression(on: date, as_it_stood: bool = False) -> ColumnElement[bool]:
    """`rules.overdue` as SQL; `as_it_stood` reads each action's done date, as `rules.overdue` does when
    given it (an action done after `on` was still open on `on`)."""
    still_open: ColumnElement[bool] = Action.status.in_(OPEN_STATUSES)
    if as_it_stood:
        still_open = or_(still_open, and_(Action.status == ActionStatus.DONE, Action.done_on.is_not(None),
                                          Action.done_on > on))
    return and_(still_open, Action.due_on.is_not(None), Action.due_on < on)


class ActionUpdate(Model):
    """A dated note of progress on an action."""

    __tablename__ = "action_updates"
    audit_type = "action_update"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("actions.id", ondelete="CASCADE"), index=True)
    written_on: Mapped[date] = mapped_column(Date, default=today)
    text: Mapped[str] = mapped_column(Text)
    written_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))

    action: Mapped[Action] = relationship(back_populates="updates")
