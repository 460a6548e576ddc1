"""A survey's results question by question: who answered, who skipped, and each answer's count.

Counts are added up in SQL from the running totals kept as answers are sent (participation.respond.tallies:
responses, answers and pairs of answers given together, per day), grouped per question and choice, so the
page runs a fixed number of queries over small tables however many young people answered. Every figure covers the chosen group
(participation.reports.groups). Small numbers are suppressed with participation.core.suppression for
everyone who may not see exact figures, and a group under 5 shows nothing at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Iterator, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from participation.comments.models import CommentAnalysis, CommentTheme
from participation.comments.services import POSITIVE, comment_words
from participation.core.suppression import (HIDDEN, SMALLEST_SHOWN, group_shown, hidden_label, protect, share,
                                            suppress_small_count)
from participation.exchange import services as exports
from participation.reports import charts
from participation.reports.groups import Group
from participation.reports.protection import Guard, minus
from participation.respond.models import ANSWERED, Answer, AnswerPairTally, AnswerTally, Response, ResponseTally
from participation.surveys.models import Question, QuestionKind, Survey
from participation.surveys.question_types import question_type
from participation.themes.models import Theme

#: The reason a group shows nothing to a committee member.
TOO_FEW, TOO_CLOSE = "too-few", "too-close"
#: Comments shown under a free-text question on the results page; the rest are a page away.
COMMENTS_SHOWN = 5
#: Comments on each page of a question's comments.
COMMENTS_PER_PAGE = 25


@dataclass(frozen=True)
class AnswerRow:
    """One answer to a choice question: its label, how many chose it and their share."""

    label: str
    count: int | str
    share: float | None


@dataclass(frozen=True)
class Comment:
    """One comment as the results show it: words for the reader, day (officers only), feeling, themes."""

    text: str
    day: date | None
    feeling: str
    themes: tuple[str, ...]
    answer_id: int = 0
    #: Flagged for safeguarding: never quoted to the committee.
    safeguarding: bool = False


@dataclass
class QuestionResult:
    """One question's figures. `shown` is how many were shown it (everyone unless it has a condition)."""

    question: Question
    shown: int | str
    answered: int | str
    skipped: int | str
    rows: list[AnswerRow] = field(default_factory=list)
    several: bool = False
    #: How many were not shown it because of its condition (0 without one).
    not_shown: int | str = 0
    comments: list[Comment] = field(default_factory=list)

    def figure_json(self) -> str:
        """The bar chart of this question's answers, for the vendored plotly.js."""
        return charts.to_json(charts.answers(self.question.text, [r.label for r in self.rows],
                                             [r.count for r in self.rows]))


@dataclass
class Results:
    survey: Survey
    responses: int | str
    too_few: bool
    questions: list[QuestionResult]
    group: Group = field(default_factory=Group)
    #: Why a group shows nothing: too few answered, or it is so close to another group that comparing the
    #: two would single out fewer than 5 young people.
    reason: str = TOO_FEW


@dataclass(frozen=True)
class Figures:
    """A group's exact counts: responses, those who answered each question, and each choice's count."""

    total: int
    answered: dict[int, int]
    chosen: dict[tuple[int, str], int]

    def shown(self, question: Question) -> int:
        """How many were shown the question: everyone, or those whose answer met its condition."""
        if question.show_if_question_id is None:
            return self.total
        # A condition's question takes one answer when it has several (see builder), so these add up.
        return sum(self.chosen.get((question.show_if_question_id, value), 0) for value in question.show_if_values)


def _sum_of_cells(cells: list[int | str]) -> int | str:
    """Several answers' counts as shown added up; hidden if any is hidden, or the total would give it away."""
    hidden = [c for c in cells if not isinstance(c, int)]
    return hidden[0] if hidden else sum(c for c in cells if isinstance(c, int))


def in_group(survey: Survey, group: Group) -> list:
    """Conditions on Response picking the group's responses to the survey."""
    conditions = [Response.survey_id == survey.id, *_audience(Response, group)]
    if group.start:
        conditions.append(Response.submitted_on >= group.start)
    if group.end:
        conditions.append(Response.submitted_on <= group.end)
    if group.question_id:
        # Checked response by response through the index on answers' response_id, so the newest few comments
        # of a group are found walking the comments' index newest first, without reading every young person's
        # answer to the cross-break's question. A count, not EXISTS: PostgreSQL turns EXISTS into a join,
        # guesses it leaves a handful of rows, and then reads the whole group to sort it (0.7 s at 100,000).
        # "question_id + 0" keeps both databases off the index of every answer to the question, which
        # PostgreSQL otherwise reads again for each comment (0.8 s at 10,000).
        given = Answer.__table__.alias("given")
        conditions.append(select(func.count()).select_from(given).where(
            given.c.response_id == Response.id, (given.c.question_id + 0) == group.question_id,
            given.c.choice == group.choice).scalar_subquery() > 0)
    return conditions


def group_size(session: Session, survey: Survey, group: Group) -> int:
    """How many responses the group holds, from the running totals: responses per day, or, for a cross-break,
    those who gave its answer per day."""
    if group.question_id:
        # A young person gives each answer once, so those who gave it are its count, read from the answers'
        # totals (a few rows a day) rather than the pairs'.
        n = session.scalar(select(func.sum(AnswerTally.count)).where(
            AnswerTally.survey_id == survey.id, AnswerTally.question_id == group.question_id,
            AnswerTally.choice == group.choice, *_days(AnswerTally, group), *_audience(AnswerTally, group)))
    else:
        n = session.scalar(select(func.sum(ResponseTally.count)).where(
            ResponseTally.survey_id == survey.id, *_days(ResponseTally, group), *_audience(ResponseTally, group)))
    return int(n or 0)


def _days(tally, group: Group, day: str = "day") -> list:
    """Conditions on a table's day column picking the group's dates."""
    column = getattr(tally, day)
    conditions = []
    if group.start:
        conditions.append(column >= group.start)
    if group.end:
        conditions.append(column <= group.end)
    return conditions


def _audience(table, group: Group) -> list:
    """Conditions on a table with an audience column (responses and the running totals) picking the
    group's audience, when it has one."""
    return [] if group.audience is None else [table.audience == group.audience]


def _pairs(survey: Survey, group: Group) -> list:
    """Conditions on AnswerPairTally picking what the group's young people gave with the cross-break's answer."""
    return [AnswerPairTally.survey_id == survey.id, AnswerPairTally.by_question_id == group.question_id,
            AnswerPairTally.by_choice == group.choice, *_days(AnswerPairTally, group),
            *_audience(AnswerPairTally, group)]


def _counts(session: Session, survey: Survey, group: Group) -> tuple[dict[int, int], dict[tuple[int, str], int]]:
    """How many in the group answered each question, and chose each (question, choice), from the running totals
    per day (participation.respond.tallies), in one grouped query.

    A young person gives each choice at most once, so a choice's tally is how many chose it, and for a question
    with one answer each, those who answered are the sum of its choices. Several-choice and free-text questions
    keep their own count of those who answered (the ANSWERED rows of AnswerPairTally). With a cross-break, the
    counts are those of the pairs of answers given with the cross-break's answer."""
    counted = {q.id for q in survey.ordered_questions if q.kind in (QuestionKind.MULTIPLE, QuestionKind.TEXT)}
    rows: list[tuple[int, str, int]] = []
    if group.question_id:
        rows += session.execute(
            select(AnswerPairTally.question_id, AnswerPairTally.choice, func.sum(AnswerPairTally.count))
            .where(*_pairs(survey, group)).group_by(AnswerPairTally.question_id, AnswerPairTally.choice)).all()
    else:
        rows += session.execute(
            select(AnswerTally.question_id, AnswerTally.choice, func.sum(AnswerTally.count))
            .where(AnswerTally.survey_id == survey.id, *_days(AnswerTally, group), *_audience(AnswerTally, group))
            .group_by(AnswerTally.question_id, AnswerTally.choice)).all()
        if counted:
            rows += session.execute(
                select(AnswerPairTally.question_id, AnswerPairTally.choice, func.sum(AnswerPairTally.count))
                .where(AnswerPairTally.survey_id == survey.id, AnswerPairTally.by_question_id.in_(counted),
                       AnswerPairTally.by_choice == ANSWERED, AnswerPairTally.question_id == AnswerPairTally.by_question_id,
                       AnswerPairTally.choice == ANSWERED, *_days(AnswerPairTally, group),
                       *_audience(AnswerPairTally, group))
                .group_by(AnswerPairTally.question_id, AnswerPairTally.choice)).all()
    answered: dict[int, int] = {}
    chosen: dict[tuple[int, str], int] = {}
    for qid, choice, n in rows:
        if not n:
            continue
        if choice == ANSWERED:
            answered[qid] = int(n)
        else:
            chosen[(qid, choice)] = int(n)
            if qid not in counted:
                answered[qid] = answered.get(qid, 0) + int(n)
    return answered, chosen


def results(session: Session, survey: Survey, exact: bool, group: Group = Group()) -> Results:
    """Every question's figures for one group of a survey's responses; without `exact`, small counts are
    hidden (participation.reports.protection), comments are redacted, and a group under 5 shows nothing."""
    total = group_size(session, survey, group)
    if not group_shown(total, exact):
        return Results(survey, suppress_small_count(total), True, [], group)
    answered, chosen = _counts(session, survey, group)
    figures = Figures(total, answered, chosen)
    if exact:
        return Results(survey, total, False, [_exact(session, survey, group, figures, q)
                                              for q in survey.ordered_questions], group)
    guard = Guard.for_group(session, survey, group)
    if not guard.group_safe():
        return Results(survey, HIDDEN, True, [], group, reason=TOO_CLOSE)
    return Results(survey, total, False, _protected(session, survey, group, figures, guard), group)


def _hide(count: int, safe_zero: bool = True) -> int | str:
    """A count hidden with others; a 0 stays 0 unless comparing groups would make it say something
    (see participation.core.suppression.protect)."""
    return hidden_label(count) if count or not safe_zero else 0


def group_visible(session: Session, survey: Survey, group: Group, exact: bool) -> bool:
    """True when the group's comments and figures may be shown to the reader: 5 or more responses, and for
    readers who may not see exact figures, not so close to another group that comparing them would single
    out fewer than 5 young people."""
    if not group_shown(group_size(session, survey, group), exact):
        return False
    return exact or Guard.for_group(session, survey, group).group_safe()


#: The key of a question's skipped count in its row, apart from any choice's value.
SKIPPED = ("skipped",)


def _protected(session: Session, survey: Survey, group: Group, figures: Figures, guard: Guard
               ) -> list[QuestionResult]:
    """Every question's figures with small numbers protected: within each question (its choices and
    those who skipped add up to those shown it) and across groups (participation.reports.protection)."""
    out = []
    cells: dict[tuple[int, str], int | str] = {}  # every choice's count as shown, for the questions after it
    for question in survey.ordered_questions:
        shown = figures.shown(question)
        n = figures.answered.get(question.id, 0)
        skipped = max(shown - n, 0)
        choices = () if question.kind == QuestionKind.TEXT else question_type(question).choices(question)
        counts = {c.value: figures.chosen.get((question.id, c.value), 0) for c in choices}
        several = question.kind == QuestionKind.MULTIPLE
        if question.show_if_question_id is None:
            shown_as: int | str = shown
        else:
            # Those shown it are those who gave an earlier answer: shown exactly as that answer's count is.
            shown_as = _sum_of_cells([cells.get((question.show_if_question_id, value), suppress_small_count(shown))
                                      for value in question.show_if_values] or [suppress_small_count(shown)])
        if not isinstance(shown_as, int):
            # How many were shown it is hidden, so every count in it is hidden too, or the counts would add
            # up to it.
            labels = {v: _hide(c, guard.is_safe(guard.choice_pieces(question, v))) for v, c in counts.items()}
            whole_safe = guard.all_safe([guard.answered_pieces(question), guard.skipped_pieces(question)])
            answered_as, skipped_as = _hide(n, whole_safe), _hide(skipped, whole_safe)
        else:
            whole_risky = not guard.all_safe([guard.answered_pieces(question), guard.skipped_pieces(question)])
            if several or not counts:
                pair, _ = protect({"answered": n, "skipped": skipped},
                                  ("answered", "skipped") if whole_risky else ())
                answered_as, skipped_as = pair["answered"], pair["skipped"]
                labels = {}
                for value, c in counts.items():
                    pieces = guard.choice_pieces(question, value)
                    risky = not guard.all_safe([pieces, minus(guard.answered_pieces(question), pieces)])
                    if isinstance(answered_as, int):
                        # Those who chose it and those who answered but did not add up to those who answered.
                        labels[value] = protect({"chose": c, "did not": n - c},
                                                ("chose", "did not") if risky else ())[0]["chose"]
                    else:
                        labels[value] = hidden_label(c) if risky or 0 < c < SMALLEST_SHOWN else c
            else:
                risky_cells: set[str | tuple[str]] = {
                    v for v in counts if not guard.is_safe(guard.choice_pieces(question, v))}
                if whole_risky:
                    risky_cells.add(SKIPPED)
                with_skipped: dict[str | tuple[str], int] = {value: c for value, c in counts.items()}
                with_skipped[SKIPPED] = skipped
                row, total_ok = protect(with_skipped, risky_cells)
                if not total_ok:
                    row = {k: _hide(v, k not in risky_cells) for k, v in with_skipped.items()}
                skipped_as = row.pop(SKIPPED)
                # Those who answered are those shown it minus those who skipped: hidden when skipped is.
                answered_as = n if isinstance(skipped_as, int) else hidden_label(n)
                labels = {k: v for k, v in row.items() if isinstance(k, str)}  # the choices, without SKIPPED
        for value, label in labels.items():
            cells[(question.id, value)] = label
        not_shown = figures.total - shown
        result = QuestionResult(question, shown_as, answered_as, skipped_as, several=several,
                                not_shown=not_shown if isinstance(shown_as, int) else _hide(not_shown))
        if question.kind == QuestionKind.TEXT:
            result.comments = comments(session, survey, question, group, False, limit=COMMENTS_SHOWN)
        else:
            result.rows = [AnswerRow(c.label, labels[c.value], share(labels[c.value], answered_as)) for c in choices]
        out.append(result)
    return out


def _exact(session: Session, survey: Survey, group: Group, figures: Figures, question: Question) -> QuestionResult:
    """One question's exact figures, for readers who see responses."""
    shown = figures.shown(question)
    n = figures.answered.get(question.id, 0)
    result = QuestionResult(question, shown, n, max(shown - n, 0), several=question.kind == QuestionKind.MULTIPLE,
                            not_shown=figures.total - shown)
    if question.kind == QuestionKind.TEXT:
        result.comments = comments(session, survey, question, group, True, limit=COMMENTS_SHOWN)
    else:
        result.rows = [AnswerRow(c.label, figures.chosen.get((question.id, c.value), 0),
                                 share(figures.chosen.get((question.id, c.value), 0), n))
                       for c in question_type(question).choices(question)]
    return result


def feeling(sentiment: float) -> str:
    """A comment's feeling in words, on the same line the dashboard counts positive comments by."""
    if sentiment > POSITIVE:
        return "Positive"
    if sentiment < -POSITIVE:
        return "Negative"
    return "Neutral"


def _matching(survey: Survey, question: Question, group: Group, original: bool, search: str) -> list:
    conditions = [*in_group(survey, group), CommentAnalysis.question_id == question.id, Answer.text.is_not(None),
                  Answer.text != ""]
    # The day again on the comment's reading (the same day), so its index finds the newest first.
    conditions += _days(CommentAnalysis, group, "submitted_on")
    if search:
        escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        # Readers of redacted words search the redacted words, so a search cannot find a name.
        conditions.append(comment_words(original).ilike(f"%{escaped}%", escape="\\"))
    return conditions


def _comment_query(original: bool):
    return (select(Answer.id, comment_words(original), Response.submitted_on, CommentAnalysis.sentiment,
                   CommentAnalysis.safeguarding)
            .select_from(CommentAnalysis).join(Answer, Answer.id == CommentAnalysis.answer_id)
            .join(Response, Response.id == Answer.response_id))


def comments_listed(group: Group, original: bool) -> bool:
    """Whether a group's comments are listed for a reader: readers of redacted words get none for a group
    chosen by an answer to a question or by audience (only for everyone, by whole months)."""
    return original or (group.question_id is None and group.audience is None)


def comments(session: Session, survey: Survey, question: Question, group: Group, original: bool,
             search: str = "", limit: int | None = COMMENTS_PER_PAGE, offset: int = 0) -> list[Comment]:
    """A free-text question's comments in the group, newest first, with their feeling and themes.

    Readers who do not see original words get the redacted words, no day, and nothing from a group under 5
    (the caller checks the group's size with group_shown), nor from a group chosen by an answer: noting which
    groups one comment is listed in would give its writer's answer to every question."""
    if not comments_listed(group, original):
        return []
    rows = session.execute(_comments_in_order(survey, question, group, original, search).limit(limit)
                           .offset(offset)).all()
    return _with_themes(session, rows, original)


def every_comment(session: Session, survey: Survey, question: Question, group: Group, original: bool
                  ) -> Iterator[Comment]:
    """All of comments(), read from the database a chunk at a time (on PostgreSQL through a server-side
    cursor), for downloads whose memory must not grow with the comments."""
    if not comments_listed(group, original):
        return
    rows = session.execute(_comments_in_order(survey, question, group, original, "")
                           .execution_options(yield_per=exports.CHUNK_ROWS))
    for chunk in rows.partitions():
        yield from _with_themes(session, chunk, original)


def _comments_in_order(survey: Survey, question: Question, group: Group, original: bool, search: str):
    return (_comment_query(original).where(*_matching(survey, question, group, original, search))
            .order_by(CommentAnalysis.submitted_on.desc(), CommentAnalysis.answer_id.desc()))


def _with_themes(session: Session, rows: Sequence, original: bool) -> list[Comment]:
    """Comments from rows of _comment_query, each with the names of its themes in order."""
    themes: dict[int, list[str]] = {}
    if rows:
        for answer_id, name in session.execute(
                select(CommentTheme.answer_id, Theme.name).join(Theme, Theme.id == CommentTheme.theme_id)
                .where(CommentTheme.answer_id.in_([r[0] for r in rows]))
                .order_by(CommentTheme.answer_id, CommentTheme.position)):
            themes.setdefault(answer_id, []).append(name)
    return [Comment(text or "", day if original else None, feeling(sentiment), tuple(themes.get(aid, ())), aid,
                    bool(flagged)) for aid, text, day, sentiment, flagged in rows]


def comment_count(session: Session, survey: Survey, question: Question, group: Group, original: bool,
                  search: str = "") -> int:
    """How many of a question's comments match, for paging."""
    if not comments_listed(group, original):
        return 0
    return session.scalar(_comment_query(original).with_only_columns(func.count())
                          .where(*_matching(survey, question, group, original, search))) or 0


#: The results table's columns, in downloads and from `flask export-results`.
RESULTS_HEADER = ["question", "answer", "count", "percent"]


def results_table(res: Results) -> list[list[object]]:
    """The results as rows of question, answer, count and percent: the same figures as the page (a hidden
    count stays hidden, its percent blank); nothing when the group is too small to show."""
    rows: list[list[object]] = []
    for q in res.questions:
        for row in q.rows:
            rows.append([q.question.text, row.label, row.count, "" if row.share is None else round(row.share * 100)])
    return rows


#: The comments download's columns; the day only for readers who see original words.
def comments_header(original: bool) -> list[str]:
    return ["question", "comment", "feeling", "themes"] + (["day sent"] if original else [])


def comments_table(session: Session, survey: Survey, group: Group, original: bool) -> Iterator[list[object]]:
    """Every comment in the group to each free-text question, newest first, with feeling and themes (and the
    day for readers who see original words), read a chunk at a time. The caller checks the group may be shown."""
    for question in survey.ordered_questions:
        if question.kind == QuestionKind.TEXT:
            for c in every_comment(session, survey, question, group, original):
                yield [question.text, c.text, c.feeling, "; ".join(c.themes),
                       *([c.day.isoformat()] if original and c.day else [])]


@dataclass
class OneResponse:
    """One young person's answers as they saw them on "check your answers", with the day they sent them."""

    number: int
    total: int
    day: date
    #: Each page's title and its questions: (question text, the answer in words, or "" when skipped,
    #: and whether the question was shown to them at all).
    pages: list[tuple[str, list[tuple[str, str, bool]]]]


def one_response(session: Session, survey: Survey, group: Group, number: int) -> OneResponse | None:
    """The group's response at `number` (1 to the group's size), or None when there is none. Responses come
    in the order of their random ids, which says nothing about the order they were sent in."""
    total = session.scalar(select(func.count()).select_from(Response).where(*in_group(survey, group))) or 0
    if not 1 <= number <= total:
        return None
    picked = session.execute(select(Response.id, Response.submitted_on).where(*in_group(survey, group))
                             .order_by(Response.id).offset(number - 1).limit(1)).one()
    questions = survey.ordered_questions
    several = {q.id for q in questions if question_type(q).multiple}
    given: dict[str, object] = {}
    chosen: dict[str, list[str | None]] = {}  # the answers to several-choice questions
    for question_id, choice, text in session.execute(
            select(Answer.question_id, Answer.choice, Answer.text).where(Answer.response_id == picked.id)):
        key = f"q{question_id}"
        if question_id in several:
            chosen.setdefault(key, []).append(choice)
        else:
            given[key] = text if text is not None else choice
    given.update(chosen)
    pages: list[tuple[str, list[tuple[str, str, bool]]]] = []
    for question in questions:
        if not pages or pages[-1][0] != question.section.title:
            pages.append((question.section.title, []))
        words = question_type(question).describe(question, given.get(question.field_name))
        pages[-1][1].append((question.text, words, question.is_shown(given)))
    return OneResponse(number, total, picked.submitted_on, pages)
