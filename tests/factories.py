"""Builders for test data, in the shapes the product uses."""

from __future__ import annotations

import itertools
import secrets
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone
from typing import Any, TypeVar

from sqlalchemy.orm import Session
from werkzeug.security import generate_password_hash

from participation.auth.models import AuditEntry, StaffUser
from participation.comments.models import CommentAnalysis, CommentTally, CommentTheme, TaggerModel
from participation.db import today
from participation.help_requests.models import HelpRequest
from participation.pledges.models import Pledge, PledgeVersion, Promise, ReviewPart, ReviewQuestion
from participation.reports.models import CommitteePaper, CommitteeQuote
from participation.respond.models import (Answer, AnswerPairTally, AnswerTally, Draft, Response, ResponseTally,
                                          SubmissionReceipt)
from participation.scorecard.models import Measure, MeasureGroup, MeasureValue
from participation.surveys.models import Option, Question, QuestionKind, Section, Survey, SurveyTextTranslation
from participation.surveys.services import build_survey
from participation.themes.models import Theme
from participation.tracker.models import (Action, ActionUpdate, SourceKind, TrackerSource, YouSaid, YouSaidEvidence,
                                          YouSaidTheme)
from tests.helpers import PASSWORD

T = TypeVar("T")


def make_survey(session: Session, slug: str = "test-survey", *, status: str = "open",
                opens_on: date | None = None, closes_on: date | None = None,
                sections: list[dict[str, Any]] | None = None, **fields: Any) -> Survey:
    """Create a survey; by default one page with a required yes/no and an optional free text."""
    spec = {
        "slug": slug, "title": fields.pop("title", "Your home"), "status": status,
        "opens_on": opens_on, "closes_on": closes_on,
        "intro": fields.pop("intro", "Tell us about where you live."),
        "sections": sections or [{
            "title": "Where you live",
            "questions": [
                {"kind": "yesno", "text": "Do you feel safe where you live?", "required": True,
                 "theme": "safe-home"},
                {"kind": "text", "text": "Tell us more"},
            ],
        }],
        **fields,
    }
    survey = build_survey(session, spec)
    session.commit()
    return survey


def answer_review(session: Session, survey: Survey, ratings: dict[int, dict[str, int]],
                  comments: dict[int, list[str]] | None = None) -> None:
    """Store answers to a pledge review: ratings[n] counts each answer to the n-th promise (from 1),
    spread over as many responses as the largest count; comments[n] go with the n-th promise."""
    from participation.pledges.models import Promise, ReviewQuestion
    from participation.respond.storing import AnswerRow, Sent, store
    from sqlalchemy import select

    links = session.execute(select(Promise.position, ReviewQuestion.part, ReviewQuestion.question_id)
                            .join(ReviewQuestion, ReviewQuestion.promise_id == Promise.id)
                            .where(ReviewQuestion.question_id.in_([q.id for q in survey.ordered_questions]))).all()
    question = {(position, part): qid for position, part, qid in links}
    per_response: list[list[AnswerRow]] = []
    for position, counts in ratings.items():
        choices = [choice for choice, n in counts.items() for _ in range(n)]
        for i, choice in enumerate(choices):
            while len(per_response) <= i:
                per_response.append([])
            per_response[i].append(AnswerRow(question[(position, "rating")], choice=choice))
    for position, texts in (comments or {}).items():
        for i, text in enumerate(texts):
            while len(per_response) <= i:
                per_response.append([])
            per_response[i].append(AnswerRow(question[(position, "comment")], text=text))
    store(session, survey.id, [Sent(today(), answers) for answers in per_response])
    session.commit()


# Builders for one row of each model. Each adds the row with sensible defaults, makes whatever it belongs
# to when that is not given, and flushes (so the row has its id) without committing: the test's
# transaction, or the caller, decides whether it is kept.

_numbers = itertools.count(1)


def _unique(prefix: str) -> str:
    return f"{prefix}-{next(_numbers)}"


def _added(session: Session, row: T) -> T:
    session.add(row)
    session.flush()
    return row


def make_staff_user(session: Session, role: str = "officer", *, email: str | None = None,
                    password: str = PASSWORD, **fields: Any) -> StaffUser:
    """A member of staff who can sign in with `password`."""
    return _added(session, StaffUser(email=email or f"{_unique(role)}@council.example", role=role,
                                     password_hash=generate_password_hash(password), **fields))


def make_audit_entry(session: Session, action: str = "survey.create", **fields: Any) -> AuditEntry:
    return _added(session, AuditEntry(action=action, **fields))


def make_theme(session: Session, key: str | None = None, *, name: str | None = None, **fields: Any) -> Theme:
    key = key or _unique("theme")
    return _added(session, Theme(key=key, name=name or key.replace("-", " ").capitalize(), **fields))


def make_survey_row(session: Session, slug: str | None = None, **fields: Any) -> Survey:
    """A bare survey with no pages (`make_survey` builds one with questions)."""
    return _added(session, Survey(slug=slug or _unique("survey"), title=fields.pop("title", "Your home"), **fields))


def make_section(session: Session, survey: Survey | None = None, *, title: str = "Where you live",
                 **fields: Any) -> Section:
    survey = survey or make_survey_row(session)
    return _added(session, Section(survey_id=survey.id, title=title, **fields))


def make_question(session: Session, section: Section | None = None, *, kind: str = QuestionKind.YESNO,
                  text: str = "Do you feel safe where you live?", **fields: Any) -> Question:
    section = section or make_section(session)
    return _added(session, Question(survey_id=section.survey_id, section_id=section.id, kind=kind, text=text,
                                    **fields))


def make_option(session: Session, question: Question | None = None, *, value: str = "yes", label: str = "Yes",
                **fields: Any) -> Option:
    question = question or make_question(session, kind=QuestionKind.SINGLE)
    return _added(session, Option(question_id=question.id, value=value, label=label, **fields))


def make_translation(session: Session, survey: Survey | None = None, *, key: str = "title", language: str = "cy",
                     text: str = "Dy gartref", source_hash: str = "0" * 64, **fields: Any) -> SurveyTextTranslation:
    survey = survey or make_survey_row(session)
    return _added(session, SurveyTextTranslation(survey_id=survey.id, key=key, language=language, text=text,
                                                 source_hash=source_hash, **fields))


def make_response(session: Session, survey: Survey | None = None, *, submitted_on: date | None = None,
                  answers: Iterable[Answer] = ()) -> Response:
    """A sent set of answers, stored row by row (no tallies; `respond.storing.store` keeps those)."""
    survey = survey or make_survey_row(session)
    response = Response(survey_id=survey.id, submitted_on=submitted_on or today())
    response.answers.extend(answers)
    return _added(session, response)


def make_answer(session: Session, question: Question | None = None, *, response: Response | None = None,
                choice: str | None = None, text: str | None = None) -> Answer:
    question = question or make_question(session)
    response = response or make_response(session, session.get(Survey, question.survey_id))
    return _added(session, Answer(response_id=response.id, question_id=question.id, choice=choice, text=text))


def make_draft(session: Session, survey: Survey | None = None, *, answers: dict[str, Any] | None = None,
               **fields: Any) -> Draft:
    survey = survey or make_survey_row(session)
    return _added(session, Draft(key=secrets.token_hex(16), survey_id=survey.id, answers=answers or {},
                                 submission_token=secrets.token_hex(16), **fields))


def make_submission_receipt(session: Session, survey: Survey | None = None, **fields: Any) -> SubmissionReceipt:
    survey = survey or make_survey_row(session)
    return _added(session, SubmissionReceipt(token_hash=secrets.token_hex(32), survey_id=survey.id, **fields))


def make_response_tally(session: Session, survey: Survey | None = None, *, day: date | None = None,
                        count: int = 1) -> ResponseTally:
    survey = survey or make_survey_row(session)
    return _added(session, ResponseTally(survey_id=survey.id, day=day or today(), count=count))


def make_answer_tally(session: Session, question: Question | None = None, *, choice: str = "yes",
                      day: date | None = None, count: int = 1) -> AnswerTally:
    question = question or make_question(session)
    return _added(session, AnswerTally(survey_id=question.survey_id, question_id=question.id, choice=choice,
                                       day=day or today(), count=count))


def make_answer_pair_tally(session: Session, question: Question | None = None, by: Question | None = None, *,
                           choice: str = "yes", by_choice: str = "yes", day: date | None = None,
                           count: int = 1) -> AnswerPairTally:
    question = question or make_question(session)
    by = by or question
    return _added(session, AnswerPairTally(survey_id=question.survey_id, question_id=question.id, choice=choice,
                                           by_question_id=by.id, by_choice=by_choice, day=day or today(),
                                           count=count))


def make_comment_analysis(session: Session, answer: Answer | None = None, **fields: Any) -> CommentAnalysis:
    answer = answer or make_answer(session, make_question(session, kind=QuestionKind.TEXT), text="It is fine")
    survey_id = session.get(Question, answer.question_id).survey_id  # type: ignore[union-attr]
    return _added(session, CommentAnalysis(answer_id=answer.id, survey_id=survey_id, question_id=answer.question_id,
                                           **fields))


def make_comment_theme(session: Session, analysis: CommentAnalysis | None = None, theme: Theme | None = None,
                       **fields: Any) -> CommentTheme:
    """A theme suggested for (or confirmed on) a comment."""
    analysis = analysis or make_comment_analysis(session)
    theme = theme or make_theme(session)
    return _added(session, CommentTheme(answer_id=analysis.answer_id, theme_id=theme.id, **fields))


def make_comment_tally(session: Session, survey: Survey | None = None, theme: Theme | None = None, *,
                       day: date | None = None, **fields: Any) -> CommentTally:
    survey = survey or make_survey_row(session)
    theme = theme or make_theme(session)
    return _added(session, CommentTally(survey_id=survey.id, theme_id=theme.id, day=day or today(),
                                        **{"count": 1, **fields}))


def make_tagger_model(session: Session, **fields: Any) -> TaggerModel:
    return _added(session, TaggerModel(created_at=fields.pop("created_at", datetime.now(timezone.utc)), **fields))


def make_pledge(session: Session, name: str = "Our Pledge", **fields: Any) -> Pledge:
    return _added(session, Pledge(name=name, **fields))


def make_pledge_version(session: Session, pledge: Pledge | None = None, *, year: int = 2026,
                        **fields: Any) -> PledgeVersion:
    pledge = pledge or make_pledge(session)
    return _added(session, PledgeVersion(pledge_id=pledge.id, year=year, **fields))


def make_promise(session: Session, version: PledgeVersion | None = None, *,
                 we_will: str = "We will ask you before we change your home", **fields: Any) -> Promise:
    version = version or make_pledge_version(session)
    return _added(session, Promise(version_id=version.id, identity=fields.pop("identity", secrets.token_hex(8)),
                                   we_will=we_will, **fields))


def make_review_question(session: Session, promise: Promise | None = None, question: Question | None = None, *,
                         part: str = ReviewPart.RATING) -> ReviewQuestion:
    promise = promise or make_promise(session)
    question = question or make_question(session, kind=QuestionKind.SINGLE, text="Did we keep this promise?")
    return _added(session, ReviewQuestion(promise_id=promise.id, question_id=question.id, part=part))


def make_tracker_source(session: Session, name: str = "Children in Care Council, May", *,
                        kind: str = SourceKind.MEETING, **fields: Any) -> TrackerSource:
    return _added(session, TrackerSource(kind=kind, name=name, **fields))


def make_you_said(session: Session, summary: str = "More trips in the holidays", *,
                  actions: Iterable[Action] = (), **fields: Any) -> YouSaid:
    """A "you said" item, with the actions given (see `make_action` for one added on its own)."""
    item = YouSaid(summary=summary, **fields)
    item.actions.extend(actions)
    return _added(session, item)


def make_action(session: Session, item: YouSaid | None = None, *, what: str = "Plan a trip",
                **fields: Any) -> Action:
    item = item or make_you_said(session)
    return _added(session, Action(item_id=item.id, what=what, **fields))


def make_action_update(session: Session, action: Action | None = None, *, text: str = "Booked the coach",
                       **fields: Any) -> ActionUpdate:
    action = action or make_action(session)
    return _added(session, ActionUpdate(action_id=action.id, text=text, **fields))


def make_you_said_theme(session: Session, item: YouSaid | None = None, theme: Theme | None = None,
                        **fields: Any) -> YouSaidTheme:
    item = item or make_you_said(session)
    theme = theme or make_theme(session)
    return _added(session, YouSaidTheme(item_id=item.id, theme_id=theme.id, **fields))


def make_you_said_evidence(session: Session, item: YouSaid | None = None,
                           answer: Answer | None = None) -> YouSaidEvidence:
    item = item or make_you_said(session)
    answer = answer or make_answer(session, make_question(session, kind=QuestionKind.TEXT), text="More trips")
    return _added(session, YouSaidEvidence(item_id=item.id, answer_id=answer.id))


def make_measure_group(session: Session, name: str | None = None, **fields: Any) -> MeasureGroup:
    return _added(session, MeasureGroup(name=name or _unique("Being healthy"), **fields))


def make_measure(session: Session, group: MeasureGroup | None = None, *, reference: str | None = None,
                 name: str = "Health assessments on time", **fields: Any) -> Measure:
    group = group or make_measure_group(session)
    return _added(session, Measure(group_id=group.id, reference=reference or _unique("M"), name=name, **fields))


def make_measure_value(session: Session, measure: Measure | None = None, *, period: str = "2026-Q1",
                       **fields: Any) -> MeasureValue:
    measure = measure or make_measure(session)
    return _added(session, MeasureValue(measure_id=measure.id, period=period, **fields))


def make_help_request(session: Session, contact: str = "07700 900123", **fields: Any) -> HelpRequest:
    return _added(session, HelpRequest(id=fields.pop("id", secrets.token_hex(16)), contact=contact, **fields))


def make_committee_paper(session: Session, meeting_on: date | None = None, **fields: Any) -> CommitteePaper:
    meeting_on = meeting_on or today() + timedelta(days=next(_numbers))  # one paper for each meeting
    return _added(session, CommitteePaper(meeting_on=meeting_on,
                                          period_start=fields.pop("period_start", meeting_on - timedelta(days=90)),
                                          period_end=fields.pop("period_end", meeting_on), **fields))


def make_committee_quote(session: Session, analysis: CommentAnalysis | None = None, **fields: Any) -> CommitteeQuote:
    """A comment a member of staff starred for the committee's paper."""
    analysis = analysis or make_comment_analysis(session)
    return _added(session, CommitteeQuote(answer_id=analysis.answer_id, starred_on=fields.pop("starred_on", today()),
                                          **fields))
