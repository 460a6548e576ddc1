"""Downloads are sent as they are written, a chunk of rows at a time, and still hold every row: the
administrator's ZIP of everything and a survey's responses and comments as CSV."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date

import pytest

from participation.core.transaction import transaction
from participation.db import db
from participation.core import spreadsheets as codec
from participation.exchange import services as exports
from participation.respond.storing import AnswerRow, Sent, store
from tests.factories import make_survey

RESPONSES = 23


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of 4 rows and about 200 characters, so a few responses fill several."""
    monkeypatch.setattr(exports, "CHUNK_ROWS", 4)
    monkeypatch.setattr(codec, "CHUNK_CHARS", 200)


def _survey(app) -> int:
    with app.app_context():
        made = make_survey(db.session, "many", sections=[{"title": "You", "questions": [
            {"kind": "yesno", "text": "Are you 16 or over?"}, {"kind": "text", "text": "Tell us more"}]}])
        age, more = (q.id for q in made.ordered_questions)
        store(db.session, made.id, [
            Sent(date(2026, 3, 1 + i), [AnswerRow(age, choice="yes" if i % 2 else "no"),
                                        AnswerRow(more, text=f"=my carer listens {i}")])
            for i in range(RESPONSES)])
        db.session.commit()
        return made.id


def _pieces(reply) -> list[bytes]:
    assert reply.status_code == 200
    assert reply.headers["Cache-Control"] == "no-store"
    return [piece for piece in reply.response if piece]


def test_the_responses_and_comments_downloads_come_in_pieces_with_every_row(app, client, login_as, small_chunks):
    survey = _survey(app)
    officer = login_as("officer")
    pieces = _pieces(officer.get(f"/surveys/{survey}/results/responses.csv"))
    assert len(pieces) > 2
    rows = list(csv.reader(io.StringIO(b"".join(pieces).decode("utf-8-sig"))))
    assert rows[0] == ["Day sent", "Are you 16 or over?", "Tell us more"]
    assert rows[1:] == [[f"2026-03-{1 + i:02}", "Yes" if i % 2 else "No", f"'=my carer listens {i}"]
                        for i in range(RESPONSES)]
    pieces = _pieces(officer.get(f"/surveys/{survey}/results/comments.csv"))
    assert len(pieces) > 2
    comments = list(csv.reader(io.StringIO(b"".join(pieces).decode("utf-8-sig"))))
    assert [(row[1], row[-1]) for row in comments[1:]] == [
        (f"'=my carer listens {i}", f"2026-03-{1 + i:02}") for i in reversed(range(RESPONSES))]


def test_the_zip_of_everything_comes_in_pieces_with_every_row(app, client, make_user, login_as, small_chunks):
    _survey(app)
    admin = login_as("administrator")
    pieces = _pieces(admin.get("/admin/export.zip"))
    assert len(pieces) > 2
    archive = zipfile.ZipFile(io.BytesIO(b"".join(pieces)))
    assert archive.testzip() is None
    responses = list(csv.reader(io.StringIO(archive.read("responses.csv").decode("utf-8-sig"))))
    answers = list(csv.reader(io.StringIO(archive.read("answers.csv").decode("utf-8-sig"))))
    assert len(responses) == 1 + RESPONSES and len(answers) == 1 + 2 * RESPONSES
    texts = sorted(row[answers[0].index("text")] for row in answers[1:] if row[answers[0].index("text")])
    assert texts == sorted(f"'=my carer listens {i}" for i in range(RESPONSES))
    with app.app_context(), transaction(db.session):
        # Each table's file is the same bytes as one CSV written in one go.
        table = db.metadata.tables["responses"]
        header = [c.name for c in table.columns]
        rows = db.session.execute(table.select().order_by(*table.primary_key.columns))
        expected = codec.encode_table("csv", header, (["" if v is None else v for v in r] for r in rows), "x")
    assert archive.read("responses.csv") == expected
