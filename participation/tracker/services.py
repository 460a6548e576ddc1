"""Creating and changing "you said" items and their actions, the officers' tracker and the public board."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from participation.analysis.redaction import redact
from participation.auth.models import Actor, AuditEntry
from participation.auth.services import record
from participation.comments.models import CommentAnalysis, CommentTheme
from participation.comments.services import comment_words, in_groups_shown
from participation.core.languages import N_
from participation.core.transaction import Refused
from participation.db import today
from participation.pledges.models import Promise, ReviewPart, ReviewQuestion
from participation.pledges.services import promise_results
from participation.respond.models import Answer, Response
from participation.surveys.models import Question, Survey
from participation.themes.models import Theme
from participation.tracker.models import (SOURCE_KINDS, SOURCES, Action, ActionUpdate, Source, YouSaid, YouSaidEvidence,
                                         YouSaidTheme)
from participation.tracker.rules import RAGS, STATUSES, ActionStatus, natural_key, overdue

MAX_SUMMARY = 2000
MAX_TEXT = 5000


class TrackerError(Refused):
    """A change to the tracker that cannot be made; the message says why in plain words."""


@dataclass
class ItemInput:
    """What an officer writes about a "you said"."""

    summary: str = ""
    theme_keys: list[str] = field(default_factory=list)
    source: str = Source.OTHER
    source_survey_id: int | None = None
    source_question_id: int | None = None
    source_promise_id: int | None = None
    meeting_on: date | None = None
    reference: str = ""
    raised_on: date | None = None
    evidence: list[int] = field(default_factory=list)
    origin_id: int | None = None
    section: str = ""
    #: An imported tracker's other columns, by heading.
    extra: dict[str, str] = field(default_factory=dict)
    #: What young people said that a recommendation answers, in plain words; None leaves it as it is.
    plain_summary: str | None = None
    #: The "you said" a recommendation answers (None for none), when `set_answers`; otherwise left as it is.
    answers_id: int | None = None
    set_answers: bool = False


def _clean(text: str | None, limit: int, message: str) -> str:
    text = (text or "").strip()
    if len(text) > limit:
        raise TrackerError(message)
    return text


def _themes(session: Session, keys: list[str]) -> list[Theme]:
    themes = {t.key: t for t in session.scalars(select(Theme).where(Theme.key.in_(keys)))} if keys else {}
    unknown = [k for k in keys if k not in themes]
    if unknown:
        raise TrackerError("Choose themes from the list.")
    return [themes[k] for k in dict.fromkeys(keys)]


def _fill(session: Session, item: YouSaid, data: ItemInput) -> None:
    summary = _clean(data.summary, MAX_SUMMARY, f"Keep what young people said under {MAX_SUMMARY} characters.")
    if not summary:
        raise TrackerError("Write what young people said, in their words.")
    if data.source not in SOURCES:
        raise TrackerError("Choose where this came from.")
    if data.source == Source.CICC and data.meeting_on is None:
        raise TrackerError("Give the date of the Children in Care Council meeting.")
    for model, key in ((Survey, data.source_survey_id), (Question, data.source_question_id),
                       (Promise, data.source_promise_id)):
        if key is not None and session.get(model, key) is None:
            # Only a changed page or one left open while the source was deleted can name one that is not there.
            raise TrackerError(f"The {model.__name__.lower()} this came from is no longer there. "
                               "Start again from the comments or the promise.")
    item.summary = summary
    item.source = data.source
    item.source_survey_id = data.source_survey_id
    item.source_question_id = data.source_question_id
    item.source_promise_id = data.source_promise_id
    item.meeting_on = data.meeting_on
    item.reference = _clean(data.reference, 60, "Keep the reference under 60 characters.")
    item.raised_on = data.raised_on or item.raised_on or today()
    item.origin_id = data.origin_id if data.origin_id is not None else item.origin_id
    item.section = _clean(data.section, 300, "Keep the section under 300 characters.") or item.section or ""
    item.extra = {str(k)[:200]: _clean(str(v), MAX_TEXT, "Keep each extra column shorter.")
                  for k, v in data.extra.items()} or item.extra or {}
    if data.plain_summary is not None:
        item.plain_summary = _clean(data.plain_summary, MAX_SUMMARY,
                                    f"Keep the plain words for young people under {MAX_SUMMARY} characters.")
    if data.set_answers:
        answered = session.get(YouSaid, data.answers_id) if data.answers_id is not None else None
        if data.answers_id is not None and (answered is None or not answered.from_young_people
                                            or answered is item):
            raise TrackerError("Choose what young people said from the list.")
        item.answers = answered
    item.themes = [YouSaidTheme(theme_id=t.id, position=i) for i, t in enumerate(_themes(session, data.theme_keys))]
    known = set(session.scalars(select(Answer.id).where(Answer.id.in_(data.evidence)))) if data.evidence else set()
    item.evidence = [YouSaidEvidence(answer_id=a) for a in dict.fromkeys(data.evidence) if a in known]


def create_item(session: Session, actor: Actor, data: ItemInput) -> YouSaid:
    """Add a "you said", unpublished until an officer publishes it."""
    item = YouSaid()
    _fill(session, item, data)
    session.add(item)
    session.flush()
    record(session, actor, "tracker.item-added", item, f"Added “{item.summary[:80]}”")
    session.flush()
    return item


def update_item(session: Session, actor: Actor, item: YouSaid, data: ItemInput) -> YouSaid:
    before = item.summary
    _fill(session, item, data)
    record(session, actor, "tracker.item-changed", item, f"Changed “{item.summary[:80]}”", before=before)
    session.flush()
    return item


def young_peoples_items(session: Session) -> list[YouSaid]:
    """What young people said, for a recommendation to be linked to: newest first."""
    return [i for i in session.scalars(select(YouSaid).options(selectinload(YouSaid.origin))
                                       .order_by(YouSaid.raised_on.desc(), YouSaid.id.desc()))
            if i.from_young_people]


def not_ready(item: YouSaid) -> str:
    """Why an item cannot go on the public board yet, in plain words; "" when it can."""
    if not item.actions:
        return "Add at least one action before you publish, so young people can see what is being done."
    untold = untold_actions(item)
    if untold:
        return (f"“{untold[0].what[:80]}” is marked done but says nothing young people can read. "
                "Write what we did before you publish.")
    if not item.from_young_people:
        if not item.board_summary:
            return ("Write what this means for young people, in plain words, or choose what young people said "
                    "that it answers, before you publish: the board shows that, never the text of the "
                    "recommendation or plan.")
        if not any(a.status == ActionStatus.DONE and a.we_did.strip() for a in item.actions):
            return ("Mark an action done with what we did, in plain words, before you publish: the board shows "
                    "only what young people said and what was done about it.")
    return ""


def set_published(session: Session, actor: Actor, item: YouSaid, published: bool) -> YouSaid:
    """Show an item on the public board, or take it off."""
    if published:
        problem = not_ready(item)
        if problem:
            raise TrackerError(problem)
    item.published = published
    record(session, actor, "tracker.published" if published else "tracker.unpublished", item,
           f"{'Published' if published else 'Unpublished'} “{item.summary[:80]}”")
    session.flush()
    return item


def untold_actions(item: YouSaid) -> list[Action]:
    """Actions marked done with no "we did" for young people: they keep an item off the board."""
    return [a for a in item.actions if a.status == ActionStatus.DONE and not a.we_did.strip()]


@dataclass
class ActionInput:
    """What an officer writes about an action."""

    what: str = ""
    owner: str = ""
    owner_user_id: int | None = None
    due_on: date | None = None
    status: str = ActionStatus.NOT_STARTED
    wont_do_reason: str = ""
    we_did: str = ""
    note: str = ""
    done_on: date | None = None
    status_words: str = ""
    second_due_on: date | None = None
    #: Read from a council's tracker: a done row may arrive without words for young people, and
    #: then cannot be published until an officer writes them.
    imported: bool = False


#: The refusal when an action is marked done with nothing written for young people.
NEEDS_WE_DID = "Write what we did, in words young people understand, before you mark this done. It is what they will read."


def _fill_action(action: Action, data: ActionInput) -> dict:
    what = _clean(data.what, MAX_TEXT, f"Keep what will be done under {MAX_TEXT} characters.")
    if not what:
        raise TrackerError("Write what will be done.")
    if data.status not in STATUSES:
        raise TrackerError("Choose a status from the list.")
    reason = _clean(data.wont_do_reason, MAX_TEXT, "Keep the reason shorter.")
    we_did = _clean(data.we_did, MAX_TEXT, "Keep “we did” shorter.")
    if data.status == ActionStatus.WONT_DO and not reason:
        raise TrackerError("Say why this won't be done, in words young people understand.")
    if data.status == ActionStatus.DONE and not we_did and not data.imported:
        raise TrackerError(NEEDS_WE_DID)
    before = {"status": action.status, "due_on": str(action.due_on) if action.due_on else None}
    action.what, action.owner = what, _clean(data.owner, 200, "Keep the owner under 200 characters.")
    action.owner_user_id, action.due_on, action.status = data.owner_user_id, data.due_on, data.status
    action.wont_do_reason, action.we_did = reason, we_did
    action.note = _clean(data.note, MAX_TEXT, "Keep the note shorter.") or action.note
    action.status_words = _clean(data.status_words, MAX_TEXT, "Keep the status shorter.") or action.status_words or ""
    action.second_due_on = data.second_due_on or action.second_due_on
    if data.status == ActionStatus.DONE:
        action.done_on = data.done_on or action.done_on or today()
    return before


def add_action(session: Session, actor: Actor, item: YouSaid, data: ActionInput) -> Action:
    action = Action(status=ActionStatus.NOT_STARTED)
    _fill_action(action, data)
    item.actions.append(action)
    session.flush()
    record(session, actor, "tracker.action-added", item, f"Added the action “{action.what[:80]}”",
           action_id=action.id, status=action.status)
    session.flush()
    return action


def update_action(session: Session, actor: Actor, action: Action, data: ActionInput) -> Action:
    before = _fill_action(action, data)
    record(session, actor, "tracker.action-changed", action.item, f"Changed the action “{action.what[:80]}”",
           action_id=action.id, before=before, after={"status": action.status,
                                                      "due_on": str(action.due_on) if action.due_on else None})
    session.flush()
    return action


def add_update(session: Session, actor: Actor, action: Action, text: str) -> ActionUpdate:
    """A dated note of progress."""
    text = _clean(text, MAX_TEXT, "Keep the update shorter.")
    if not text:
        raise TrackerError("Write what has happened.")
    update = ActionUpdate(text=text, written_by=actor.id if actor else None)
    action.updates.append(update)
    record(session, actor, "tracker.progress", action.item, f"Progress on “{action.what[:60]}”: {text[:80]}",
           action_id=action.id)
    session.flush()
    return update


def override_rag(session: Session, actor: Actor, action: Action, colour: str, reason: str) -> Action:
    """Set (or, with an empty colour, clear) an officer's RAG, with the reason."""
    if colour and colour not in RAGS:
        raise TrackerError("Choose red, amber or green.")
    reason = _clean(reason, 2000, "Keep the reason shorter.")
    if colour and not reason:
        raise TrackerError("Say why you are changing the RAG rating.")
    before = action.rag_override
    action.rag_override, action.rag_reason = colour, reason if colour else ""
    record(session, actor, "tracker.rag-override", action.item,
           f"RAG for “{action.what[:60]}” set to {colour or 'worked out'}", action_id=action.id,
           before=before, after=colour, reason=reason)
    session.flush()
    return action


@dataclass
class Filters:
    """What the officers' tracker is narrowed to; empty means everything."""

    theme: str = ""
    status: str = ""
    rag: str = ""
    owner: str = ""
    overdue: bool = False
    source: str = ""
    published: str = ""


def items(session: Session, filters: Filters | None = None) -> list[YouSaid]:
    """Items with their actions, newest first, narrowed by the filters."""
    f = filters or Filters()
    query = (select(YouSaid).options(selectinload(YouSaid.actions), selectinload(YouSaid.themes),
                                     selectinload(YouSaid.origin))
             .order_by(YouSaid.raised_on.desc(), YouSaid.id.desc()))
    if f.theme:
        query = query.where(YouSaid.themes.any(YouSaidTheme.theme.has(Theme.key == f.theme)))
    if f.source:
        query = query.where(YouSaid.source == f.source)
    if f.status:
        query = query.where(YouSaid.actions.any(Action.status == f.status))
    if f.owner:
        query = query.where(YouSaid.actions.any(Action.owner.ilike(f"%{f.owner}%")))
    if f.published in ("yes", "no"):
        query = query.where(YouSaid.published.is_(f.published == "yes"))
    found = list(session.scalars(query))
    # Items from a source read in its order: by section, then reference (1a < 1b < 2a < 10a), then as added.
    # Items of an officer's own come first, newest first, as before.
    found.sort(key=lambda i: (0, ()) if i.origin is None else
               (1, ((i.origin.held_on or date.min).toordinal(), i.origin.name, i.origin_id),
                natural_key(i.section), natural_key(i.reference), i.id))  # then the file's order
    on = today()
    if f.rag:
        found = [i for i in found if any(a.rag(on) == f.rag for a in i.actions)]
    if f.overdue:
        found = [i for i in found if any(overdue(a.status, a.due_on, on) for a in i.actions)]
    return found


def history(session: Session, item: YouSaid) -> list[AuditEntry]:
    """Every change to an item and its actions, oldest first."""
    return list(session.scalars(select(AuditEntry).where(AuditEntry.target_type == YouSaid.audit_type,
                                                         AuditEntry.target_id == item.id)
                                .options(selectinload(AuditEntry.user)).order_by(AuditEntry.id)))


def evidence_comments(session: Session, item: YouSaid, original: bool) -> list[str]:
    """The comments linked to an item: original words for officers, redacted for everyone else."""
    return comment_texts(session, [e.answer_id for e in item.evidence], original)


def comment_texts(session: Session, ids: list[int], original: bool) -> list[str]:
    """Comments by answer id: original words for officers, redacted for everyone else."""
    if not ids:
        return []
    return list(session.scalars(select(comment_words(original)).select_from(Answer).outerjoin(
        CommentAnalysis, CommentAnalysis.answer_id == Answer.id).join(Response, Response.id == Answer.response_id)
        .where(Answer.id.in_(ids), in_groups_shown(Response.survey_id, original)).order_by(Answer.id)))


def prefill_from_comments(session: Session, answer_ids: list[int]) -> ItemInput:
    """A new "you said" from comments chosen in the review queue: their themes, survey and question."""
    rows = session.execute(select(CommentAnalysis).where(CommentAnalysis.answer_id.in_(answer_ids))
                           .options(selectinload(CommentAnalysis.themes).selectinload(CommentTheme.theme))).scalars().all()
    keys = list(dict.fromkeys(t.theme.key for c in rows for t in c.themes))
    surveys = {c.survey_id for c in rows}
    questions = {c.question_id for c in rows}
    return ItemInput(theme_keys=keys, source=Source.SURVEY if rows else Source.OTHER,
                     source_survey_id=surveys.pop() if len(surveys) == 1 else None,
                     source_question_id=questions.pop() if len(questions) == 1 else None,
                     evidence=[c.answer_id for c in rows])



def prefill_from_promise(session: Session, promise_id: int) -> ItemInput | None:
    """A new "you said" from a promise's review results: the promise, how it was rated, and the comments
    young people wrote about it as evidence; None if there is no such promise."""
    promise = session.get(Promise, promise_id)
    if promise is None:
        return None
    result = next(r for r in promise_results(session, promise.version, exact=False, original=False)
                  if r.promise.id == promise_id)
    if result.kept_share is not None:
        rating = f"{round(result.kept_share * 100)}% said this promise is kept for them"
        if result.change is not None:
            rating += f" ({result.change:+.0f} points since last year)"
    else:
        rating = "Young people told us whether this promise is kept for them"
    evidence = list(session.scalars(
        select(Answer.id).join(ReviewQuestion, ReviewQuestion.question_id == Answer.question_id)
        .where(ReviewQuestion.promise_id == promise_id, ReviewQuestion.part == ReviewPart.COMMENT, Answer.text != "")
        .order_by(Answer.id).limit(50)))
    return ItemInput(summary=f"“{promise.wording()}”: {rating}.", source=Source.PLEDGE, source_promise_id=promise_id,
                     theme_keys=[promise.theme.key] if promise.theme else [], evidence=evidence)

#: How each status reads on the public board, for young people.
BOARD_STATUS: dict[str, str] = {
    ActionStatus.DONE: N_("Done"), ActionStatus.IN_PROGRESS: N_("We are doing this now"),
    ActionStatus.NOT_STARTED: N_("We have not started yet"),
    ActionStatus.NOT_PROGRESSED: N_("This is stuck. We are trying to fix it"), ActionStatus.WONT_DO: N_("We can't do this")}


@dataclass(frozen=True)
class BoardLine:
    """One line under a "you said" on the public board."""

    label: str
    text: str
    status: str = ""
    by: date | None = None


@dataclass(frozen=True)
class BoardEntry:
    """A published "you said" as young people read it: no names, no references."""

    id: int
    you_said: str
    theme: str
    lines: tuple[BoardLine, ...]
    label: str = N_("You said")


def _board_lines(item: YouSaid) -> tuple[BoardLine, ...]:
    lines = []
    for action in item.actions:
        if not item.from_young_people and not (action.status == ActionStatus.DONE and action.we_did.strip()):
            # A recommendation's or a plan's actions are the council's own words: only a "we did" written
            # for young people is shown.
            continue
        if action.status == ActionStatus.DONE:
            # Only the words written for young people; the council's own action text never shows here.
            if action.we_did.strip():
                lines.append(BoardLine(N_("We did"), action.we_did, BOARD_STATUS[ActionStatus.DONE]))
        elif action.status == ActionStatus.WONT_DO:
            lines.append(BoardLine(N_("Why not"), action.wont_do_reason, BOARD_STATUS[ActionStatus.WONT_DO]))
        else:
            lines.append(BoardLine(N_("What we are doing"), action.what, BOARD_STATUS[action.status], action.due_on))
    return tuple(lines)


def board(session: Session, theme_key: str = "", page: int = 1, per_page: int = 8) -> tuple[list[BoardEntry], int]:
    """Published items for the public board, grouped by their first theme; returns (entries, pages)."""
    query = (select(YouSaid).where(YouSaid.published.is_(True))
             .options(selectinload(YouSaid.actions), selectinload(YouSaid.themes), selectinload(YouSaid.origin)))
    if theme_key:
        query = query.where(YouSaid.themes.any(YouSaidTheme.theme.has(Theme.key == theme_key)))
    # A recommendation or a plan's action with no plain words yet is never shown, however it was published.
    found = [i for i in session.scalars(query) if i.board_summary]
    # Group by theme in the council's order, newest first within a theme.
    found.sort(key=lambda i: (i.themes[0].theme.position if i.themes else 999, -i.raised_on.toordinal(), -i.id))
    pages = max(1, -(-len(found) // per_page))
    shown = found[(page - 1) * per_page: page * per_page]
    return [BoardEntry(i.id, i.board_summary, i.themes[0].theme.name if i.themes else N_("Other things you told us"),
                       _board_lines(i)) for i in shown], pages


def export_rows(session: Session) -> tuple[list[str], list[list[object]]]:
    """Every item and action as rows for CSV or Excel: every column kept, so the file imports back the same."""
    found = items(session)
    extra = list(dict.fromkeys(k for item in found for k in (item.extra or {})))
    header = ["Reference", "You said", "Themes", "Source", "Raised on", "Action", "Owner", "Due", "Status", "RAG",
              "We did", "Why not", "Published", "Source kind", "Source date", "Section", "Second due", "Status as written",
              "You said, in plain words", *extra]
    rows: list[list[object]] = []
    on = today()
    for item in found:
        themes = "; ".join(t.theme.name for t in item.themes)
        origin = item.origin
        actions: list[Action | None] = [*item.actions] or [None]
        for action in actions:
            rows.append([item.reference, item.summary, themes,
                         origin.name if origin else SOURCES.get(item.source, ""), item.raised_on.isoformat(),
                         action.what if action else "", action.owner if action else "",
                         action.due_on.isoformat() if action and action.due_on else "",
                         STATUSES[action.status] if action else "",
                         action.rag(on).capitalize() if action else "",
                         action.we_did if action else "", action.wont_do_reason if action else "",
                         "yes" if item.published else "no",
                         SOURCE_KINDS[origin.kind] if origin else "",
                         origin.held_on.isoformat() if origin and origin.held_on else "", item.section,
                         action.second_due_on.isoformat() if action and action.second_due_on else "",
                         action.status_words if action else "", item.plain_summary,
                         *((item.extra or {}).get(k, "") for k in extra)])
    return header, rows


@dataclass(frozen=True)
class ReadAction:
    """An action as the committee reads it: redacted, with no member of staff named."""

    what: str
    owner: str
    status: str
    status_words: str
    rag: str
    due_on: date | None
    second_due_on: date | None
    updates: tuple[tuple[date, str], ...]
    we_did: str
    why_not: str


@dataclass(frozen=True)
class ReadItem:
    """An item as the committee reads it."""

    reference: str
    section: str
    label: str
    summary: str
    plain_summary: str
    raised_on: date
    published: bool
    actions: tuple[ReadAction, ...]

    @property
    def dated(self) -> bool:
        return any(a.due_on or a.second_due_on for a in self.actions)

    @property
    def progress(self) -> bool:
        return any(a.updates or a.status != STATUSES[ActionStatus.NOT_STARTED] for a in self.actions)


@dataclass(frozen=True)
class ReadSource:
    """A paper or meeting and its items, in section and reference order."""

    name: str
    kind: str
    held_on: date | None
    items: tuple[ReadItem, ...]


def _read_action(action: Action, on: date) -> ReadAction:
    return ReadAction(redact(action.what), redact(action.owner), STATUSES[action.status], redact(action.status_words),
                      action.rag(on), action.due_on, action.second_due_on,
                      tuple((u.written_on, redact(u.text)) for u in action.updates), redact(action.we_did),
                      redact(action.wont_do_reason))


def committee_tracker(session: Session) -> list[ReadSource]:
    """Every item, by source and reference, for committee members: read-only and redacted. Items with no date
    and no progress are listed like any other."""
    found = list(session.scalars(
        select(YouSaid).options(selectinload(YouSaid.actions).selectinload(Action.updates),
                                selectinload(YouSaid.origin))))
    # The tracker's own order: by source, section and reference.
    order = {i.id: n for n, i in enumerate(items(session))}
    found.sort(key=lambda i: order.get(i.id, len(order)))
    on = today()
    groups: dict[int | None, ReadSource] = {}
    lists: dict[int | None, list[ReadItem]] = {}
    for item in found:
        origin = item.origin
        if item.origin_id not in groups:
            groups[item.origin_id] = ReadSource(origin.name if origin else "Added by officers",
                                                SOURCE_KINDS[origin.kind] if origin else
                                                "From surveys, pledge reviews and meetings",
                                                origin.held_on if origin else None, ())
            lists[item.origin_id] = []
        lists[item.origin_id].append(ReadItem(
            item.reference, item.section, item.board_label, redact(item.summary), redact(item.plain_summary),
            item.raised_on, item.published, tuple(_read_action(a, on) for a in item.actions)))
    return [dataclasses.replace(group, items=tuple(lists[key])) for key, group in groups.items()]
