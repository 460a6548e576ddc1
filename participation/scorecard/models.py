"""MeasureGroup, Measure and MeasureValue: the committee's own scorecard.

A measure is what the council defines and reports each period ("% of cared for children reviews in
timescales", High is good, target 95%). Its values are kept as the council wrote them, with the
number read from them where there is one. RAG and direction are worked out when read (see
rules.py) unless someone set the RAG by hand, with a reason.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from participation.db import Model, one_of
from participation.scorecard.rules import (
    DEFAULT_TOLERANCE, Frequency, Period, Polarity, Rag, Target, Unit, read_period, read_target)


class MeasureGroup(Model):
    """A heading of the scorecard, in the council's own words and order ("Involve Me")."""

    __tablename__ = "measure_groups"
    audit_type = "measure_group"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    measures: Mapped[list[Measure]] = relationship(back_populates="group", order_by="Measure.position")


class Measure(Model):
    """One line of the scorecard."""

    __tablename__ = "measures"
    audit_type = "measure"
    __table_args__ = (one_of("polarity", Polarity), one_of("unit", Unit), one_of("frequency", Frequency),
                      one_of("rag_override", ("", *Rag)))

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("measure_groups.id", ondelete="RESTRICT"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: The council's reference, such as "P2.7".
    reference: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(Text)
    #: A role or team ("Head of Cared for Children"), not a person's account.
    lead: Mapped[str] = mapped_column(String(300), default="")
    polarity: Mapped[str] = mapped_column(String(10), default=Polarity.NONE)
    unit: Mapped[str] = mapped_column(String(12), default=Unit.NUMBER)
    frequency: Mapped[str] = mapped_column(String(12), default=Frequency.QUARTERLY)
    #: The target as written: "95%", "380-430", "30 annually".
    target: Mapped[str] = mapped_column(String(200), default="")
    #: How close to the target, as a share of it, is amber rather than red.
    tolerance: Mapped[float] = mapped_column(Float, default=DEFAULT_TOLERANCE)
    #: Comparator name -> value as written, in the scorecard's column order: {"Stat Neigh Av": "56"}.
    comparators: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    #: Priority column heading -> what it says: {"C&YP Plan Priority": "2 Feel & Be Safe"}.
    priorities: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    #: The commentary for the latest period, as the council wrote it.
    notes: Mapped[str] = mapped_column(Text, default="")
    #: Where the product feeds the value from, or {} when someone types it: {"kind": "survey-answer", ...}.
    feed: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    #: The RAG rating set by hand for the latest period ("" when worked out), with its reason.
    rag_override: Mapped[str] = mapped_column(String(5), default="")
    rag_reason: Mapped[str] = mapped_column(Text, default="")
    #: The direction-of-travel arrow as the council wrote it, kept so an import exports back unchanged.
    arrow_written: Mapped[str] = mapped_column(String(10), default="")

    group: Mapped[MeasureGroup] = relationship(back_populates="measures")
    values: Mapped[list[MeasureValue]] = relationship(back_populates="measure", cascade="all, delete-orphan")

    @property
    def polarity_enum(self) -> Polarity:
        return Polarity(self.polarity)

    @property
    def unit_enum(self) -> Unit:
        return Unit(self.unit)

    @property
    def target_read(self) -> Target:
        return read_target(self.target)

    @property
    def rag_set_by_hand(self) -> Rag | None:
        return Rag(self.rag_override) if self.rag_override else None


class MeasureValue(Model):
    """A measure's value for one period, as written, with an optional comment."""

    __tablename__ = "measure_values"
    audit_type = "measure_value"
    __table_args__ = (UniqueConstraint("measure_id", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measures.id", ondelete="CASCADE"), index=True)
    #: The period's key: "Q3 2017-18" or "2016-17" (a year-end figure).
    period: Mapped[str] = mapped_column(String(20))
    #: As written: "98%", "93% (July fig)", "Data not available at quarter 3".
    written: Mapped[str] = mapped_column(Text, default="")
    #: The number read from it, if any.
    number: Mapped[float | None] = mapped_column(Float)
    comment: Mapped[str] = mapped_column(Text, default="")

    measure: Mapped[Measure] = relationship(back_populates="values")

    @property
    def period_read(self) -> Period:
        period = read_period(self.period)
        if period is None:  # only stored through read_period, so always readable
            raise ValueError(f"unreadable period {self.period!r}")
        return period
