"""Storing sent answers: responses, their answers, the readings of their comments and the running
totals, written with a handful of plain statements in the caller's transaction.

Everything that takes thought (tagging each comment, checking it for safeguarding, adding up the
totals) is worked out before the first write, so the database is held for as short a time as
possible while many young people send at once. The totals, which every send touches, go last.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple, Sequence

from sqlalchemy import insert
from sqlalchemy.orm import Session

from participation.analysis import Tagger
from participation.analysis.tagger import Tagging
from participation.comments.services import NewComments, tagger_and_theme_ids
from participation.db import random_id
from participation.respond.models import Answer, Response
from participation.respond.tallies import add_responses

_RESPONSES = Response.__table__
_ANSWERS = Answer.__table__
# Every id is drawn at random here, before the write, so rows need not come back from the database
# and nothing about an id or its place in a table says when it was written.
_NEW_RESPONSES = insert(_RESPONSES)
_NEW_ANSWERS = insert(_ANSWERS)


class AnswerRow(NamedTuple):
    """One answer to store: a chosen value, or a piece of free text."""

    question_id: int
    choice: str | None = None
    text: str | None = None


class Sent(NamedTuple):
    """One young person's answers to store, and the day they were sent."""

    day: date
    answers: Sequence[AnswerRow]
    #: The audience of the link it came through (Response.audience), or "".
    audience: str = ""


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
    reader, theme_ids = tagger or tagger_and_theme_ids(session)
    return Prepared(survey_id, sent, reader.tag_many(texts), theme_ids)


def write(session: Session, prepared: Prepared, totals: bool = True) -> None:
    """Insert the responses, answers and comment readings, then add to the totals; no commit. Without
    `totals` the caller adds them (tallies.add_responses), as loading many batches at once may."""
    if not prepared.sent:
        return
    connection = session.connection()
    survey_id = prepared.survey_id
    response_ids = [random_id() for _ in prepared.sent]
    connection.execute(_NEW_RESPONSES, [{"id": response_id, "survey_id": survey_id, "submitted_on": one.day,
                                         "audience": one.audience}
                                        for response_id, one in zip(response_ids, prepared.sent)])
    rows, comments = [], NewComments()
    readings = iter(prepared.taggings)
    for response_id, one in zip(response_ids, prepared.sent):
        for answer in one.answers:
            answer_id = random_id()
            rows.append({"id": answer_id, "response_id": response_id, "question_id": answer.question_id,
                         "choice": answer.choice, "text": answer.text})
            if answer.text:
                comments.add(answer_id, survey_id, answer.question_id, one.day, next(readings),
                             prepared.theme_ids)
    if rows:
        connection.execute(_NEW_ANSWERS, rows)
    comments.write(connection)
    if totals:
        add_responses(connection, survey_id, prepared.sent)


def store(session: Session, survey_id: int, sent: Sequence[Sent],
          tagger: tuple[Tagger, dict[str, int]] | None = None) -> Prepared:
    """Prepare and write responses in the caller's transaction; no commit."""
    prepared = prepare(session, survey_id, sent, tagger)
    write(session, prepared)
    return prepared
