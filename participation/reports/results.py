"""A survey's results question by question: who answered, who skipped, and each answer's count.

Counts are made in SQL from stored answers, grouped per question and choice, so the page runs a
fixed number of queries however many young people answered. Every figure covers the chosen group
(participation.reports.groups). Small numbers are suppressed with participation.core.suppression for
everyone who may not see exact figures, and a group under 5 shows nothing at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from participation.comments.models import CommentAnalysis, CommentTheme
from participation.comments.services import POSITIVE, comment_words
from participation.core.suppression import group_shown, share, suppress_counts, suppress_small_count
from participation.reports import charts
from participation.reports.groups import Group
from participation.respond.models import Answer, Response
from participation.surveys.models import Question, Survey
from participation.surveys.question_types import question_type
from participation.themes.models import Theme

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


@dataclass
class QuestionResult:
    """One question's figures. `shown` is how many were shown it (everyone unless it has a condition)."""

    question: Question
    shown: int | str
    answered: int | str
    skipped: int | str
    rows: list[AnswerRow] = field(default_factory=list)
    several: bool = False
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


def in_group(survey: Survey, group: Group) -> list:
    """Conditions on Response picking the group's responses to the survey."""
    conditions = [Response.survey_id == survey.id]
    if group.start:
        conditions.append(Response.submitted_on >= group.start)
    if group.end:
        conditions.append(Response.submitted_on <= group.end)
    if group.question_id:
        conditions.append(Response.id.in_(select(Answer.response_id).where(
            Answer.question_id == group.question_id, Answer.choice == group.choice)))
    return conditions


def group_size(session: Session, survey: Survey, group: Group) -> int:
    """How many responses the group holds."""
    return session.scalar(select(func.count()).select_from(Response).where(*in_group(survey, group))) or 0


def results(session: Session, survey: Survey, exact: bool, group: Group = Group()) -> Results:
    """Every question's figures for one group of a survey's responses; without `exact`, small counts are
    hidden, comments are redacted, and a group under 5 shows nothing."""
    total = group_size(session, survey, group)
    if not group_shown(total, exact):
        return Results(survey, suppress_small_count(total), True, [], group)
    where = in_group(survey, group)
    answered = dict(session.execute(
        select(Answer.question_id, func.count(distinct(Answer.response_id)))
        .join(Response, Response.id == Answer.response_id).where(*where)
        .group_by(Answer.question_id)).all())
    chosen: dict[tuple[int, str], int] = {
        (qid, choice): n for qid, choice, n in session.execute(
            select(Answer.question_id, Answer.choice, func.count(distinct(Answer.response_id)))
            .join(Response, Response.id == Answer.response_id)
            .where(*where, Answer.choice.is_not(None))
            .group_by(Answer.question_id, Answer.choice)).all()}
    out = []
    for question in survey.ordered_questions:
        shown = total if question.show_if_question_id is None else \
            chosen.get((question.show_if_question_id, question.show_if_value), 0)
        n = answered.get(question.id, 0)
        several = question.kind == "multiple"
        result = QuestionResult(question, shown, n, max(shown - n, 0), several=several)
        if question.kind != "text":
            counts = {c.label: chosen.get((question.id, c.value), 0) for c in question_type(question).choices(question)}
            if several:
                # Several choices do not add up to those who answered: each is suppressed on its own.
                cells = {k: suppress_small_count(v, exact) for k, v in counts.items()}
                base: int | str = suppress_small_count(n, exact)
            else:
                cells, base = suppress_counts(counts, exact)
            result.rows = [AnswerRow(label, cell, share(cell, base)) for label, cell in cells.items()]
        else:
            result.comments = comments(session, survey, question, group, exact, limit=COMMENTS_SHOWN)
        if not exact:
            result.shown, result.answered = suppress_small_count(shown), suppress_small_count(n)
            result.skipped = suppress_small_count(max(shown - n, 0))
        out.append(result)
    return Results(survey, total if exact else suppress_small_count(total), False, out, group)


def feeling(sentiment: float) -> str:
    """A comment's feeling in words, on the same line the dashboard counts positive comments by."""
    if sentiment > POSITIVE:
        return "Positive"
    if sentiment < -POSITIVE:
        return "Negative"
    return "Neutral"


def _matching(survey: Survey, question: Question, group: Group, original: bool, search: str) -> list:
    conditions = [*in_group(survey, group), Answer.question_id == question.id, Answer.text.is_not(None),
                  Answer.text != ""]
    if search:
        escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        # Readers of redacted words search the redacted words, so a search cannot find a name.
        conditions.append(comment_words(original).ilike(f"%{escaped}%", escape="\\"))
    return conditions


def _comment_query(original: bool):
    return (select(Answer.id, comment_words(original), Response.submitted_on, CommentAnalysis.sentiment)
            .select_from(Answer).join(Response, Response.id == Answer.response_id)
            .join(CommentAnalysis, CommentAnalysis.answer_id == Answer.id))


def comments(session: Session, survey: Survey, question: Question, group: Group, original: bool,
             search: str = "", limit: int = COMMENTS_PER_PAGE, offset: int = 0) -> list[Comment]:
    """A free-text question's comments in the group, newest first, with their feeling and themes.

    Readers who do not see original words get the redacted words, no day, and nothing from a group under 5
    (the caller checks the group's size with group_shown)."""
    rows = session.execute(_comment_query(original).where(*_matching(survey, question, group, original, search))
                           .order_by(Response.submitted_on.desc(), Answer.id.desc()).limit(limit).offset(offset)).all()
    themes: dict[int, list[str]] = {}
    if rows:
        for answer_id, name in session.execute(
                select(CommentTheme.answer_id, Theme.name).join(Theme, Theme.id == CommentTheme.theme_id)
                .where(CommentTheme.answer_id.in_([r[0] for r in rows]))
                .order_by(CommentTheme.answer_id, CommentTheme.position)):
            themes.setdefault(answer_id, []).append(name)
    return [Comment(text or "", day if original else None, feeling(sentiment), tuple(themes.get(aid, ())))
            for aid, text, day, sentiment in rows]


def comment_count(session: Session, survey: Survey, question: Question, group: Group, original: bool,
                  search: str = "") -> int:
    """How many of a question's comments match, for paging."""
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


def comments_table(session: Session, res: Results, original: bool) -> list[list[object]]:
    """Every comment in the group to each free-text question, newest first, with feeling and themes (and the
    day for readers who see original words); nothing when the group is too small to show."""
    rows: list[list[object]] = []
    if res.too_few:
        return rows
    for q in res.questions:
        if q.question.kind == "text":
            for c in comments(session, res.survey, q.question, res.group, original, limit=None):
                rows.append([q.question.text, c.text, c.feeling, "; ".join(c.themes)]
                            + ([c.day.isoformat()] if original and c.day else []))
    return rows


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
    total = group_size(session, survey, group)
    if not 1 <= number <= total:
        return None
    picked = session.execute(select(Response.id, Response.submitted_on).where(*in_group(survey, group))
                             .order_by(Response.id).offset(number - 1).limit(1)).one()
    questions = survey.ordered_questions
    several = {q.id for q in questions if question_type(q).multiple}
    given: dict[str, object] = {}
    for question_id, choice, text in session.execute(
            select(Answer.question_id, Answer.choice, Answer.text).where(Answer.response_id == picked.id)):
        key = f"q{question_id}"
        if question_id in several:
            given.setdefault(key, []).append(choice)  # type: ignore[union-attr]
        else:
            given[key] = text if text is not None else choice
    pages: list[tuple[str, list[tuple[str, str, bool]]]] = []
    for question in questions:
        if not pages or pages[-1][0] != question.section.title:
            pages.append((question.section.title, []))
        words = question_type(question).describe(question, given.get(question.field_name))
        pages[-1][1].append((question.text, words, question.is_shown(given)))
    return OneResponse(number, total, picked.submitted_on, pages)
