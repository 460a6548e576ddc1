"""Reading and writing the scorecard in the shape councils keep it, pure.

One row per measure and a column per period, with heading rows ("Involve Me") that have only
their first cell filled. Columns are recognised by their headings; a period column by a heading
such as "Q3 17-18" or "Yr. end 16-17"; comparator columns ("Stat Neigh Av", "National Av") and
priority columns keep their own headings; any other column is kept under its heading too, so an
import loses nothing.
"""

from __future__ import annotations

import csv
import io
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
#: Arrows and words councils draw for the direction of travel -> the arrow they mean.
ARROWS = {"↑": "↑", "⬆": "↑", "⇧": "↑", "🡅": "↑", "up": "↑", "↓": "↓", "⬇": "↓", "⇩": "↓", "🡇": "↓", "down": "↓",
          "→": "→", "➡": "→", "↔": "→", "⟶": "→", "⇨": "→", "🡆": "→", "same": "→", "level": "→", "": ""}


def arrow_meant(drawn: str) -> str | None:
    """The arrow (↑ ↓ →) a drawn arrow or word means; '' for none, None when it is no arrow we know."""
    drawn = drawn.strip().replace("\ufe0f", "")
    return ARROWS.get(drawn, ARROWS.get(drawn.lower()))


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


def _filled(row: list[str]) -> int:
    return sum(1 for cell in row if cell.strip())


def _spans(columns: list[int]) -> list[list[int]]:
    """Runs of neighbouring column numbers: [1, 2, 5] -> [[1, 2], [5]]."""
    spans: list[list[int]] = []
    for column in columns:
        if spans and spans[-1][-1] == column - 1:
            spans[-1].append(column)
        else:
            spans.append([column])
    return spans


def without_spacers(width: int, rows: list[list[str]], lines: list[int]) -> list[list[str]]:
    """Rows of a text table with the empty spacer cells a committee paper's page layout leaves taken out.

    A table copied out of a paper can carry one more empty cell on every row of one of its pages (the
    seed's "Keep Me Healthy" page has one between Q4 and RAG). Rows one after another (heading rows aside)
    that have the same number of cells, more than the heading row, are a run. Empty cells at the end of
    the rows are dropped; otherwise one extra cell is taken out of the one block of columns that is empty
    on every row of the run (whichever of them, the rows read the same). When that cannot be told for sure
    (a single wide row, two empty blocks, or more than one cell too many) the file is refused naming the lines, so a shifted row is never read as if
    it were right. Only text keeps how many cells each row had; an Excel sheet's rows all reach its
    widest, so there a row with something beyond the headings is refused (see read_sheet).
    """
    out = [list(row) for row in rows]
    wide = [i for i, row in enumerate(rows) if len(row) > width and _filled(row) > 1]
    runs: list[list[int]] = []
    for i in wide:
        if runs and len(rows[i]) == len(rows[runs[-1][-1]]) and \
                all(_filled(rows[j]) <= 1 for j in range(runs[-1][-1] + 1, i)):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        run_width = len(rows[run[0]])
        extra = run_width - width
        empty = [c for c in range(run_width) if all(not rows[i][c].strip() for i in run)]
        spans = [span for span in _spans(empty) if len(span) >= extra]
        at_end = [span for span in spans if span[-1] == run_width - 1]
        if at_end:
            drop = set(at_end[0][-extra:])
        elif extra == 1 and len(run) > 1 and len(spans) == 1:  # any column of the one empty block: the same
            drop = set(spans[0][-extra:])
        else:
            where = f"Line {lines[run[0]]} has" if len(run) == 1 else f"Lines {lines[run[0]]} to {lines[run[-1]]} have"
            raise SheetError(f"{where} more cells than the heading row has headings ({run_width}, not {width}), so "
                             "cells would land in the wrong columns. Nothing was imported. Take the extra cells out "
                             f"of {'that line' if len(run) == 1 else 'those lines'} and try again.")
        for i in run:
            out[i] = [cell for c, cell in enumerate(out[i]) if c not in drop]
    return out


def read_sheet(header: list[str], rows: list[list[str]], first_line: int = 2, lines: list[int] | None = None,
               exact: bool = False) -> Sheet:
    """Read every row; a heading row starts a group; refuse the whole file on the first unreadable row.

    `lines` gives the line of the file each row is on (one after another from `first_line` without it).
    """
    header = list(header)
    while header and not header[-1].strip():
        header.pop()
    layout = read_layout(header)
    lines = lines if lines is not None else [first_line + offset for offset in range(len(rows))]
    if exact:
        rows = without_spacers(len(header), rows, lines)
    groups: list[str] = []
    measures: list[MeasureRow] = []
    seen: dict[str, int] = {}
    group = ""
    for line, row in zip(lines, rows):
        if exact and len(row) < len(header) and _filled(row) > 1:
            raise SheetError(f"Line {line} has {len(row)} cells but the heading row has {len(header)} headings, so "
                             "its cells would land in the wrong columns. Nothing was imported. Check that line (a "
                             "missing separator, or a double quote not closed) and try again.")
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


def _heading_row(cells: list[str]) -> bool:
    try:
        read_layout(cells)
    except SheetError:
        return False
    return True


@dataclass
class Table:
    """The scorecard's table as found in a file: its heading row, its rows and the lines they are on."""

    header: list[str]
    rows: list[list[str]]
    lines: list[int]
    #: The row numbers or lines the table was read from, when the file holds more than the table.
    found: tuple[int, int] | None = None
    exact: bool = True


#: Separators a scorecard saved as text may use, tab first: a table copied out of a paper is tab-separated.
_SEPARATORS = ("\t", ",", ";")


def table_in_text(text: str, max_rows: int) -> Table:
    """The scorecard in CSV or tab-separated text: a spreadsheet saved as text, or a whole committee paper.

    The heading row is the first line that names the Ref and Measure columns. When lines come before it (a
    title, or the rest of the paper) the table ends at the first line after it with no separator in it
    (the paper's text goes on); empty lines inside the table, where its pages break, are passed over.
    """
    physical = text.split("\n")
    for number, line in enumerate(physical, start=1):
        separator = next((s for s in _SEPARATORS if s in line and _heading_row(line.split(s))), None)
        if separator is not None:
            break
    else:  # no heading row anywhere: say what the first line lacks
        first = next((line for line in physical if line.strip()), "")
        read_layout(next(csv.reader([first], delimiter=next((s for s in _SEPARATORS if s in first), ",")), []))
        raise SheetError("We could not find the Ref and Measure column.")  # pragma: no cover (read_layout says why)
    reader = csv.reader(io.StringIO("\n".join(physical[number - 1:]), newline=""), delimiter=separator,
                        quotechar='"', doublequote=True, strict=True)
    inside = number > 1
    try:
        header = [cell.strip() for cell in next(reader)]
        rows: list[list[str]] = []
        lines: list[int] = []
        last = number
        at = number + reader.line_num
        for row in reader:
            if inside and len(row) == 1 and row[0].strip():
                break
            if len(rows) > max_rows:
                raise SheetError(f"The file has more than {max_rows:,} rows. Split it and import each part.")
            rows.append([cell.strip() for cell in row])
            lines.append(at)
            if any(cell.strip() for cell in row):
                last = number + reader.line_num - 1
            at = number + reader.line_num
    except csv.Error:
        raise SheetError(f"Line {number + reader.line_num - 1} could not be read: a double quote is not closed "
                         "or is followed by other text. Nothing was imported.") from None
    return Table(header, rows, lines, (number, last) if inside else None, exact=True)


def table_in_sheet(header: list[str], rows: list[list[str]]) -> Table:
    """The scorecard in a spreadsheet's first sheet, whose heading row may come after a title or two."""
    table = [header] + rows
    start = next((i for i, cells in enumerate(table[:50]) if _heading_row(cells)), 0)
    found = (start + 1, len(table)) if start else None
    return Table(table[start], table[start + 1:], list(range(start + 2, len(table) + 1)), found, exact=False)


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
    if arrow_meant(arrow) is None:
        raise SheetError(f"Line {line}: the direction of travel '{arrow}' should be an arrow (↑ ↓ →) or left empty.")
    row.arrow = arrow  # kept as the council drew it: ⬆ stays ⬆
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
