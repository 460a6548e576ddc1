"""Export survey responses, reading answers in batches straight from the database."""

from __future__ import annotations

import io
import zipfile
from itertools import groupby
from typing import IO, Iterator, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from participation.db import db
from participation.core.spreadsheets import csv_chunks, write_csv
from participation.respond.models import Answer, Response
from participation.surveys.models import Survey
from participation.surveys.question_types import question_type


#: Rows read from the database at a time by an export (on PostgreSQL through a server-side cursor).
CHUNK_ROWS = 2000


def response_header(survey: Survey, with_day: bool = False) -> list[str]:
    """The columns of a responses export: the day sent (when asked for), then each question's text."""
    return (["Day sent"] if with_day else []) + [q.text for q in survey.ordered_questions]


def response_rows(session: Session, survey: Survey, where: Sequence = (), with_day: bool = False
                  ) -> Iterator[list[str]]:
    """Yield one row per response, by the day it was sent (in no order within a day, as ids are random):
    the day (when asked for; never a time), then each question's answer in words, in survey order. `where` narrows the responses (conditions on Response)."""
    questions = survey.ordered_questions
    column = {q.id: i for i, q in enumerate(questions)}
    answers = session.execute(
        # An outer join, so a response that skipped every optional question still gets its row.
        select(Response.id.label("response_id"), Response.submitted_on, Answer.question_id, Answer.choice,
               Answer.text)
        .outerjoin(Answer, Answer.response_id == Response.id)
        .where(Response.survey_id == survey.id, *where)
        .order_by(Response.submitted_on, Response.id, Answer.id)
        .execution_options(yield_per=CHUNK_ROWS)
    )
    for _, one_response in groupby(answers, key=lambda a: a.response_id):
        group = list(one_response)
        day = [group[0].submitted_on.isoformat()] if with_day else []
        values: list[list[str] | str | None] = [None] * len(questions)
        for answer in group:
            i = column.get(answer.question_id)
            if i is None:
                continue
            if answer.text is not None:
                values[i] = answer.text
            elif question_type(questions[i]).multiple:
                values[i] = [*(values[i] or []), answer.choice]
            else:
                values[i] = answer.choice
        yield day + [question_type(q).describe(q, v) for q, v in zip(questions, values)]


def write_responses_csv(session: Session, survey: Survey, out: IO[str]) -> int:
    """Write a header of question texts and one row per response; return the number of rows."""
    return write_csv(out, response_header(survey), response_rows(session, survey))


#: Columns never exported, even to administrators.
SECRET_COLUMNS = {("staff_users", "password_hash")}


class _Outbox(io.RawIOBase):
    """Where a ZIP being streamed is written: it keeps what was written until taken, and cannot seek, so
    zipfile writes each file's sizes after its data instead of going back for them."""

    def __init__(self) -> None:
        super().__init__()
        self._pieces: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._pieces.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data = b"".join(self._pieces)
        self._pieces.clear()
        return data


def exported_tables() -> list:
    """The tables export_chunks writes, one CSV file each."""
    return list(db.metadata.sorted_tables)


def _table_rows(session: Session, table, columns: list) -> Iterator[list]:
    rows = session.execute(select(*columns).order_by(*table.primary_key.columns).execution_options(
        yield_per=CHUNK_ROWS))
    return (["" if v is None else v for v in row] for row in rows)


def export_chunks(session: Session) -> Iterator[bytes]:
    """Every table the system holds as a CSV file in one ZIP, formula-safe, in pieces as the rows are read
    a chunk at a time: memory stays the same however much is held."""
    outbox = _Outbox()
    with zipfile.ZipFile(outbox, "w", zipfile.ZIP_DEFLATED) as archive:
        for table in exported_tables():
            columns = [c for c in table.columns if (table.name, c.name) not in SECRET_COLUMNS]
            with archive.open(f"{table.name}.csv", "w") as entry:
                for piece in csv_chunks([c.name for c in columns], _table_rows(session, table, columns)):
                    entry.write(piece)
                    if data := outbox.take():
                        yield data
    yield outbox.take()

