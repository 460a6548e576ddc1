"""The scorecard's services: import and export, values by period, and the scorecard as the committee reads it.

Services take the session and the acting officer, flush and never commit (see core/transaction.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from participation.auth import services as audit
from participation.auth.models import Actor
from participation.core.transaction import Refused
from participation.db import today
from participation.scorecard import feeds
from participation.scorecard.models import Measure, MeasureGroup, MeasureValue
from participation.scorecard.rules import (
    DEFAULT_TOLERANCE, Direction, Frequency, Period, Polarity, Rag, Unit, arrow, direction, period_for, rag, read_period,
    read_target, read_value)
from participation.core.spreadsheets import UnreadableFile, decode_upload, read_xlsx
from participation.scorecard.sheet import (
    EXPORT_AFTER, EXPORT_FIELDS, EXPORT_TAIL, MeasureRow, Sheet, SheetError, Table, arrow_meant, read_sheet,
    table_in_sheet, table_in_text)

#: Larger scorecard files are refused before they are read, and longer ones once this many rows are read. A file
#: checked is kept in the page until the officer confirms, and sent back then a third larger (base64), so it must
#: fit within the largest request the app takes (MAX_CONTENT_LENGTH, 2 MB) that way too.
MAX_FILE = 1024 * 1024
MAX_ROWS = 2000
TOO_BIG = f"The file is larger than {MAX_FILE // (1024 * 1024)} MB. Save only the scorecard's sheet and try again."

_ARROW_WENT_UP = {"↑": True, "↓": False, "→": None}


@dataclass(frozen=True)
class Shown:
    """One period's value as shown: as written, its number, and its comment."""

    written: str
    number: float | None
    comment: str = ""


@dataclass(frozen=True)
class Reading:
    """A measure as the committee reads it for the latest period it has a value for."""

    measure: Measure
    values: dict[Period, Shown]
    latest: Period | None
    latest_value: str
    rag: Rag | None
    rag_by_hand: bool
    direction: Direction | None
    #: The arrow as the council drew it (⬆ stays ⬆ in an export), or as worked out.
    arrow: str
    comment: str

    @property
    def arrow_shown(self) -> str:
        """The arrow drawn on screen and on paper: ↑ ↓ or →, whichever glyph the council used."""
        return arrow_meant(self.arrow) or self.arrow


def _arrow_direction(polarity: Polarity, drawn: str) -> Direction | None:
    meant = arrow_meant(drawn)
    if meant not in _ARROW_WENT_UP:
        return None
    went_up = _ARROW_WENT_UP[meant]
    if went_up is None:
        return Direction.SAME
    if polarity is Polarity.NONE:
        return Direction.UP if went_up else Direction.DOWN
    return Direction.BETTER if went_up == (polarity is Polarity.HIGH) else Direction.WORSE


def _numbers(values: dict[Period, Shown]) -> list[tuple[Period, float]]:
    return sorted((p, v.number) for p, v in values.items() if v.number is not None)


def worked_out(measure: Measure, values: dict[Period, Shown]) -> tuple[Rag | None, str]:
    """The RAG and arrow worked out from the measure's own numbers (ignoring anything set by hand)."""
    numbers = _numbers(values)
    latest = numbers[-1][1] if numbers else None
    previous = numbers[-2][1] if len(numbers) > 1 else None
    return (rag(measure.polarity_enum, measure.target_read, latest, measure.tolerance),
            arrow(previous, latest))


def stored_values(measure: Measure) -> dict[Period, Shown]:
    """A measure's values as stored, by period."""
    return {v.period_read: Shown(v.written, v.number, v.comment) for v in measure.values}


def read_measure(measure: Measure, values: dict[Period, Shown] | None = None) -> Reading:
    """Latest value, RAG (worked out, or set by hand with a reason) and direction of travel.

    `values` replaces the stored values, for a measure the product feeds.
    """
    if values is None:
        values = stored_values(measure)
    latest = max(values) if values else None
    numbers = _numbers(values)
    computed_rag, computed_arrow = worked_out(measure, values)
    drawn = measure.arrow_written or computed_arrow
    if measure.arrow_written:
        travel = _arrow_direction(measure.polarity_enum, drawn)
    else:
        travel = direction(measure.polarity_enum, numbers[-2][1] if len(numbers) > 1 else None,
                           numbers[-1][1] if numbers else None)
    set_by_hand = measure.rag_set_by_hand
    latest_value = values[latest] if latest is not None else None
    return Reading(measure, values, latest, latest_value.written if latest_value else "",
                   set_by_hand or computed_rag, set_by_hand is not None, travel, drawn,
                   latest_value.comment if latest_value else "")


@dataclass(frozen=True)
class Scorecard:
    """The whole scorecard: groups in the council's order, each with its measures read."""

    groups: list[tuple[MeasureGroup, list[Reading]]]
    periods: list[Period]

    @property
    def empty(self) -> bool:
        return not any(readings for _, readings in self.groups)


def scorecard(session: Session, exact: bool) -> Scorecard:
    """Every measure read for the committee; values the product feeds are worked out from its data."""
    groups = session.scalars(
        select(MeasureGroup).order_by(MeasureGroup.position, MeasureGroup.id)
        .options(selectinload(MeasureGroup.measures).selectinload(Measure.values))).all()
    typed = sorted({v.period_read for g in groups for m in g.measures if not m.feed for v in m.values})
    shown: list[tuple[MeasureGroup, list[Reading]]] = []
    periods: set[Period] = set()
    for group in groups:
        readings = []
        for measure in group.measures:
            reading = read_measure(measure, fed_values(session, measure, typed, exact) if measure.feed else None)
            periods.update(reading.values)
            readings.append(reading)
        if readings:
            shown.append((group, readings))
    return Scorecard(shown, sorted(periods))


def scorecard_reading(session: Session, measure: Measure, exact: bool) -> Reading:
    """One measure read as the scorecard reads it, fed values included."""
    if not measure.feed:
        return read_measure(measure)
    rows = session.execute(select(MeasureValue.period, Measure.feed).join(Measure)).all()
    typed = sorted({p for p in (read_period(period) for period, feed in rows if not feed) if p})
    return read_measure(measure, fed_values(session, measure, typed, exact))


def fed_values(session: Session, measure: Measure, typed: list[Period], exact: bool) -> dict[Period, Shown]:
    """A fed measure's values for the scorecard's periods and the quarter we are in, from the product's data.

    A comment typed against a period is kept beside the fed value.
    """
    comments = {v.period_read: v.comment for v in measure.values}
    periods = sorted(set(typed) | {period_for(today())})
    values = {}
    for period in periods:
        figure = feeds.value_for(session, measure.feed, period, exact)
        if figure.written:
            values[period] = Shown(figure.written, figure.number, comments.get(period, ""))
    return values


# ---------------------------------------------------------------- import

@dataclass(frozen=True)
class CellReading:
    """How one cell of the file was read, for the preview."""

    heading: str
    written: str
    read_as: str


@dataclass(frozen=True)
class Preview:
    """What an import would store: every measure and how each of its cells was read."""

    sheet: Sheet
    rows: list[tuple[MeasureRow, list[CellReading], list[str]]]
    replaces: int
    #: Where in the file the table was found, when the file holds more than the table.
    found: tuple[int, int] | None = None


def read_file(data: bytes, filename: str) -> Table:
    """The scorecard's table in an uploaded file: Excel (.xlsx), CSV, or tab-separated text such as a
    committee paper saved as text, whose scorecard table is found inside it."""
    try:
        if len(data) > MAX_FILE:
            raise Refused(TOO_BIG)
        if filename.lower().endswith((".xlsx", ".xlsm")) or data.startswith(b"PK\x03\x04"):
            return table_in_sheet(*read_xlsx(data, MAX_ROWS))
        if filename.lower().endswith(".xls"):
            raise Refused("Old Excel files (.xls) cannot be read. Save it as .xlsx or as CSV.")
        text = decode_upload(data)
        if not text.strip():
            raise Refused("The file is empty.")
        return table_in_text(text, MAX_ROWS)
    except (UnreadableFile, SheetError) as error:
        raise Refused(str(error)) from None


def as_table(header: list[str], rows: list[list[str]]) -> Table:
    """Cells already read (a table of lists) as a table with its heading row first."""
    return Table(header, rows, list(range(2, len(rows) + 2)), None, exact=False)


def preview(session: Session, table: Table) -> Preview:
    """Read the whole file, or refuse it naming the line; nothing is stored."""
    try:
        sheet = read_sheet(table.header, table.rows, lines=table.lines, exact=table.exact)
    except SheetError as error:
        raise Refused(str(error)) from None
    shown = []
    for row in sheet.measures:
        cells = [CellReading("Department Lead", row.lead, "the lead" if row.lead else "no lead"),
                 CellReading("Polarity", "", row.polarity.label), CellReading("Unit", "", row.unit.value)]
        target = _target_words(row.target)
        cells.append(CellReading("Target", row.target, target))
        for period, written in sorted(row.values.items()):
            value = read_value(written)
            cells.append(CellReading(period.heading, written,
                                     "a number: " + _short(value.number) if value.number is not None else "words"))
        cells.append(CellReading("RAG", row.rag.value.capitalize() if row.rag else "",
                                 "set in the file" if row.rag else "worked out from the target"))
        meant = arrow_meant(row.arrow)
        cells.append(CellReading("Direction of travel", row.arrow,
                                 {"↑": "up", "↓": "down", "→": "level"}[meant] if meant else "worked out from the values"))
        cells.append(CellReading("Comments", row.notes, "the comment" if row.notes else "none"))
        checks = _checks(row)
        shown.append((row, cells, checks))
    existing = session.scalar(select(Measure.id).limit(1))
    return Preview(sheet, shown, 1 if existing is not None else 0, table.found)


def _short(number: float) -> str:
    return f"{number:g}"


def _target_words(written: str) -> str:
    target = read_target(written)
    return {"none": "no target", "words": "words (rated by hand)",
            "number": f"a number: {_short(target.low or 0)}",
            "range": f"a range: {_short(target.low or 0)} to {_short(target.high or 0)}"}[target.kind]


def _checks(row: MeasureRow) -> list[str]:
    """Where the file's own RAG or arrow differs from what the product works out: for the officer to check."""
    numbers = sorted((p, read_value(w).number) for p, w in row.values.items() if read_value(w).number is not None)
    latest = numbers[-1][1] if numbers else None
    previous = numbers[-2][1] if len(numbers) > 1 else None
    worked_rag = rag(row.polarity, read_target(row.target), latest, row.tolerance or DEFAULT_TOLERANCE)
    worked_arrow = arrow(previous, latest)
    checks = []
    if row.rag is not None and row.rag != worked_rag:
        checks.append(f"The file says {row.rag.value.capitalize()}; from the target we would say "
                      f"{worked_rag.value.capitalize() if worked_rag else 'nothing'}. The file's rating is kept.")
    if row.arrow and worked_arrow and arrow_meant(row.arrow) != worked_arrow:
        checks.append(f"The file's arrow is {row.arrow}; the last two values give {worked_arrow}. The file's arrow is kept.")
    return checks


def import_sheet(session: Session, actor: Actor, table: Table) -> int:
    """Store the whole scorecard, replacing the one held now; all or nothing. Returns the measures stored."""
    sheet = preview(session, table).sheet
    session.execute(delete(MeasureValue))
    session.execute(delete(Measure))
    session.execute(delete(MeasureGroup))
    groups = {name: MeasureGroup(name=name, position=i) for i, name in enumerate(sheet.groups)}
    session.add_all(groups.values())
    for position, row in enumerate(sheet.measures):
        measure = Measure(
            group=groups[row.group], position=position, reference=row.reference, name=row.name, lead=row.lead,
            polarity=row.polarity, unit=row.unit, frequency=row.frequency,
            tolerance=row.tolerance if row.tolerance is not None else DEFAULT_TOLERANCE, target=row.target,
            comparators=row.comparators, priorities={**row.priorities, **row.others}, notes=row.notes,
            feed={})
        measure.values = [MeasureValue(period=p.key, written=w, number=read_value(w).number)
                          for p, w in sorted(row.values.items())]
        worked_rag, worked_arrow = worked_out(measure, stored_values(measure))
        if row.rag is not None and row.rag != worked_rag:
            measure.rag_override, measure.rag_reason = row.rag, "As rated in the imported scorecard."
        if row.arrow and row.arrow != worked_arrow:  # kept as drawn, so ⬆ exports as ⬆
            measure.arrow_written = row.arrow
        session.add(measure)
    session.flush()
    audit.record(session, actor, "scorecard.import", None, f"Imported a scorecard of {len(sheet.measures)} measures")
    return len(sheet.measures)


# ---------------------------------------------------------------- export

def export_table(session: Session) -> tuple[list[str], Iterator[list[str]]]:
    """The scorecard in the shape it is imported: a heading row per group, one row per measure."""
    card = scorecard(session, exact=True)
    measures = [r.measure for _, readings in card.groups for r in readings]
    comparators = _ordered(key for m in measures for key in m.comparators)
    priorities = _ordered(key for m in measures for key in m.priorities)
    # A financial year's four quarters are all columns once one of them has a value: the council's sheet
    # keeps its Q4 column ready before Q4 is reported, and an export keeps it too.
    periods = sorted(set(card.periods) | {Period(p.year, q) for p in card.periods if p.quarter for q in range(1, 5)})
    header = ([label for _, label in EXPORT_FIELDS] + comparators + [label for _, label in EXPORT_AFTER]
              + [p.heading for p in periods] + [label for _, label in EXPORT_TAIL] + priorities)

    def rows() -> Iterator[list[str]]:
        for group, readings in card.groups:
            yield [group.name] + [""] * (len(header) - 1)
            for reading in readings:
                m = reading.measure
                fields = {"reference": m.reference, "lead": m.lead, "name": m.name,
                          "polarity": Polarity(m.polarity).label if m.polarity != Polarity.NONE else "",
                          "unit": m.unit, "frequency": m.frequency, "tolerance": f"{m.tolerance * 100:g}%",
                          "target": m.target, "rag": reading.rag.value.capitalize() if reading.rag else "",
                          "arrow": reading.arrow, "notes": m.notes}
                yield ([fields[name] for name, _ in EXPORT_FIELDS] + [m.comparators.get(c, "") for c in comparators]
                       + [fields[name] for name, _ in EXPORT_AFTER]
                       + [reading.values[p].written if p in reading.values else "" for p in periods]
                       + [fields[name] for name, _ in EXPORT_TAIL] + [m.priorities.get(p, "") for p in priorities])
    return header, rows()


def _ordered(keys: Iterator[str]) -> list[str]:
    return list(dict.fromkeys(keys))


# ---------------------------------------------------------------- values and ratings by hand

def set_value(session: Session, actor: Actor, measure: Measure, period_text: str, written: str,
              comment: str = "") -> MeasureValue:
    """Record (or change) a measure's value for a period; a new latest value clears ratings set for the old one."""
    period = read_period(period_text)
    if period is None:
        raise Refused("Write the period as a quarter and financial year, such as Q1 2024-25, or a year, such as 2023-24.")
    if not written.strip():
        raise Refused("Write the value: a number such as 96%, or words such as 'Data not available at quarter 3'.")
    values = {v.period_read: v for v in measure.values}
    latest_before = max(values) if values else None
    value = values.get(period)
    if value is None:
        value = MeasureValue(measure=measure, period=period.key)
        session.add(value)
    value.written, value.number, value.comment = written.strip(), read_value(written).number, comment.strip()
    if latest_before is None or period > latest_before:
        measure.rag_override, measure.rag_reason, measure.arrow_written = "", "", ""
    session.flush()
    audit.record(session, actor, "scorecard.value", measure, f"{measure.reference} {period.key}: {value.written}")
    return value


def set_rag(session: Session, actor: Actor, measure: Measure, rating: str, reason: str) -> None:
    """Set the latest period's RAG by hand, with the reason; an empty rating goes back to working it out."""
    if not rating:
        measure.rag_override, measure.rag_reason = "", ""
    else:
        try:
            Rag(rating)
        except ValueError:
            raise Refused("Choose Red, Amber or Green.") from None
        if not reason.strip():
            raise Refused("Say why you are setting the rating by hand.")
        measure.rag_override, measure.rag_reason = rating, reason.strip()
    session.flush()
    audit.record(session, actor, "scorecard.rag", measure, f"{measure.reference}: {rating or 'worked out'}")


def set_feed(session: Session, actor: Actor, measure: Measure, feed: dict[str, Any]) -> None:
    """Have the product feed a measure's values from its own data (or stop, with an empty feed)."""
    if feed:
        feeds.check(session, feed)
        measure.unit = Unit.PERCENTAGE if feeds.gives_percentage(feed) else Unit.COUNT
    measure.feed = feed
    session.flush()
    audit.record(session, actor, "scorecard.feed", measure, f"{measure.reference}: {feed.get('kind', 'typed')}")


def find_measure(session: Session, reference: str) -> Measure | None:
    """A measure by the council's reference."""
    return session.scalar(select(Measure).where(Measure.reference == reference))


# ---------------------------------------------------------------- measures

@dataclass(frozen=True)
class MeasureInput:
    """A measure's details as an officer writes them."""

    reference: str
    name: str
    group: str
    lead: str = ""
    polarity: str = Polarity.NONE
    unit: str = Unit.NUMBER
    frequency: str = "quarterly"
    target: str = ""
    tolerance: str = "5%"
    comparators: str = ""
    priorities: str = ""
    notes: str = ""


def _pairs(text: str, what: str) -> dict[str, str]:
    """'Name: value' lines as a mapping, in order."""
    pairs = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        name, colon, value = line.partition(":")
        if not colon or not name.strip() or not value.strip():
            raise Refused(f"Line {number} of the {what}: write a name, a colon, then the value.")
        pairs[name.strip()] = value.strip()
    return pairs


def _group(session: Session, name: str) -> MeasureGroup:
    group = session.scalar(select(MeasureGroup).where(MeasureGroup.name == name.strip()))
    if group is None:
        last = session.scalar(select(MeasureGroup.position).order_by(MeasureGroup.position.desc()).limit(1))
        group = MeasureGroup(name=name.strip(), position=(last or 0) + 1)
        session.add(group)
    return group


def save_measure(session: Session, actor: Actor, given: MeasureInput, measure: Measure | None = None) -> Measure:
    """Define a new measure, or change one; the reference must be the council's own and unused."""
    reference = given.reference.strip()
    clash = find_measure(session, reference)
    if clash is not None and clash is not measure:
        raise Refused(f"The reference {reference} is already used by another measure.")
    tolerance = read_value(given.tolerance or "5%").number
    if tolerance is None or not 0 <= tolerance <= 100:
        raise Refused("Write 'Amber within' as a percentage, such as 5%.")
    comparators, priorities = _pairs(given.comparators, "comparators"), _pairs(given.priorities, "priorities")
    if measure is None:
        group = _group(session, given.group)
        last = session.scalar(select(Measure.position).order_by(Measure.position.desc()).limit(1))
        measure = Measure(position=(last or 0) + 1, feed={})
        measure.group = group
        session.add(measure)
    elif measure.group.name != given.group.strip():
        measure.group = _group(session, given.group)
    measure.reference, measure.name, measure.lead = reference, given.name.strip(), given.lead.strip()
    try:
        polarity, unit, frequency = Polarity(given.polarity), Unit(given.unit), Frequency(given.frequency)
    except ValueError:
        raise Refused("Choose the measure's polarity, unit and how often it is reported.") from None
    measure.polarity, measure.unit, measure.frequency = polarity, unit, frequency
    measure.target, measure.tolerance = given.target.strip(), tolerance / 100
    measure.comparators, measure.priorities, measure.notes = comparators, priorities, given.notes.strip()
    session.flush()
    audit.record(session, actor, "scorecard.measure", measure, f"{measure.reference}: {measure.name[:80]}")
    return measure


def measure_input(measure: Measure) -> MeasureInput:
    """A measure's details in the shape the form shows them."""
    return MeasureInput(
        measure.reference, measure.name, measure.group.name, measure.lead, measure.polarity, measure.unit,
        measure.frequency, measure.target, f"{measure.tolerance * 100:g}%",
        "\n".join(f"{k}: {v}" for k, v in measure.comparators.items()),
        "\n".join(f"{k}: {v}" for k, v in measure.priorities.items()), measure.notes)
