"""Storing sent answers: responses, their answers, the readings of their comments and the running
totals, written with a handful of plain statements in the caller's transaction.

Everything that takes thought (tagging each comment, checking it for safeguarding, adding up the
totals) is worked out before the first write, so the database is held for as short a time as
possible while many young people send at once. The totals, which every send touches, go last.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple, Sequence

from sqlalchemy import insert
from sqlalchemy.orm import Session

from participation.analysis import Tagger
from participation.analysis.tagger import Tagging
from participation.comments.services import NewComments, tagger_and_theme_ids
from participation.respond.models import Answer, Response
from participation.respond.tallies import add_responses

_RESPONSES = Response.__table__
_ANSWERS = Answer.__table__
# Rows come back in no promised order (asking for one makes SQLite insert a row at a time), so
# each new id is matched to its row by what was inserted: responses of the same day are alike until
# their answers are added, and comments by response, question and text.
_NEW_RESPONSES = insert(_RESPONSES).returning(_RESPONSES.c.id, _RESPONSES.c.submitted_on)
_NEW_CHOICES = insert(_ANSWERS)
_NEW_TEXTS = insert(_ANSWERS).returning(_ANSWERS.c.id, _ANSWERS.c.response_id, _ANSWERS.c.question_id,
                                        _ANSWERS.c.text)


class AnswerRow(NamedTuple):
    """One answer to store: a chosen value, or a piece of free text."""

    question_id: int
    choice: str | None = None
    text: str | None = None


class Sent(NamedTuple):
    """One young person's answers to store, and the day they were sent."""

    day: date
    answers: Sequence[AnswerRow]


@dataclass(frozen=True)
class Prepared:
    """Responses ready to write: the comments already read by the tagger."""

    survey_id: int
    sent: Sequence[Sent]
    #: The tagger's reading of each free-text answer, in order.
    taggings: Sequence[Tagging]
    theme_ids: dict[str, int]

    @property
    def needs_help(self) -> bool:
        """Something written suggests a young person may need help now."""
        return any(tagging.safeguarding for tagging in self.taggings)


def prepare(session: Session, survey_id: int, sent: Sequence[Sent],
            tagger: tuple[Tagger, dict[str, int]] | None = None) -> Prepared:
    """Read every comment with the tagger (given, or the current one); nothing is written."""
    texts = [answer.text for one in sent for answer in one.answers if answer.text]
    if not texts:
        return Prepared(survey_id, sent, [], {})
    tagger, theme_ids = tagger or tagger_and_theme_ids(session)
    return Prepared(survey_id, sent, tagger.tag_many(texts), theme_ids)


def write(session: Session, prepared: Prepared) -> None:
    """Insert the responses, answers and comment readings, then add to the totals; no commit."""
    if not prepared.sent:
        return
    connection = session.connection()
    survey_id = prepared.survey_id
    by_day = defaultdict(list)
    for response_id, day in connection.execute(
            _NEW_RESPONSES, [{"survey_id": survey_id, "submitted_on": one.day} for one in prepared.sent]):
        by_day[day].append(response_id)
    response_ids = [by_day[one.day].pop() for one in prepared.sent]
    choices, texts = [], []
    for response_id, one in zip(response_ids, prepared.sent):
        for answer in one.answers:
            row = {"response_id": response_id, "question_id": answer.question_id, "choice": answer.choice,
                   "text": answer.text}
            (texts if answer.text else choices).append(row)
    if choices:
        connection.execute(_NEW_CHOICES, choices)
    comments = NewComments()
    if texts:
        new_ids = defaultdict(list)
        for answer_id, response_id, question_id, text in connection.execute(_NEW_TEXTS, texts):
            new_ids[(response_id, question_id, text)].append(answer_id)
        days = dict(zip(response_ids, (one.day for one in prepared.sent)))
        for row, tagging in zip(texts, prepared.taggings):
            answer_id = new_ids[(row["response_id"], row["question_id"], row["text"])].pop()
            comments.add(answer_id, survey_id, row["question_id"], days[row["response_id"]], tagging,
                         prepared.theme_ids)
    comments.write(connection)
    add_responses(connection, survey_id, prepared.sent)


def store(session: Session, survey_id: int, sent: Sequence[Sent],
          tagger: tuple[Tagger, dict[str, int]] | None = None) -> Prepared:
    """Prepare and write responses in the caller's transaction; no commit."""
    prepared = prepare(session, survey_id, sent, tagger)
    write(session, prepared)
    return prepared
