"""The respondent journey's rules: which surveys can be answered, saving answers between pages,
and storing a submission exactly once."""

from __future__ import annotations

import enum
import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import bindparam, delete, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from participation.core import state
from participation.core.transaction import Undo
from participation.db import changed_rows, today
from participation.respond import storing
from participation.respond.models import Draft, SubmissionReceipt
from participation.respond.storing import AnswerRow, Sent
from participation.surveys import translating
from participation.surveys.models import Question, QuestionKind, Section, Survey, SurveyStatus
from participation.surveys.services import find_survey_by_id
from participation.surveys.question_types import question_type


_SURVEY_CACHE_SIZE = 64
#: Read-only copies of surveys for young people's pages, by (id, revision), in this process.
_SURVEYS: state.Kept[tuple[int, str], Survey] = state.kept("surveys", _SURVEY_CACHE_SIZE)


def find_survey(session: Session, slug: str) -> Survey | None:
    """The survey at /s/<slug>, as a read-only copy detached from the session.

    One small query finds the survey's current revision; the full survey (sections, questions,
    options) is loaded only when this process has not seen that revision yet. Any change made
    in the builder gives a new revision, so no process serves a stale survey.
    """
    found = session.execute(select(Survey.id, Survey.revision).where(Survey.slug == slug)).first()
    if found is None:
        return None
    key = (found.id, found.revision)
    survey = _SURVEYS.get(key)
    if survey is None:
        survey = find_survey_by_id(session, found.id)
        if survey is None:
            return None
        session.expunge(survey)  # cascades to sections, questions and options
        _SURVEYS.put((survey.id, survey.revision), survey)
    return survey


#: The languages each survey revision offers, and its translated read-only copies, in this process.
_OFFERS: state.Kept[tuple[int, str, tuple[str, ...]], list[str]] = state.kept("survey languages", _SURVEY_CACHE_SIZE)
_TRANSLATED: state.Kept[tuple[int, str, str], Survey] = state.kept("translated surveys", _SURVEY_CACHE_SIZE)


def survey_languages(session: Session, survey: Survey, turned_on: list[str]) -> list[str]:
    """The languages this survey offers young people: English and each language the council has turned
    on that every piece of the survey is translated into, from its English as it is now."""
    key = (survey.id, survey.revision, tuple(turned_on))
    offered = _OFFERS.get(key)
    if offered is None:
        offered = translating.complete_languages(survey, translating.stored(session, survey), turned_on)
        _OFFERS.put(key, offered)
    return offered


def in_language(session: Session, survey: Survey, language: str) -> Survey:
    """A read-only copy of the survey with its words in `language`, one it offers (see survey_languages);
    the survey itself for English. A change to the survey or its translations gives a new revision, and so
    a new copy."""
    if language == "en":
        return survey
    key = (survey.id, survey.revision, language)
    copy = _TRANSLATED.get(key)
    if copy is None:
        copy = find_survey_by_id(session, survey.id)
        if copy is None or copy.revision != survey.revision:  # changed since it was read: stay in English
            return survey
        translations = translating.stored(session, copy, language)
        session.expunge(copy)
        translating.translated(copy, language, translations)
        _TRANSLATED.put(key, copy)
    return copy


def visible_questions(section: Section, answers: dict[str, Any]) -> list[Question]:
    """The questions on a page that the answers so far say to show."""
    return [q for q in section.questions if q.is_shown(answers)]


def next_page(survey: Survey, number: int, answers: dict[str, Any]) -> int | None:
    """The next page after `number` with something to answer, or None when it is time to check."""
    all_pages = pages(survey)
    for later in range(number + 1, len(all_pages) + 1):
        if visible_questions(all_pages[later - 1], answers):
            return later
    return None


def previous_page(survey: Survey, number: int, answers: dict[str, Any]) -> int | None:
    """The page before `number` with something to answer, or None for the intro."""
    all_pages = pages(survey)
    for earlier in range(number - 1, 0, -1):
        if visible_questions(all_pages[earlier - 1], answers):
            return earlier
    return None


def pages(survey: Survey) -> list[Section]:
    """The pages a young person goes through: every section that has questions."""
    return [section for section in survey.sections if section.questions]


def minutes_to_answer(survey: Survey) -> int:
    """A rough, honest estimate: about 20 seconds a question and a minute a written answer that must
    be given. A box that can be left empty counts 20 seconds, the time to read it and decide: most
    young people skip them, so counting each as a full minute made a review of 12 promises, with a
    comment box under each, claim 16 minutes."""
    seconds = sum(60 if q.kind == QuestionKind.TEXT and q.required else 20 for q in survey.ordered_questions)
    return max(1, round(seconds / 60))


def open_surveys(session: Session, leaving_out: Survey | None = None, limit: int = 5) -> list[Survey]:
    """Surveys anyone can answer today (open, in their dates, with no group code), newest first: where
    a closed or not-yet-open survey sends a young person instead of leaving them at a dead end."""
    on = today()
    found = session.scalars(
        select(Survey).where(Survey.status == SurveyStatus.OPEN, Survey.access_code == "",
                             (Survey.opens_on.is_(None)) | (Survey.opens_on <= on),
                             (Survey.closes_on.is_(None)) | (Survey.closes_on >= on))
        .order_by(Survey.created_on.desc(), Survey.title).limit(limit + 1)
    ).all()
    return [s for s in found if leaving_out is None or s.id != leaving_out.id][:limit]


def find_draft(session: Session, survey: Survey, key: str | None) -> Draft | None:
    """Return the young person's unsent answers for this survey, if the key still finds them."""
    if not key:
        return None
    draft = session.get(Draft, key)
    return draft if draft is not None and draft.survey_id == survey.id else None


def code_matches(survey: Survey, typed: str) -> bool:
    """True when the typed access code is the survey's, ignoring case and spaces at the ends."""
    expected = survey.access_code.strip().lower().encode()
    return bool(expected) and secrets.compare_digest(expected, (typed or "").strip().lower().encode())


def save_answers(session: Session, survey: Survey, draft: Draft | None, values: dict[str, Any]) -> Draft:
    """Keep one page's answers with the rest, starting a draft with a fresh random key if needed."""
    if draft is None:
        draft = Draft(
            key=secrets.token_urlsafe(32), survey_id=survey.id, answers={},
            submission_token=secrets.token_urlsafe(32),
        )
        session.add(draft)
    # A new dict, so the JSON column sees the change.
    draft.answers = {**(draft.answers or {}), **values}
    draft.updated_on = today()
    session.flush()
    return draft


def is_blank(value: Any) -> bool:
    """True when a form value holds no answer."""
    return value is None or value == "" or value == []


def first_unanswered_page(survey: Survey, answers: dict[str, Any]) -> int | None:
    """The number of the first page with a required question left blank, or None."""
    for number, section in enumerate(pages(survey), start=1):
        if any(q.required and is_blank(answers.get(q.field_name)) for q in visible_questions(section, answers)):
            return number
    return None


class Outcome(enum.Enum):
    """What happened when a young person pressed send."""

    STORED = "stored"
    ALREADY_STORED = "already-stored"
    INCOMPLETE = "incomplete"
    NOT_FOUND = "not-found"


@dataclass(frozen=True)
class SubmitResult:
    outcome: Outcome
    #: For INCOMPLETE, the page to go back to.
    page: int | None = None
    #: Something written suggests the young person may need help now; the answers stay anonymous.
    needs_help: bool = False


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def answer_rows(survey: Survey, answers: dict[str, Any]) -> list[AnswerRow]:
    """The answers to store for every question, keeping only values the question still offers."""
    rows = []
    for question in survey.ordered_questions:
        if not question.is_shown(answers):
            continue  # an answer given before an earlier answer changed is not kept
        kind = question_type(question)
        allowed = {c.value for c in kind.choices(question)}
        for choice, text in kind.stored(answers.get(question.field_name)):
            if choice is not None and choice not in allowed:
                continue
            rows.append(AnswerRow(question.id, choice, text))
    return rows


#: How many times sending is tried when the database is busy or restarting, before giving up.
SEND_ATTEMPTS = 3
#: The errors that are worth trying again: a locked or restarting database, not a bad answer.
RETRY_ON = (OperationalError,)


#: The receipt for a send, by database: one that is already there is left alone and nothing is
#: inserted, with no error. A refused insert would be a database error, which PostgreSQL writes to
#: its own log with the time to the millisecond and the receipt's hash: the moment a young person
#: pressed Send a second time.
_NEW_RECEIPT = {
    name: dialect.insert(SubmissionReceipt.__table__).on_conflict_do_nothing(index_elements=["token_hash"])
    .returning(SubmissionReceipt.__table__.c.token_hash)
    for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))
}
_PLAIN_RECEIPT = insert(SubmissionReceipt.__table__)
_DELETE_DRAFT = Draft.__table__.delete().where(Draft.__table__.c.key == bindparam("key"))


def submit(session: Session, survey: Survey, draft_key: str | None, token: str, audience: str = "") -> SubmitResult:
    """Store the draft as one Response in the caller's transaction, exactly once per token, with the audience
    of the link it came through ("" for the survey's own link).

    A double tap, a resend after going back, or a retry after a timeout all carry the same
    token; the receipt's primary key lets only one of them through (a second insert of it waits
    for the first send's transaction, then inserts nothing), and the others are undone and
    answered "already stored", without any database error. Run it with `run(..., attempts=SEND_ATTEMPTS, retry_on=RETRY_ON)`
    so a busy database is tried again a few times before giving up.
    """
    token_hash = _token_hash(token or "")
    draft = find_draft(session, survey, draft_key)
    if draft is None or not token or not secrets.compare_digest(draft.submission_token, token):
        used = session.get(SubmissionReceipt, token_hash) if token else None
        return SubmitResult(Outcome.ALREADY_STORED if used else Outcome.NOT_FOUND)
    missing = first_unanswered_page(survey, draft.answers or {})
    if missing is not None:
        return SubmitResult(Outcome.INCOMPLETE, missing)
    # Tagging and checking the comments happen before anything is written, so the database is
    # held only for the few statements below.
    prepared = storing.prepare(session, survey.id, [Sent(today(), answer_rows(survey, draft.answers or {}), audience)])
    connection = session.connection()
    receipt = {"token_hash": token_hash, "survey_id": survey.id, "used_on": today()}
    statement = _NEW_RECEIPT.get(connection.dialect.name)
    if statement is not None:
        if connection.execute(statement, receipt).first() is None:  # inserted nothing: already there
            raise Undo(SubmitResult(Outcome.ALREADY_STORED))
    else:  # another database: its primary key refuses the second insert
        try:
            connection.execute(_PLAIN_RECEIPT, receipt)
        except IntegrityError as error:
            raise Undo(SubmitResult(Outcome.ALREADY_STORED)) from error
    connection.execute(_DELETE_DRAFT, {"key": draft.key})
    storing.write(session, prepared)
    return SubmitResult(Outcome.STORED, needs_help=prepared.needs_help)


def purge_old_drafts(session: Session, days: int, on: date | None = None) -> int:
    """Delete unsent answers not touched for `days` days; return how many were deleted."""
    cutoff = (on or today()) - timedelta(days=days)
    return changed_rows(session, delete(Draft).where(Draft.updated_on < cutoff))
