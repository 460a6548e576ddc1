"""Tagging stored comments, the review queue, safeguarding flags and retraining the tagger."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Iterable, Protocol, Sequence

from sqlalchemy import ColumnElement, case, delete, func, insert, literal, select, true, tuple_
from sqlalchemy.orm import Session, selectinload

from participation.auth.models import Actor, StaffUser
from participation.analysis import Tagger, Taxonomy, ThemeSpec, build_tagger, safeguarding_kinds
from participation.analysis.tagger import shipped_model
from participation.analysis.taxonomy import DEFAULT_KEYWORDS
from participation.analysis.themes import ThemeModel
from participation.auth.services import record
from participation.comments.models import (RANK_AFTER_FLAGS, CommentAnalysis, CommentTally, CommentTheme, FlagStatus,
                                           ReviewStatus, TaggerModel, queue_rank)
from participation.core.numbers import day_from, id_from
from participation.core.suppression import SMALLEST_SHOWN
from participation.core import state
from participation.core.transaction import Refused
from participation.db import add_to_tallies, today
from participation.respond.models import Answer, Response, ResponseTally
from participation.surveys.models import Question, Section, Survey
from participation.themes.models import Theme
from participation.themes.services import active_themes

# Trained taggers kept by this process, by the model or taxonomy they were built from.
_TAGGERS: state.Kept[str, Tagger] = state.kept("taggers", 1)


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in (text or "").splitlines() if line.strip())


class ThemeWords(Protocol):
    """What the tagger reads of a theme: a Theme, or a row of the same columns."""

    key: str
    name: str
    keywords: str
    examples: str


def taxonomy_from(themes: Sequence[ThemeWords]) -> Taxonomy:
    """The tagger's view of the council's active themes: default words plus the council's own."""
    return Taxonomy(tuple(
        ThemeSpec(t.key, t.name, DEFAULT_KEYWORDS.get(t.key, ()) + _lines(t.keywords), _lines(t.examples))
        for t in themes))


def current_tagger(session: Session) -> Tagger:
    """The newest trained tagger for the current themes, built once per process."""
    return tagger_and_theme_ids(session)[0]


_THEMES = Theme.__table__
_TAGGER_INPUTS = (
    select(_THEMES.c.id, _THEMES.c.key, _THEMES.c.name, _THEMES.c.keywords, _THEMES.c.examples,
           select(func.max(TaggerModel.__table__.c.id)).scalar_subquery().label("newest_id"))
    .where(_THEMES.c.archived.is_(False)).order_by(_THEMES.c.position, _THEMES.c.id))


def tagger_and_theme_ids(session: Session) -> tuple[Tagger, dict[str, int]]:
    """The current tagger, and the ids of the themes it can suggest by key."""
    # One small query on each use: the active themes' words, and the newest model's id. The model's
    # (large) weights are read only when this process has not built that tagger yet.
    themes = session.execute(_TAGGER_INPUTS).all()
    taxonomy = taxonomy_from(themes)
    newest_id = themes[0].newest_id if themes else None
    key = hashlib.sha256(json.dumps(
        [(t.key, t.keywords, t.examples) for t in taxonomy.themes] + [newest_id]).encode()).hexdigest()
    tagger = _TAGGERS.get(key)
    if tagger is None:
        newest = session.get(TaggerModel, newest_id) if newest_id else None
        stored = newest.payload if newest else {}
        # A retrained model serves while the themes it was trained for are still those in use.
        if stored.get("format") == "theme-model-1" and set(stored["keys"]) >= set(taxonomy.keys):
            tagger = Tagger(taxonomy, ThemeModel.from_changes(shipped_model(), stored))
        else:
            tagger = build_tagger(taxonomy)
        _TAGGERS.replace_all(key, tagger)
    return tagger, {t.key: t.id for t in themes}


#: A comment sounds positive above this feeling.
POSITIVE = 0.05


def _comment_deltas() -> dict[tuple, dict[str, float]]:
    return defaultdict(lambda: {"count": 0, "sentiment_sum": 0.0, "positive": 0})


def _add_comment(deltas: dict, survey_id: int, day, sentiment: float, theme_ids: Iterable[int], sign: int) -> None:
    """Count one comment under every comment (theme 0) and under each of its themes."""
    for theme_id in [0, *theme_ids]:
        row = deltas[(survey_id, day, theme_id)]
        row["count"] += sign
        row["sentiment_sum"] += sign * sentiment
        row["positive"] += sign * (sentiment > POSITIVE)


def tally(session: Session, comments: Iterable[CommentAnalysis], sign: int = 1) -> None:
    """Add comments (their themes as they stand) to the running totals reports read, or take them away."""
    deltas = _comment_deltas()
    for comment in comments:
        if comment.submitted_on is not None:
            _add_comment(deltas, comment.survey_id, comment.submitted_on, comment.sentiment,
                         [ct.theme_id for ct in comment.themes], sign)
    add_to_tallies(session, CommentTally, ("survey_id", "day", "theme_id"), deltas)


_NEW_ANALYSES = insert(CommentAnalysis.__table__)
_NEW_THEMES = insert(CommentTheme.__table__)


@dataclass
class NewComments:
    """Readings of comments about to be stored, as plain rows, with what they add to the totals."""

    analyses: list[dict] = field(default_factory=list)
    themes: list[dict] = field(default_factory=list)
    deltas: dict[tuple, dict[str, float]] = field(default_factory=_comment_deltas)

    def add(self, answer_id: int, survey_id: int, question_id: int, day, tagging, theme_ids: dict[str, int]) -> None:
        """Add one new comment's reading: its row, its theme rows and its share of the totals."""
        reading, ids = _reading(tagging), _filed_under(tagging, theme_ids)
        flag_status = _flag_status(tagging)
        self.analyses.append({"answer_id": answer_id, "survey_id": survey_id, "question_id": question_id,
                              "submitted_on": day, **reading, "flag_status": flag_status,
                              "queue_rank": queue_rank(flag_status, reading["flag_urgency"], day, bool(ids))})
        self.themes.extend({"answer_id": answer_id, "theme_id": theme_id, "position": i}
                           for i, theme_id in enumerate(ids))
        _add_comment(self.deltas, survey_id, day, tagging.sentiment, ids, 1)

    def write(self, connection) -> None:
        """Insert the rows and add to the totals, in the caller's transaction."""
        if self.analyses:
            connection.execute(_NEW_ANALYSES, self.analyses)
        if self.themes:
            connection.execute(_NEW_THEMES, self.themes)
        add_to_tallies(connection, CommentTally, ("survey_id", "day", "theme_id"), self.deltas)


def rebuild_tallies(session: Session) -> None:
    """Recount the comment totals from the comments themselves."""
    session.execute(delete(CommentTally))
    positive = func.sum(case((CommentAnalysis.sentiment > POSITIVE, 1), else_=0))
    columns = ["survey_id", "day", "theme_id", "count", "sentiment_sum", "positive"]
    session.execute(insert(CommentTally).from_select(columns, select(
        CommentAnalysis.survey_id, CommentAnalysis.submitted_on, literal(0), func.count(),
        func.sum(CommentAnalysis.sentiment), positive).where(CommentAnalysis.submitted_on.is_not(None))
        .group_by(CommentAnalysis.survey_id, CommentAnalysis.submitted_on)))
    session.execute(insert(CommentTally).from_select(columns, select(
        CommentAnalysis.survey_id, CommentAnalysis.submitted_on, CommentTheme.theme_id, func.count(),
        func.sum(CommentAnalysis.sentiment), positive)
        .join(CommentTheme, CommentTheme.answer_id == CommentAnalysis.answer_id)
        .where(CommentAnalysis.submitted_on.is_not(None))
        .group_by(CommentAnalysis.survey_id, CommentAnalysis.submitted_on, CommentTheme.theme_id)))


def urgency_of(reasons) -> int | None:
    """The place of the most urgent kind among a flag's reasons in the order of urgency; None for none."""
    kinds = safeguarding_kinds.ordered(reasons)
    return safeguarding_kinds.URGENCY[kinds[0]] if kinds else None


def _reading(tagging) -> dict:
    """The columns of a comment's reading that come straight from the tagger."""
    return {"sentiment": tagging.sentiment, "confidence": tagging.confidence, "redacted": tagging.redacted,
            "safeguarding": tagging.safeguarding, "safeguarding_reasons": list(tagging.safeguarding_reasons),
            "safeguarding_evidence": [list(span) for span in tagging.evidence_spans],
            "flag_urgency": urgency_of(tagging.safeguarding_reasons)}


def _flag_status(tagging, before: str = "") -> str:
    """A flag already handled stays handled; otherwise it is open when the tagger flags the comment."""
    return FlagStatus.HANDLED if before == FlagStatus.HANDLED else (FlagStatus.OPEN if tagging.safeguarding
                                                                   else FlagStatus.NONE)


def _filed_under(tagging, theme_ids: dict[str, int]) -> list[int]:
    """The ids of the themes a comment is filed under, best first."""
    return [theme_ids[key] for key in tagging.themes if key in theme_ids]


def _apply(comment: CommentAnalysis, tagging, theme_ids: dict[str, int]) -> None:
    """Copy a tagging onto a stored comment; a flag already handled stays handled."""
    for name, value in _reading(tagging).items():
        setattr(comment, name, value)
    comment.flag_status = _flag_status(tagging, comment.flag_status)
    comment.themes = [CommentTheme(theme_id=theme_id, position=i)
                      for i, theme_id in enumerate(_filed_under(tagging, theme_ids))]


def comment_words(original: bool):
    """The words of a comment as a column to select: as written for staff who read responses, with names
    and contact details taken out for everyone else. Select it from answers joined to comment_analyses."""
    return Answer.text if original else CommentAnalysis.redacted


def in_groups_shown(survey_id, original: bool):
    """SQL condition on a survey id column: the survey had 5 or more responses, so its comments may be read
    by someone who sees redacted words; always true for staff who read responses as written. The same rule
    as participation.core.suppression.group_shown, counted from the running totals."""
    if original:
        return true()
    large = (select(ResponseTally.survey_id).group_by(ResponseTally.survey_id)
             .having(func.sum(ResponseTally.count) >= SMALLEST_SHOWN))
    return survey_id.in_(large)


@dataclass(frozen=True)
class ReadableComment:
    """A comment as the reports show it: its words for the reader, its feeling and its survey."""

    text: str
    sentiment: float
    survey: str
    answer_id: int = 0
    safeguarding: bool = False


def readable_comments(session: Session, theme_key: str, original: bool, limit: int = 50,
                      offset: int = 0) -> list[ReadableComment]:
    """The newest comments, of one theme or all, worded for the reader (see comment_words); readers of
    redacted words see only comments from surveys of 5 or more responses (see in_groups_shown)."""
    query = (select(comment_words(original), CommentAnalysis.sentiment, Survey.title, CommentAnalysis.answer_id,
                    CommentAnalysis.safeguarding)
             .select_from(CommentAnalysis)
             .join(Answer, Answer.id == CommentAnalysis.answer_id)
             .join(Survey, Survey.id == CommentAnalysis.survey_id)
             .where(in_groups_shown(CommentAnalysis.survey_id, original)))
    if theme_key:
        query = query.join(CommentTheme, CommentTheme.answer_id == CommentAnalysis.answer_id).join(
            Theme, Theme.id == CommentTheme.theme_id).where(Theme.key == theme_key)
    rows = session.execute(query.order_by(CommentAnalysis.answer_id.desc()).limit(limit).offset(offset))
    return [ReadableComment(*row) for row in rows]


@dataclass(frozen=True)
class QueueItem:
    """One comment in the review queue."""

    comment: CommentAnalysis
    text: str
    survey_title: str
    question_text: str


#: Which comments a view of the queue shows, by the status officers gave them.
VIEWS = {"to-review": ReviewStatus.SUGGESTED, "reviewed": ReviewStatus.CONFIRMED, "set-aside": ReviewStatus.SET_ASIDE}
#: How the flag filter reads: open flags, handled ones, any flag, or comments never flagged.
FLAG_FILTERS = {FlagStatus.OPEN: "Open flags", FlagStatus.HANDLED: "Handled flags", "any": "Any flag",
                "none": "Not flagged"}
#: Comments on each page of the queue: 20 cards fit a short page.
QUEUE_PAGE = 20


@dataclass(frozen=True)
class QueueFilters:
    """What an officer narrowed the queue to; every part is kept in the page's address."""

    show: str = "to-review"
    survey_id: int | None = None
    question_id: int | None = None
    theme: str = ""
    flag: str = ""
    since: date | None = None
    until: date | None = None
    search: str = ""

    def args(self) -> dict[str, str]:
        """The filters as address parameters, leaving out the ones not set."""
        values = {"show": "" if self.show == "to-review" else self.show, "survey": self.survey_id or "",
                  "question": self.question_id or "", "theme": self.theme, "flag": self.flag,
                  "from": self.since.isoformat() if self.since else "",
                  "to": self.until.isoformat() if self.until else "", "q": self.search}
        return {k: str(v) for k, v in values.items() if v}

    @property
    def narrowed(self) -> bool:
        """True when anything but the view is chosen."""
        return bool(set(self.args()) - {"show"})


def filters_from(args) -> QueueFilters:
    """The queue's filters read from an address's parameters; anything unreadable is left out."""
    show = args.get("show") or "to-review"
    flag = args.get("flag") or ""
    return QueueFilters(
        show=show if show in VIEWS else "to-review", survey_id=id_from(args.get("survey")),
        question_id=id_from(args.get("question")), theme=(args.get("theme") or "")[:40],
        flag=flag if flag in FLAG_FILTERS else "", since=day_from(args.get("from")),
        until=day_from(args.get("to")), search=" ".join((args.get("q") or "").split())[:200])


_OPEN_FLAG = CommentAnalysis.flag_status == FlagStatus.OPEN


def _queue_query(filters: QueueFilters, view: list | None = None):
    """The comments a view of the queue shows with its filters: open safeguarding flags are always in the
    comments to review, whatever their status, so that no filter-free view can lose one. `view`, when
    given, stands for the view's own condition (queue reads the comments to review in two parts)."""
    where = _conditions(filters, view)
    return (select(CommentAnalysis, Answer.text, Survey.title, Question.text)
            .join(Answer, Answer.id == CommentAnalysis.answer_id)
            .join(Survey, Survey.id == CommentAnalysis.survey_id)
            .join(Question, Question.id == CommentAnalysis.question_id)
            .where(*where))


def _conditions(filters: QueueFilters, view: list | None) -> list:
    status = VIEWS[filters.show]
    where: list[ColumnElement[bool]]
    if view is not None:
        where = list(view)
    elif filters.show == "to-review":
        where = [(CommentAnalysis.status == status) | _OPEN_FLAG]
    else:
        where = [CommentAnalysis.status == status]
    if filters.survey_id:
        where.append(CommentAnalysis.survey_id == filters.survey_id)
    if filters.question_id:
        where.append(CommentAnalysis.question_id == filters.question_id)
    if filters.theme:
        where.append(select(CommentTheme.answer_id).join(Theme, Theme.id == CommentTheme.theme_id)
                     .where(CommentTheme.answer_id == CommentAnalysis.answer_id, Theme.key == filters.theme)
                     .exists())
    if filters.flag == "any":
        where.append(CommentAnalysis.flag_status != FlagStatus.NONE)
    elif filters.flag == "none":
        where.append(CommentAnalysis.flag_status == FlagStatus.NONE)
    elif filters.flag:
        where.append(CommentAnalysis.flag_status == filters.flag)
    if filters.since:
        where.append(CommentAnalysis.submitted_on >= filters.since)
    if filters.until:
        where.append(CommentAnalysis.submitted_on <= filters.until)
    if filters.search:
        # Every word typed must be in the comment, in any case; % and _ are searched for as themselves.
        where.extend(Answer.text.icontains(word, autoescape=True) for word in filters.search.split())
    return where


def queue(session: Session, filters: QueueFilters | None = None, *, limit: int = QUEUE_PAGE,
          offset: int = 0) -> list[QueueItem]:
    """Comments to review: open safeguarding flags first, the most urgent kind first and the longest
    waiting first within a kind; then untagged comments, then the least certain."""
    # The stored rank (models.queue_rank) and its indexes let the database read a page in order and stop,
    # instead of sorting every comment waiting. Open flags rank before every other comment, so the comments
    # to review are read as two parts, each through its own index: the open flags, then the rest.
    filters = filters or QueueFilters()
    if filters.show != "to-review":
        return _queue_page(session, filters, None, limit, offset)
    flags = _queue_page(session, filters, [_OPEN_FLAG], limit, offset)
    if len(flags) == limit:
        return flags
    flags_before = offset if flags or not offset else queue_size(session, filters, [_OPEN_FLAG])
    return flags + _queue_page(session, filters, _REST, limit - len(flags), max(0, offset - flags_before))


#: The comments to review after the open flags: those suggested, in the order after every open flag.
_REST = [CommentAnalysis.status == ReviewStatus.SUGGESTED, CommentAnalysis.queue_rank >= RANK_AFTER_FLAGS]
#: The queue's order, which its indexes hold after the status or flag: a comment's place in it is its key.
_QUEUE_ORDER = (CommentAnalysis.queue_rank, CommentAnalysis.confidence, CommentAnalysis.answer_id)


def _queue_page(session: Session, filters: QueueFilters, view: list | None, limit: int, offset: int
                ) -> list[QueueItem]:
    """A page of the queue read by its key: the first comment's key found in the index alone (skipping the
    pages before it there, without reading a comment or joining anything), then the page's comments read
    from that key on, so only the comments shown are joined to their words, survey and question."""
    keys = select(*_QUEUE_ORDER).select_from(CommentAnalysis)
    if filters.search:
        keys = keys.join(Answer, Answer.id == CommentAnalysis.answer_id)
    first = session.execute(keys.where(*_conditions(filters, view)).order_by(*_QUEUE_ORDER)
                            .limit(1).offset(offset)).first()
    if first is None:
        return []
    rows = session.execute(
        _queue_query(filters, view).where(tuple_(*_QUEUE_ORDER) >= tuple_(*first))
        .options(selectinload(CommentAnalysis.themes).selectinload(CommentTheme.theme))
        .order_by(*_QUEUE_ORDER).limit(limit))
    return [QueueItem(*row) for row in rows]


def queue_size(session: Session, filters: QueueFilters, view: list | None = None) -> int:
    """How many comments a view of the queue holds with its filters, on every page.

    Counted from the comments alone (each has its answer, survey and question: deleting one deletes its
    comments), joining the answers only to search their words, and the comments to review as two parts
    through their indexes, as queue reads them."""
    if view is None and filters.show == "to-review":
        return queue_size(session, filters, [_OPEN_FLAG]) + queue_size(session, filters, _REST)
    query = select(func.count()).select_from(CommentAnalysis)
    if filters.search:
        query = query.join(Answer, Answer.id == CommentAnalysis.answer_id)
    return session.scalar(query.where(*_conditions(filters, view))) or 0


@dataclass(frozen=True)
class QueueChoices:
    """What the queue's filters offer: surveys and questions that have comments."""

    surveys: list[tuple[int, str]]
    questions: list[tuple[int, str, str]]


def queue_choices(session: Session) -> QueueChoices:
    """The surveys with comments, and their questions with comments (with the survey's title)."""
    surveys = session.execute(
        select(Survey.id, Survey.title).where(
            select(CommentAnalysis.answer_id).where(CommentAnalysis.survey_id == Survey.id).exists())
        .order_by(Survey.title, Survey.id)).all()
    questions = session.execute(
        select(Question.id, Question.text, Survey.title).join(Survey, Survey.id == Question.survey_id)
        .join(Section, Section.id == Question.section_id)
        .where(select(CommentAnalysis.answer_id).where(CommentAnalysis.question_id == Question.id).exists())
        .order_by(Survey.title, Survey.id, Section.position, Question.position, Question.id)).all()
    return QueueChoices([(r.id, r.title) for r in surveys], [(r.id, r.text, r.title) for r in questions])


def counts(session: Session) -> dict[str, int]:
    """How many comments wait for review, how many safeguarding flags are open, and how many replies
    were set aside as not comments (they are not waiting)."""
    by_status = dict(session.execute(select(CommentAnalysis.status, func.count())
                                     .group_by(CommentAnalysis.status)).all())
    return {"to_review": by_status.get(ReviewStatus.SUGGESTED, 0), "open_flags": open_flag_count(session),
            "set_aside": by_status.get(ReviewStatus.SET_ASIDE, 0)}


def open_flag_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(CommentAnalysis)
                          .where(CommentAnalysis.flag_status == FlagStatus.OPEN)) or 0


def confirm(session: Session, actor: StaffUser, answer_id: int, theme_keys: Sequence[str]) -> CommentAnalysis:
    """Set a comment's themes as an officer decided them (several allowed, or none)."""
    comment = session.get(CommentAnalysis, answer_id)
    if comment is None:
        raise Refused("That comment no longer exists.")
    themes = {t.key: t for t in active_themes(session)}
    unknown = [k for k in theme_keys if k not in themes]
    if unknown:
        raise Refused("Choose themes from the list.")
    before = [ct.theme.key for ct in comment.themes]
    tally(session, [comment], -1)
    comment.themes = [CommentTheme(theme_id=themes[k].id, position=i) for i, k in enumerate(dict.fromkeys(theme_keys))]
    session.flush()
    tally(session, [comment])
    comment.status = ReviewStatus.CONFIRMED
    comment.reviewed_by = actor.id
    comment.reviewed_on = today()
    record(session, actor, "comment.tagged", comment, f"Confirmed themes for comment {answer_id}",
           before=before, after=list(dict.fromkeys(theme_keys)))
    session.flush()
    return comment


def accept_suggestions(session: Session, actor: StaffUser, answer_ids: Sequence[int]) -> int:
    """Confirm the tagger's suggested themes for many comments at once; return how many."""
    comments = session.scalars(select(CommentAnalysis).where(
        CommentAnalysis.answer_id.in_(list(answer_ids)), CommentAnalysis.status == ReviewStatus.SUGGESTED)).all()
    _set_status(session, actor, comments, ReviewStatus.CONFIRMED, "comment.bulk-accepted",
                f"Accepted suggested themes for {len(comments)} comments")
    return len(comments)


def _set_status(session: Session, actor: StaffUser, comments: Sequence[CommentAnalysis], status: str, action: str,
                summary: str) -> None:
    """Give many comments a status at once, as reviewed by the actor today, with one audit entry."""
    reviewed = status != ReviewStatus.SUGGESTED
    for comment in comments:
        comment.status = status
        comment.reviewed_by = actor.id if reviewed else None
        comment.reviewed_on = today() if reviewed else None
    if comments:
        record(session, actor, action, None, summary, answer_ids=[c.answer_id for c in comments])
    session.flush()


def set_aside(session: Session, actor: StaffUser, answer_ids: Sequence[int]) -> tuple[int, int]:
    """Set replies such as "no", "dunno" or "nothing" aside as not comments: they leave the comments to
    review and its counts, and can be put back. A reply with an open safeguarding flag is never set aside
    (the lead handles it first). Returns how many were set aside and how many were left for a flag."""
    comments = session.scalars(select(CommentAnalysis).where(
        CommentAnalysis.answer_id.in_(list(answer_ids)), CommentAnalysis.status != ReviewStatus.SET_ASIDE)).all()
    flagged = [c for c in comments if c.flag_status == FlagStatus.OPEN]
    moved = [c for c in comments if c.flag_status != FlagStatus.OPEN]
    _set_status(session, actor, moved, ReviewStatus.SET_ASIDE, "comment.set-aside",
                f"Set aside {len(moved)} replies as not comments")
    return len(moved), len(flagged)


def put_back(session: Session, actor: StaffUser, answer_ids: Sequence[int]) -> int:
    """Put replies set aside back among the comments to review; returns how many."""
    comments = session.scalars(select(CommentAnalysis).where(
        CommentAnalysis.answer_id.in_(list(answer_ids)), CommentAnalysis.status == ReviewStatus.SET_ASIDE)).all()
    _set_status(session, actor, comments, ReviewStatus.SUGGESTED, "comment.put-back", f"Put back {len(comments)} replies to review")
    return len(comments)


def handle_flag(session: Session, actor: StaffUser, answer_id: int, note: str) -> CommentAnalysis:
    """The safeguarding lead marks a flag as handled, with a note of what was done."""
    if not actor.safeguarding_lead:
        raise Refused("Only a designated safeguarding lead can mark a flag as handled.")
    comment = session.get(CommentAnalysis, answer_id)
    if comment is None or comment.flag_status != FlagStatus.OPEN:
        raise Refused("That flag is not open.")
    if not note.strip():
        raise Refused("Write a note of what was done.")
    comment.flag_status = FlagStatus.HANDLED
    comment.flag_note = note.strip()[:2000]
    comment.flag_handled_by = actor.id
    comment.flag_handled_on = today()
    record(session, actor, "comment.flag-handled", comment, f"Handled the safeguarding flag on comment {answer_id}")
    session.flush()
    return comment


def confirmed_examples(session: Session) -> list[tuple[str, list[str]]]:
    """Every officer-confirmed comment with its themes, for retraining."""
    rows = session.execute(
        select(Answer.text, Theme.key).select_from(CommentAnalysis)
        .join(Answer, Answer.id == CommentAnalysis.answer_id)
        .outerjoin(CommentTheme, CommentTheme.answer_id == CommentAnalysis.answer_id)
        .outerjoin(Theme, Theme.id == CommentTheme.theme_id)
        .where(CommentAnalysis.status == ReviewStatus.CONFIRMED).order_by(CommentAnalysis.answer_id, CommentTheme.position))
    examples: dict[str, list[str]] = {}
    for text, key in rows:
        if text is None:  # analysed answers always have text; the column allows none
            continue
        examples.setdefault(text, [])
        if key:
            examples[text].append(key)
    return list(examples.items())


def retrain(session: Session, actor: Actor) -> TaggerModel:
    """Train a new tagger from the shipped examples, the themes' own and every confirmed comment."""
    taxonomy = taxonomy_from(active_themes(session))
    extra = confirmed_examples(session)
    tagger = build_tagger(taxonomy, extra_examples=extra)
    model = TaggerModel(
        created_at=datetime.now(timezone.utc).replace(tzinfo=None), confirmed=len(extra),
        examples=len(extra) + sum(len(t.examples) for t in taxonomy.themes),
        payload=tagger.model.changes_from(shipped_model()))
    session.add(model)
    session.flush()
    record(session, actor, "tagger.retrained", model, f"Retrained the tagger with {len(extra)} confirmed comments")
    session.flush()
    return model


def retag(session: Session, everything: bool = False) -> int:
    """Tag comments again with the current tagger; officer-confirmed themes are kept unless everything."""
    tagger, theme_ids = tagger_and_theme_ids(session)
    query = (select(Answer.id, Answer.text, Answer.question_id, Response.survey_id, Response.submitted_on)
             .join(Response, Response.id == Answer.response_id).where(Answer.text.is_not(None)).order_by(Answer.id))
    count = 0
    changed: list[CommentAnalysis] = []
    for batch in _batches(session.execute(query).all(), 500):
        existing = {c.answer_id: c for c in session.scalars(
            select(CommentAnalysis).where(CommentAnalysis.answer_id.in_([row.id for row in batch]))
            .options(selectinload(CommentAnalysis.themes)))}
        for row, tagging in zip(batch, tagger.tag_many([row.text for row in batch])):
            comment = existing.get(row.id)
            if comment is not None and comment.status in (ReviewStatus.CONFIRMED, ReviewStatus.SET_ASIDE) and not everything:
                continue
            if comment is None:
                comment = CommentAnalysis(answer_id=row.id, survey_id=row.survey_id, question_id=row.question_id,
                                          submitted_on=row.submitted_on)
                session.add(comment)
            else:
                tally(session, [comment], -1)
            # A reply set aside as not a comment stays aside: that is not about its themes.
            comment.status = ReviewStatus.SET_ASIDE if comment.status == ReviewStatus.SET_ASIDE else ReviewStatus.SUGGESTED
            _apply(comment, tagging, theme_ids)
            changed.append(comment)
            count += 1
        session.flush()
        tally(session, changed)
        changed = []
    session.flush()
    return count


def _batches(items: Sequence, size: int):
    for start in range(0, len(items), size):
        yield items[start:start + size]
