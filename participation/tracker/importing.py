"""Importing a council's existing tracker from CSV or Excel: plan every row, then create all or nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from participation.comments.services import current_tagger
from participation.exchange.codec import UnreadableFile, column, read_upload
from participation.pledges.importing import find_theme, theme_lookup
from participation.themes.services import active_themes
from participation.tracker.rules import STATUSES, read_status
from participation.tracker.services import ActionInput, ItemInput, add_action, create_item, untold_actions

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


@dataclass
class PlannedItem:
    """One row, as it will be created."""

    row: int
    item: ItemInput
    action: ActionInput
    rag_override: str = ""

    @property
    def status_label(self) -> str:
        return STATUSES[self.action.status]


@dataclass
class ImportPlan:
    """What an import would create, the rows skipped and why, and the errors that stop it."""

    items: list[PlannedItem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.items) and not self.errors


def read_tracker(data: bytes, filename: str) -> tuple[list[str], list[list[str]]]:
    """The header and rows of an uploaded tracker, read once within the size and row limits."""
    if len(data) > MAX_FILE:
        raise UnreadableFile(f"The file is too big. Upload a file under {MAX_FILE // 1024} KB.")
    return read_upload(data, filename, MAX_ROWS)


def plan_import(session: Session, data: bytes, filename: str, columns: Columns,
                table: tuple[list[str], list[list[str]]] | None = None) -> ImportPlan:
    """Read a tracker file (or use the `table` already read from it) and plan each row; nothing is stored."""
    if table is None:
        try:
            table = read_tracker(data, filename)
        except UnreadableFile as error:
            return ImportPlan(errors=[str(error)])
    header, table = table
    positions: dict[str, int | None] = {}
    missing = []
    for name in ("you_said", "we_did", "status", "due", "owner", "theme", "ref"):
        wanted = getattr(columns, name)
        positions[name] = column(header, wanted) if wanted else None
        if wanted and positions[name] is None:
            missing.append(wanted)
    if missing:
        return ImportPlan(errors=[f"The file has no column headed “{m}”. Its columns are: "
                                  f"{', '.join(h for h in header if h) or 'none'}." for m in missing])
    themes = {t.key: t.name for t in active_themes(session)}
    lookup = theme_lookup(themes)
    plan = ImportPlan()
    to_tag: list[tuple[PlannedItem, str]] = []
    for number, values in enumerate(table, start=2):
        def cell(name: str) -> str:
            at = positions[name]
            return values[at].strip() if at is not None and at < len(values) else ""

        you_said, we_did = cell("you_said"), cell("we_did")
        status_text, due_text = cell("status"), cell("due")
        if not you_said:
            if we_did:
                plan.errors.append(f"Row {number}: there is a response but the “you said” cell is empty.")
            continue
        if not (we_did or status_text or due_text) and len(you_said) < 80 and not you_said.endswith("."):
            plan.skipped.append(f"Row {number}: “{you_said[:60]}” looks like a heading, so it was left out.")
            continue
        if len(you_said) > 2000 or len(we_did) > 5000:
            plan.errors.append(f"Row {number}: the text is too long. Keep “you said” under 2,000 characters.")
            continue
        status = read_status(status_text, due_text)
        theme_text = cell("theme")
        found = find_theme(theme_text, lookup) if theme_text else None
        action = ActionInput(what=we_did or "To be decided", owner=cell("owner")[:200], due_on=status.due_on,
                             status=status.status, we_did=we_did if status.status == "done" else "",
                             wont_do_reason=we_did if status.status == "wont-do" else "", note=status.note,
                             done_on=status.done_on, imported=True)
        if status.status == "wont-do" and not we_did:
            action.wont_do_reason = status.note or "This was not agreed."
        item = ItemInput(summary=you_said, theme_keys=[found] if found else [], source="review" if cell("ref")
                         else "other", reference=cell("ref")[:60])
        planned = PlannedItem(number, item, action, status.rag_override)
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


def apply_import(session: Session, actor, plan: ImportPlan, publish: bool = False) -> int:
    """Create every planned item and action in the caller's transaction: on any problem it rolls back, so nothing is created."""
    if not plan.ok:
        raise UnreadableFile(plan.errors[0] if plan.errors else "There are no rows to import.")
    for planned in plan.items:
        item = create_item(session, actor, planned.item)
        action = add_action(session, actor, item, planned.action)
        action.rag_override = planned.rag_override
        if planned.rag_override:
            action.rag_reason = ("The imported tracker gives no date for it." if planned.action.status == "not-started"
                                 and planned.action.due_on is None else "Given in the imported tracker.")
        # A row marked done with no words for young people waits for an officer to write them.
        item.published = publish and not untold_actions(item)
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

    return Columns(you_said=first("you said", "recommendation", "what you said", "issue"),
                   we_did=first("we did", "response", "action", "what we"),
                   status=first("status", "completed", "progress"), due=first("due", "target", "timescale"),
                   owner=first("owner", "lead"), theme=first("theme", "outcome"), ref=ref)

