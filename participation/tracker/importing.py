"""Importing a council's existing tracker from CSV or Excel: plan every row, then create all or nothing."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from participation.auth.models import Actor
from participation.comments.services import current_tagger
from participation.core.spreadsheets import UnreadableFile, column, read_upload
from participation.pledges.importing import find_theme, theme_lookup
from participation.themes.services import active_themes
from participation.tracker.models import SOURCE_KINDS, YOUNG_PEOPLES_KINDS, Source, SourceKind, TrackerSource
from participation.db import today
from participation.tracker.rules import STATUSES, ActionStatus, rag, read_date, read_status, rough_date
from participation.tracker.services import ActionInput, ItemInput, add_action, create_item, not_ready

#: The largest tracker file read: trackers are a few hundred rows.
MAX_FILE = 1024 * 1024
MAX_ROWS = 2000


@dataclass(frozen=True)
class Columns:
    """Which column holds what, by header name; only "you said" and "we did" are needed."""

    you_said: str
    we_did: str
    status: str = ""
    due: str = ""
    owner: str = ""
    theme: str = ""
    ref: str = ""
    #: The council's own action text, when it is kept apart from the response.
    action: str = ""
    why_not: str = ""
    section: str = ""
    second_due: str = ""
    raised: str = ""
    source_kind: str = ""
    source_name: str = ""
    source_date: str = ""
    #: The status as the council wrote it, when a file (an export) keeps it apart from the status.
    status_words: str = ""
    #: What a recommendation means for young people, in plain words, as an export writes it.
    plain: str = ""


#: Column names, in the order they are read.
COLUMN_NAMES = ("you_said", "we_did", "status", "due", "owner", "theme", "ref", "action", "why_not", "section",
                "second_due", "raised", "source_kind", "source_name", "source_date", "status_words", "plain")
#: Columns `export_rows` writes that are worked out again on import, so never kept as extra columns.
DERIVED = ("RAG", "Published")


@dataclass(frozen=True)
class SourceInput:
    """The paper or meeting a whole file comes from, when its rows do not say."""

    kind: str
    name: str
    held_on: date | None = None


@dataclass
class PlannedItem:
    """One row, as it will be created."""

    row: int
    item: ItemInput
    action: ActionInput
    rag_override: str = ""
    source: SourceInput | None = None
    #: Readings that may be wrong, each in plain words, for the officer to confirm before anything is stored.
    doubts: list[str] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return STATUSES[self.action.status]

    def rag(self, on: date | None = None) -> str:
        """The RAG the item will have once stored."""
        return rag(self.action.status, self.action.due_on, on or today(), self.rag_override, self.action.done_on)


@dataclass
class ImportPlan:
    """What an import would create, the rows skipped and why, and the errors that stop it."""

    items: list[PlannedItem] = field(default_factory=list)
    #: Each source's sections in the file's order, [reference, title].
    sections: dict[SourceInput | None, list[list[str]]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    #: Headings of the columns kept with each item as they are.
    kept: list[str] = field(default_factory=list)
    #: How many items `apply_import` published: only those ready for the board.
    published: int = 0

    @property
    def ok(self) -> bool:
        return bool(self.items) and not self.errors

    @property
    def unsure(self) -> list[int]:
        """The rows whose readings the officer must confirm."""
        return [p.row for p in self.items if p.doubts]


def read_tracker(data: bytes, filename: str) -> tuple[list[str], list[list[str]]]:
    """The header and rows of an uploaded tracker, read once within the size and row limits."""
    if len(data) > MAX_FILE:
        raise UnreadableFile(f"The file is too big. Upload a file under {MAX_FILE // 1024} KB.")
    return read_upload(data, filename, MAX_ROWS)


def plan_import(session: Session, data: bytes, filename: str, columns: Columns,
                table: tuple[list[str], list[list[str]]] | None = None, source: SourceInput | None = None) -> ImportPlan:
    """Read a tracker file (or use the `table` already read from it) and plan each row; nothing is stored."""
    if table is None:
        try:
            table = read_tracker(data, filename)
        except UnreadableFile as error:
            return ImportPlan(errors=[str(error)])
    header, rows = table
    positions: dict[str, int | None] = {}
    missing = []
    if source is not None and source.kind not in SOURCE_KINDS:
        return ImportPlan(errors=["Choose what kind of paper or meeting the tracker comes from."])
    for name in COLUMN_NAMES:
        wanted = getattr(columns, name)
        positions[name] = column(header, wanted) if wanted else None
        if wanted and positions[name] is None:
            missing.append(wanted)
    if missing:
        return ImportPlan(errors=[f"The file has no column headed “{m}”. Its columns are: "
                                  f"{', '.join(h for h in header if h) or 'none'}." for m in missing])
    mapped = {at for at in positions.values() if at is not None}
    own_export = "Source kind" in header
    kept = [(at, name) for at, name in enumerate(header)
            if at not in mapped and name.strip() and not (own_export and name in DERIVED)]
    themes = {t.key: t.name for t in active_themes(session)}
    lookup = theme_lookup(themes)
    plan = ImportPlan(kept=[name for _, name in kept])
    to_tag: list[tuple[PlannedItem, str]] = []
    section = ""
    for number, values in enumerate(rows, start=2):
        def cell(name: str) -> str:
            at = positions[name]
            return values[at].strip() if at is not None and at < len(values) else ""

        you_said, we_did = cell("you_said"), cell("we_did")
        status_text, due_text = cell("status_words") or cell("status"), cell("due")
        status_words = cell("status_words") if positions["status_words"] is not None else status_text
        row_source = _row_source(cell("source_kind"), cell("source_name"), cell("source_date")) or source
        if not you_said and cell("ref") and not any(v.strip() for at, v in enumerate(values)
                                                     if at != positions["ref"]):
            # "Outcome 1 – Involve me" alone in the reference column: the rows below are filed under it.
            section = cell("ref")[:300]
            plan.sections.setdefault(row_source, []).append(_section_parts(section))
            continue
        if not you_said:
            if we_did:
                plan.errors.append(f"Row {number}: there is a response but the “you said” cell is empty.")
            continue
        # A heading: short, no status or date, and no response (or only a scrap of its title that ran over).
        # A row with its own cell in the section column is never one: the file files its rows itself.
        scrap = len(we_did) < 40 and not we_did.endswith(".") and bool(cell("ref"))
        others = "".join(cell(n) for n in COLUMN_NAMES if n not in ("you_said", "we_did", "ref", "section"))
        if (not we_did or scrap) and not _says_something(others) and len(you_said) < 80 and not you_said.endswith(".") \
                and not cell("section"):
            if cell("ref"):  # "13.1 Changes to the processes...": the rows below are filed under it
                section = f"{cell('ref')} {you_said}"[:300]
                plan.sections.setdefault(row_source, []).append([cell("ref"), you_said])
            plan.skipped.append(f"Row {number}: “{you_said[:60]}” looks like a heading, so it was left out.")
            continue
        if len(you_said) > 2000 or len(we_did) > 5000:
            plan.errors.append(f"Row {number}: the text is too long. Keep “you said” under 2,000 characters.")
            continue
        status = read_status(status_text, due_text)
        by_label = {label.lower(): key for key, label in STATUSES.items()}
        if positions["status_words"] is not None and cell("status").lower() in by_label:
            # An export gives the status an officer set beside the council's words, which may say otherwise.
            status = dataclasses.replace(status, status=by_label[cell("status").lower()])
        theme_text = cell("theme")
        found_all = [k for k in (find_theme(t.strip(), lookup) for t in theme_text.split(";")) if k]
        found = found_all[0] if found_all else None
        row_section = cell("section") or section
        if cell("section") and not any(" ".join(s).strip() == row_section for s in plan.sections.get(row_source, [])):
            plan.sections.setdefault(row_source, []).append(_section_parts(row_section))
        # With no source named, a numbered row is a review's recommendation, unless its column says it is what
        # young people said ("You said").
        recommendation = bool(cell("ref")) and "said" not in columns.you_said.lower()
        from_young_people = (row_source.kind in YOUNG_PEOPLES_KINDS) if row_source else not recommendation
        # A recommendation's response is the council's own words: it is the action, and its "we did" for young
        # people waits for an officer (unless the file keeps the action apart, as an export does).
        told = we_did if from_young_people or positions["action"] is not None else ""
        action = ActionInput(what=cell("action") or we_did or "To be decided", owner=cell("owner")[:200], due_on=status.due_on,
                             status=status.status, we_did=told if status.status == ActionStatus.DONE else "",
                             wont_do_reason=we_did if status.status == ActionStatus.WONT_DO else "", note=status.note,
                             done_on=status.done_on, imported=True, status_words=status_words,
                             second_due_on=read_date(cell("second_due")))
        if cell("why_not"):
            action.wont_do_reason = cell("why_not")
        elif status.status == ActionStatus.WONT_DO and not we_did:
            action.wont_do_reason = status.note or "This was not agreed."
        item = ItemInput(summary=you_said, theme_keys=found_all, source=Source.REVIEW if recommendation else Source.OTHER, reference=cell("ref")[:60], section=row_section,
                         extra={name: values[at].strip() for at, name in kept if at < len(values) and values[at].strip()},
                         plain_summary=cell("plain") if positions["plain"] is not None else None,
                         raised_on=read_date(cell("raised")) or (row_source.held_on if row_source else None))
        # An export's "Not started" for an item with no words of the council's own says nothing about its RAG.
        override = status.rag_override if status_words or positions["status_words"] is None else ""
        planned = PlannedItem(number, item, action, override, row_source,
                              _doubts(status.doubt, status_text, due_text, cell("second_due")))
        plan.items.append(planned)
        if not found:
            to_tag.append((planned, f"{theme_text} {you_said}"))
    # Rows with no recognisable theme are tagged like any comment.
    if to_tag:
        for (planned, _), tagging in zip(to_tag, current_tagger(session).tag_many([t for _, t in to_tag])):
            planned.item.theme_keys = list(tagging.themes[:2])
    if not plan.items and not plan.errors:
        plan.errors.append("There are no rows to import.")
    return plan


def _doubts(status_doubt: str, status_text: str, due_text: str, second_due_text: str) -> list[str]:
    """Why a row's status or dates may be read wrong, in plain words."""
    doubts = [status_doubt] if status_doubt else []
    for label, text in (("due date", due_text), ("second target date", second_due_text)):
        found = read_date(text) if text else None
        if text and found is None and any(ch.isdigit() for ch in text):  # it looks like a date, but is not one
            doubts.append(f"The {label} “{text[:60]}” gives no date we can read, so no {label} is stored.")
        elif text and rough_date(text):
            doubts.append(f"The {label} “{text[:60]}” gives no day, so it is read as {found:%-d %B %Y}.")
    if not due_text and status_text and rough_date(status_text):
        found = read_date(status_text)
        doubts.append(f"The date in “{status_text[:60]}” gives no day, so it is read as {found:%-d %B %Y}.")
    return doubts


_SECTION_REF = re.compile(r"\d+(?:\.\d+)*[a-z]?\.?")


def _section_parts(text: str) -> list[str]:
    """[reference, title] of a section: "13.1 Housing" is ["13.1", "Housing"]; "Outcome 1 – Involve me" has none."""
    first, _, rest = text.partition(" ")
    return [first, rest] if _SECTION_REF.fullmatch(first) and rest else ["", text]


def _says_something(text: str) -> bool:
    """False for a cell holding only a stray mark ("·") left by a copy from a printed paper."""
    return any(ch.isalnum() for ch in text)


def _row_source(kind: str, name: str, held: str) -> SourceInput | None:
    """A row's own source, as `export_rows` writes it: its kind by name or key, its name and date."""
    if not kind:
        return None
    by_label = {label.lower(): key for key, label in SOURCE_KINDS.items()}
    key = kind if kind in SOURCE_KINDS else by_label.get(kind.lower(), SourceKind.REVIEW)
    return SourceInput(key, name or SOURCE_KINDS[key], read_date(held) if held else None)


def published_words(plan: ImportPlan, count: int) -> str:
    """"Imported 34 items and published them.", or how many were ready for the board."""
    if plan.published == count:
        return f"Imported {count} items and published them."
    return (f"Imported {count} items and published {plan.published} of them. The others wait for plain words "
            "for young people, or a “we did” for an action marked done.")


def apply_import(session: Session, actor: Actor, plan: ImportPlan, publish: bool = False) -> int:
    """Create every planned item and action in the caller's transaction: on any problem it rolls back, so nothing is created."""
    if not plan.ok:
        raise UnreadableFile(plan.errors[0] if plan.errors else "There are no rows to import.")
    origins: dict[SourceInput, TrackerSource] = {}
    for planned in plan.items:
        if planned.source is not None and planned.source not in origins:
            origins[planned.source] = TrackerSource(kind=planned.source.kind, name=planned.source.name[:200],
                                                    held_on=planned.source.held_on,
                                                    sections=plan.sections.get(planned.source, []))
            session.add(origins[planned.source])
            session.flush()
        planned.item.origin_id = origins[planned.source].id if planned.source is not None else None
        item = create_item(session, actor, planned.item)
        action = add_action(session, actor, item, planned.action)
        action.rag_override = planned.rag_override
        if planned.rag_override:
            action.rag_reason = "Given in the imported tracker."
        # A row marked done with no words for young people waits for an officer to write them.
        item.published = publish and not not_ready(item)
        plan.published += item.published
    session.flush()
    return len(plan.items)


def guess_columns(header: list[str]) -> Columns:
    """Columns named the way councils usually name them, for the upload page's first guess."""
    lowered = {h.lower().strip(): h for h in header if h}

    def first(*names: str) -> str:
        for name in names:
            for low, original in lowered.items():
                if name in low:
                    return original
        return ""

    ref = next((original for low, original in lowered.items()
                if low.strip(".") in ("no", "ref", "reference", "number", "rec", "reco")), "")

    def exact(*names: str) -> str:
        return next((lowered[n] for n in names if n in lowered), "")

    if "source kind" in lowered:  # a file `export_rows` wrote: its own headers
        return Columns(you_said=exact("you said"), we_did=exact("we did"), status=exact("status"), due=exact("due"),
                       owner=exact("owner"), theme=exact("themes"), ref=exact("reference"), action=exact("action"),
                       why_not=exact("why not"), section=exact("section"), second_due=exact("second due"),
                       raised=exact("raised on"), source_kind=exact("source kind"), source_name=exact("source"),
                       source_date=exact("source date"), status_words=exact("status as written"),
                       plain=exact("you said, in plain words"))
    return Columns(you_said=first("you said", "recommendation", "what you said", "issue"),
                   we_did=first("we did", "response", "action", "what we"),
                   status=first("status", "completed", "progress"), due=first("due", "target", "timescale"),
                   owner=first("owner", "lead"), theme=first("theme", "outcome"), ref=ref)

