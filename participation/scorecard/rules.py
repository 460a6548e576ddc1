"""The committee scorecard's rules, pure: periods, targets, values, RAG and direction of travel.

Councils report by financial year (April to March), so "Q1 2017-18" is April to June 2017 and
"Q4 2017-18" is January to March 2018. Nothing here imports Flask, SQLAlchemy or the rest of the app
but the tracker's pure rules, for the one Rag (red, amber or green) both rate with.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import total_ordering

from participation.tracker.rules import Rag


class Polarity(StrEnum):
    """Which way is better for a measure."""

    HIGH = "high"
    LOW = "low"
    NONE = "none"

    @property
    def label(self) -> str:
        return {"high": "High is good", "low": "Low is good", "none": "No polarity"}[self.value]


class Unit(StrEnum):
    """What a measure's numbers count."""

    NUMBER = "number"
    PERCENTAGE = "percentage"
    COUNT = "count"
    DAYS = "days"


class Frequency(StrEnum):
    """How often a measure is reported."""

    QUARTERLY = "quarterly"
    ANNUALLY = "annually"


class Direction(StrEnum):
    """How the latest value compares with the one before it."""

    BETTER = "better"
    WORSE = "worse"
    SAME = "same"
    UP = "up"
    DOWN = "down"

    @property
    def words(self) -> str:
        """What a screen reader says for the arrow."""
        return {"better": "better than the period before", "worse": "worse than the period before",
                "same": "the same as the period before", "up": "up on the period before",
                "down": "down on the period before"}[self.value]


def read_polarity(text: str) -> Polarity | None:
    """'High is Good', 'high', 'Low is good', '' (no polarity); None when unreadable."""
    words = re.sub(r"[^a-z]+", " ", text.lower()).split()
    if not words or words in (["none"], ["no", "polarity"], ["n", "a"], ["neutral"]):
        return Polarity.NONE
    if words[0] in ("high", "higher") or words[:2] == ["more", "is"]:
        return Polarity.HIGH
    if words[0] in ("low", "lower") or words[:2] == ["less", "is"]:
        return Polarity.LOW
    return None


# ---------------------------------------------------------------- periods

_YEAR = r"(?P<y1>(?:19|20)?\d{2})\s*[-/–]\s*(?P<y2>\d{2}(?:\d{2})?)"
_QUARTER_FIRST = re.compile(rf"^(?:q|qu|qtr|quarter)\.?\s*(?P<q>[1-4])\s*(?:of\s+)?{_YEAR}$")
_YEAR_FIRST = re.compile(rf"^{_YEAR}\s*(?:q|qu|qtr|quarter)\.?\s*(?P<q>[1-4])$")
_YEAR_ONLY = re.compile(rf"^(?:(?:yr|year)\.?\s*(?:end(?:ing)?|outturn)?\s*|outturn\s*)?{_YEAR}(?:\s*(?:year\s*end|outturn))?$")


@total_ordering
@dataclass(frozen=True)
class Period:
    """A financial year (quarter None: the year-end figure) or one of its quarters.

    `year` is the calendar year the financial year starts in: 2017 for 2017-18.
    """

    year: int
    quarter: int | None = None

    def _order(self) -> tuple[int, int]:
        return self.year, 5 if self.quarter is None else self.quarter

    def __lt__(self, other: object) -> bool:  # year-end figures sort after the year's fourth quarter
        if not isinstance(other, Period):
            return NotImplemented
        return self._order() < other._order()

    @property
    def year_label(self) -> str:
        return f"{self.year}-{(self.year + 1) % 100:02d}"

    @property
    def key(self) -> str:
        """How the period is stored and named in exported headings: '2017-18' or 'Q3 2017-18'."""
        return self.year_label if self.quarter is None else f"Q{self.quarter} {self.year_label}"

    @property
    def heading(self) -> str:
        """How the period heads a column: 'Year end 2016-17' or 'Q3 2017-18'."""
        return f"Year end {self.year_label}" if self.quarter is None else self.key

    @property
    def starts_on(self) -> date:
        if self.quarter is None:
            return date(self.year, 4, 1)
        month = 4 + 3 * (self.quarter - 1)
        return date(self.year + month // 13, (month - 1) % 12 + 1, 1)

    @property
    def ends_on(self) -> date:
        if self.quarter is None:
            return date(self.year + 1, 3, 31)
        month = 3 + 3 * self.quarter  # 6, 9, 12, 15
        year = self.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        return date(year, month, 30 if month in (6, 9) else 31)


def read_period(text: str) -> Period | None:
    """A column heading or stored key as a period: 'Qu 1 17-18', 'Q3 17-18', 'Yr. end 16-17',
    'Q2 2027/28', '2017-18 Q3', '2016-17'. None when it names no period."""
    cleaned = re.sub(r"\s+", " ", text.strip().lower()).replace("financial year", "").strip()
    for pattern in (_QUARTER_FIRST, _YEAR_FIRST, _YEAR_ONLY):
        match = pattern.match(cleaned)
        if not match:
            continue
        first = int(match["y1"]) if len(match["y1"]) == 4 else 2000 + int(match["y1"])
        second = int(match["y2"][-2:])
        if (first + 1) % 100 != second:
            return None
        return Period(first, int(match["q"]) if "q" in match.groupdict() and match.groupdict().get("q") else None)
    return None


def period_for(day: date) -> Period:
    """The quarter a day falls in."""
    year = day.year if day.month >= 4 else day.year - 1
    quarter = ((day.month - 4) % 12) // 3 + 1
    return Period(year, quarter)


# ---------------------------------------------------------------- numbers, targets and values

_NUMBER = r"[-+]?\d[\d,]*(?:\.\d+)?"
_RANGE = re.compile(rf"^\s*({_NUMBER})\s*(%?)\s*(?:-|–|to)\s*({_NUMBER})\s*(%?)\s*$")
_LEADING_NUMBER = re.compile(rf"^\s*({_NUMBER})\s*(%?)(?=\s|$|\()")


def _number(text: str) -> float:
    return float(text.replace(",", ""))


@dataclass(frozen=True)
class Target:
    """A measure's target as the council wrote it, and what can be read from it."""

    written: str
    low: float | None = None
    high: float | None = None

    @property
    def kind(self) -> str:
        """'number', 'range', 'words' or 'none'."""
        if not self.written.strip():
            return "none"
        if self.low is None:
            return "words"
        return "number" if self.low == self.high else "range"


def read_target(text: str) -> Target:
    """'70%' and '121' are numbers, '380-430' a range; anything else ('30 annually') is words."""
    written = text.strip()
    whole = re.fullmatch(rf"\s*({_NUMBER})\s*%?\s*", written)
    if whole:
        value = _number(whole[1])
        return Target(written, value, value)
    band = _RANGE.match(written)
    if band:
        low, high = sorted((_number(band[1]), _number(band[3])))
        return Target(written, low, high)
    return Target(written)


@dataclass(frozen=True)
class Value:
    """One period's value as written ('93% (July fig)', 'Data not available') and its number, if any."""

    written: str
    number: float | None
    percent: bool = False


def read_value(text: str) -> Value:
    """A cell of the scorecard: a number, a percentage, a number with words after it, or words alone."""
    written = text.strip()
    match = _LEADING_NUMBER.match(written)
    if not match:
        return Value(written, None)
    return Value(written, _number(match[1]), match[2] == "%")


def format_number(number: float, unit: Unit) -> str:
    """How a number fed by the product is written in the scorecard."""
    shown = f"{number:.1f}".rstrip("0").rstrip(".") if number != int(number) else str(int(number))
    return f"{shown}%" if unit is Unit.PERCENTAGE else shown


# ---------------------------------------------------------------- RAG and direction

#: How close to the target, as a share of it, counts as amber rather than red, unless a measure says otherwise.
DEFAULT_TOLERANCE = 0.05


def rag(polarity: Polarity, target: Target, value: float | None, tolerance: float = DEFAULT_TOLERANCE) -> Rag | None:
    """Green on target, amber within `tolerance` of it, red beyond; None when it cannot be worked out.

    A number target needs a polarity. A range is green inside it (and beyond the good end when the
    measure has a polarity), amber within `tolerance` of the nearest end, red further out. Words
    ('30 annually') and missing values are for a person to rate by hand.
    """
    if value is None or target.low is None or target.high is None:
        return None
    low, high = target.low, target.high
    if low == high:
        if polarity is Polarity.NONE:
            return None
        if (value >= low) if polarity is Polarity.HIGH else (value <= low):
            return Rag.GREEN
        gap = abs(value - low)
        return Rag.AMBER if gap <= abs(low) * tolerance else Rag.RED
    if low <= value <= high or (polarity is Polarity.HIGH and value > high) or (polarity is Polarity.LOW and value < low):
        return Rag.GREEN
    edge = low if value < low else high
    return Rag.AMBER if abs(value - edge) <= abs(edge) * tolerance else Rag.RED


def direction(polarity: Polarity, previous: float | None, latest: float | None) -> Direction | None:
    """Better, worse or the same as the previous value; up or down for a measure with no polarity."""
    if previous is None or latest is None:
        return None
    if latest == previous:
        return Direction.SAME
    went_up = latest > previous
    if polarity is Polarity.NONE:
        return Direction.UP if went_up else Direction.DOWN
    return Direction.BETTER if went_up == (polarity is Polarity.HIGH) else Direction.WORSE


def arrow(previous: float | None, latest: float | None) -> str:
    """The arrow councils draw for the direction of travel: ↑ up, ↓ down, → level; '' when unknown."""
    if previous is None or latest is None:
        return ""
    return "→" if latest == previous else ("↑" if latest > previous else "↓")


def read_unit(measure: str, written_values: list[str]) -> Unit:
    """A measure's unit from its name and its values, as the council wrote them."""
    name = measure.lower()
    if any(v.strip().endswith("%") or re.match(rf"{_NUMBER}\s*%", v.strip()) for v in written_values) or \
            name.startswith(("%", "percentage", "rate of", "proportion")):
        return Unit.PERCENTAGE
    if "days" in name:
        return Unit.DAYS
    if name.startswith(("number", "no.", "count")):
        return Unit.COUNT
    return Unit.NUMBER
