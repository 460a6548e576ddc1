"""Reading and writing the scorecard in the shape councils keep it, pure.

One row per measure and a column per period, with heading rows ("Involve Me") that have only
their first cell filled. Columns are recognised by their headings; a period column by a heading
such as "Q3 17-18" or "Yr. end 16-17"; comparator columns ("Stat Neigh Av", "National Av") and
priority columns keep their own headings; any other column is kept under its heading too, so an
import loses nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from participation.scorecard.rules import (
    Frequency, Period, Polarity, Rag, Unit, read_period, read_polarity, read_unit, read_value)

#: Our own field -> headings councils use for it (compared lower case, without punctuation).
FIELD_HEADINGS: dict[str, tuple[str, ...]] = {
    "reference": ("ref", "reference", "ref no", "measure ref", "pi ref", "code"),
    "name": ("measure", "indicator", "measure name", "performance indicator", "name"),
    "lead": ("department lead", "lead", "lead officer", "responsible", "owner", "service lead"),
    "polarity": ("polarity", "good is"),
    "target": ("target", "target 17 18", "annual target"),
    "rag": ("rag", "rag rating", "status"),
    "arrow": ("quarterly dir of travel", "dir of travel", "direction of travel", "direction", "dot", "trend"),
    "notes": ("comments", "comment", "commentary", "notes", "narrative"),
    "unit": ("unit",),
    "frequency": ("frequency", "reported"),
    "tolerance": ("amber within", "tolerance"),
}
_COMPARATOR = re.compile(r"\b(?:av|avg|average|neighbour|neighbours|neigh|national|england|wales|comparator|benchmark)\b")
_PRIORITY = re.compile(r"\bpriorit")

#: The headings our export writes, in order, before the comparators, periods and priorities.
EXPORT_FIELDS = (("reference", "Ref"), ("lead", "Department Lead"), ("name", "Measure"), ("polarity", "Polarity"),
                 ("unit", "Unit"), ("frequency", "Frequency"), ("tolerance", "Amber within"))
EXPORT_AFTER = (("target", "Target"),)
EXPORT_TAIL = (("rag", "RAG"), ("arrow", "Direction of travel"), ("notes", "Comments"))


class SheetError(ValueError):
    """The file cannot be read as a scorecard; the message says where and why in plain words."""


def _key(heading: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", heading.lower()).split())


@dataclass
class Layout:
    """What each column of a scorecard file holds."""

    fields: dict[str, int] = field(default_factory=dict)
    periods: list[tuple[int, Period]] = field(default_factory=list)
    comparators: list[tuple[int, str]] = field(default_factory=list)
    priorities: list[tuple[int, str]] = field(default_factory=list)
    others: list[tuple[int, str]] = field(default_factory=list)


def read_layout(header: list[str]) -> Layout:
    """Recognise every column by its heading; refuse a file with no reference or measure column."""
    layout = Layout()
    known = {alias: name for name, aliases in FIELD_HEADINGS.items() for alias in aliases}
    for index, heading in enumerate(header):
        key = _key(heading)
        if not key:
            continue
        period = read_period(heading)
        if period is not None:
            if any(p == period for _, p in layout.periods):
                raise SheetError(f"Two columns are for the same period ({period.heading}).")
            layout.periods.append((index, period))
        elif key in known and known[key] not in layout.fields:
            layout.fields[known[key]] = index
        elif _PRIORITY.search(key):
            layout.priorities.append((index, heading.strip()))
        elif _COMPARATOR.search(key):
            layout.comparators.append((index, heading.strip()))
        else:
            layout.others.append((index, heading.strip()))
    missing = [label for name, label in (("reference", "Ref"), ("name", "Measure")) if name not in layout.fields]
    if missing:
        raise SheetError(f"We could not find the {' and '.join(missing)} column. The first row must name the "
                         "columns, for example Ref, Measure, Polarity, Target, Q1 2017-18.")
    return layout


@dataclass
class MeasureRow:
    """One measure as read from the file, with how each cell was read."""

    line: int
    group: str
    reference: str
    name: str
    lead: str = ""
    polarity: Polarity = Polarity.NONE
    unit: Unit = Unit.NUMBER
    frequency: Frequency = Frequency.QUARTERLY
    tolerance: float | None = None
    target: str = ""
    rag: Rag | None = None
    arrow: str = ""
    notes: str = ""
    comparators: dict[str, str] = field(default_factory=dict)
    priorities: dict[str, str] = field(default_factory=dict)
    others: dict[str, str] = field(default_factory=dict)
    values: dict[Period, str] = field(default_factory=dict)


@dataclass
class Sheet:
    """A whole scorecard file: its groups in order and its measures."""

    layout: Layout
    groups: list[str]
    measures: list[MeasureRow]


_TAG = re.compile(r"</?(?:i|b|em|strong|u|br|span|p)\b[^>]*>", re.IGNORECASE)
_ARROWS = {"↑": "↑", "⬆": "↑", "up": "↑", "↓": "↓", "⬇": "↓", "down": "↓", "→": "→", "↔": "→", "⟶": "→",
           "same": "→", "level": "→", "": ""}


def _clean(cell: str) -> str:
    """A cell's words without the italics and bold marks a word processor leaves behind."""
    return " ".join(_TAG.sub("", cell).split())


def _rag(cell: str, line: int) -> Rag | None:
    words = cell.strip().lower()
    if not words:
        return None
    for rag in Rag:
        if words in (rag.value, rag.value[0]):
            return rag
    raise SheetError(f"Line {line}: the RAG rating '{cell}' should be Red, Amber or Green, or left empty.")


def read_sheet(header: list[str], rows: list[list[str]], first_line: int = 2) -> Sheet:
    """Read every row; a heading row starts a group; refuse the whole file on the first unreadable row."""
    layout = read_layout(header)
    groups: list[str] = []
    measures: list[MeasureRow] = []
    seen: dict[str, int] = {}
    group = ""
    for offset, row in enumerate(rows):
        line = first_line + offset
        cells = [_clean(c) for c in row] + [""] * max(0, len(header) - len(row))
        extra = [c for c in cells[len(header):] if c]
        if extra:
            raise SheetError(f"Line {line} has more cells than the first row has headings.")
        filled = [i for i, c in enumerate(cells) if c]
        if not filled:
            continue
        if filled == [0] or (len(filled) == 1 and filled[0] != layout.fields["reference"]):
            group = cells[filled[0]]
            if group not in groups:
                groups.append(group)
            continue
        measures.append(_measure(layout, cells, line, group or "Measures", seen))
        if (group or "Measures") not in groups:
            groups.append(group or "Measures")
    if not measures:
        raise SheetError("The file has no measures in it: each measure needs a Ref and a Measure.")
    return Sheet(layout, groups, measures)


def _measure(layout: Layout, cells: list[str], line: int, group: str, seen: dict[str, int]) -> MeasureRow:
    get = {name: cells[index] for name, index in layout.fields.items()}
    reference, name = get["reference"], get["name"]
    if not reference or not name:
        raise SheetError(f"Line {line}: every measure needs both a Ref and a Measure.")
    if reference in seen:
        raise SheetError(f"Line {line}: the Ref {reference} is already used on line {seen[reference]}.")
    seen[reference] = line
    polarity = read_polarity(get.get("polarity", ""))
    if polarity is None:
        raise SheetError(f"Line {line}: the polarity '{get['polarity']}' should be High is Good, Low is Good, "
                         "or left empty.")
    values = {period: cells[index] for index, period in layout.periods if cells[index]}
    row = MeasureRow(
        line=line, group=group, reference=reference, name=name, lead=get.get("lead", ""), polarity=polarity,
        unit=_unit(get.get("unit", ""), name, list(values.values()), line),
        frequency=_frequency(get.get("frequency", ""), line), tolerance=_tolerance(get.get("tolerance", ""), line),
        target=get.get("target", ""), rag=_rag(get.get("rag", ""), line), notes=get.get("notes", ""),
        comparators={h: cells[i] for i, h in layout.comparators if cells[i]},
        priorities={h: cells[i] for i, h in layout.priorities if cells[i]},
        others={h: cells[i] for i, h in layout.others if cells[i]}, values=values)
    arrow = get.get("arrow", "").strip()
    if arrow.lower() not in _ARROWS and arrow not in _ARROWS:
        raise SheetError(f"Line {line}: the direction of travel '{arrow}' should be an arrow (↑ ↓ →) or left empty.")
    row.arrow = _ARROWS.get(arrow, _ARROWS.get(arrow.lower(), ""))
    return row


def _unit(cell: str, name: str, values: list[str], line: int) -> Unit:
    if not cell:
        return read_unit(name, values)
    try:
        return Unit(cell.strip().lower())
    except ValueError:
        raise SheetError(f"Line {line}: the unit '{cell}' should be one of "
                         f"{', '.join(u.value for u in Unit)}.") from None


def _frequency(cell: str, line: int) -> Frequency:
    words = cell.strip().lower()
    if not words:
        return Frequency.QUARTERLY
    for frequency in Frequency:
        if words in (frequency.value, frequency.value.rstrip("ly"), "annual" if frequency is Frequency.ANNUALLY else ""):
            return frequency
    raise SheetError(f"Line {line}: the frequency '{cell}' should be quarterly or annually.")


def _tolerance(cell: str, line: int) -> float | None:
    if not cell.strip():
        return None
    value = read_value(cell)
    if value.number is None or not 0 <= value.number <= 100:
        raise SheetError(f"Line {line}: 'Amber within' should be a percentage such as 5%.")
    return value.number / 100


def value_number(written: str) -> float | None:
    """The number a value cell holds, if any."""
    return read_value(written).number
