"""Excel files built to be small to send and huge to read are refused in plain words, with nothing stored, on
the tracker and scorecard upload pages, when sent back to be confirmed, and by the commands; real councils'
tables still read. (How long each refusal takes, and the memory, are printed by bench/hostile_uploads.py.)"""

from __future__ import annotations

import base64
import functools
import html
import io
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from participation.config import Config
from participation.db import db
from participation.core.spreadsheets import UnreadableFile, read_upload
from participation.scorecard import services as scorecard
from participation.scorecard.models import Measure, MeasureValue
from participation.themes.services import ensure_default_themes
from participation.tracker import importing
from participation.tracker.models import TrackerSource, YouSaid
from tests import hostile_workbooks as hostile
from tests.helpers import csrf_token

ROWS_BEYOND = "The first sheet goes on far beyond 2,000 rows of 200 columns"
TOO_BIG = "This Excel file unpacks to far more than a tracker or scorecard holds."

#: Each hostile kind, a version small enough to build quickly in a test yet past every limit it attacks, and
#: the start of what the officer is told.
KINDS = {
    "empty rows": (hostile.empty_rows, ROWS_BEYOND),
    "numbered empty rows": (hostile.numbered_rows, ROWS_BEYOND),
    "a row numbered 1,048,576": (hostile.last_row, ROWS_BEYOND),
    "1.5 million shared strings": (hostile.shared_strings, "This Excel file holds more than 110,000 "
                                                           "pieces of text"),
    "zip bomb": (functools.partial(hostile.zip_bomb, 64), TOO_BIG),
    "zip bomb with forged sizes": (functools.partial(hostile.forged_bomb, 64),
                                   "This Excel file could not be read. Save it again as .xlsx or as CSV."),
    "one cell of 30 MB": (hostile.long_cell, "A cell in row 2 of the first sheet holds more than 32,767 characters"),
    "a million cells in one row": (hostile.wide_row, "Row 2 of the first sheet has more cells than Excel allows "
                                                     "in a row (16,384)."),
    "a million cells behind a decoy workbook": (lambda: hostile.decoy(hostile.wide_row()),
                                                "Row 2 of the first sheet has more cells than Excel allows"),
    "cells far right": (hostile.far_right, ROWS_BEYOND),
    "380,000 tiny cells within the row and column limits": (hostile.dense_cells, ROWS_BEYOND + ", or 100,000 cells"),
    "billion laughs": (hostile.entities, "This Excel file holds a declaration that Excel never writes"),
    "600,000 cell formats": (hostile.many_styles, "Part of this Excel file (xl/styles.xml) is far larger than"),
}


@functools.cache
def _built(kind: str) -> bytes:
    return KINDS[kind][0]()


def _stored(app) -> tuple[int, ...]:
    with app.app_context():
        return tuple(db.session.scalar(select(func.count()).select_from(model))
                     for model in (YouSaid, TrackerSource, Measure, MeasureValue))


def _page_text(reply) -> str:
    return " ".join(html.unescape(reply.text).split())


@pytest.mark.parametrize("kind", KINDS)
def test_each_hostile_workbook_is_refused_in_plain_words(kind):
    with pytest.raises(UnreadableFile) as refused:
        read_upload(_built(kind), "tracker.xlsx", 2000)
    assert str(refused.value).startswith(KINDS[kind][1])


@pytest.mark.parametrize("kind", KINDS)
def test_the_tracker_page_refuses_each_hostile_workbook_and_stores_nothing(app, login_as, kind):
    with app.app_context():
        ensure_default_themes(db.session)
        db.session.commit()
    officer = login_as("officer")
    before = _stored(app)
    fields = {"source_kind": "review", "source_name": "Care Leavers Review 2012", "you_said": "You said",
              "we_did": "We did", "step": "import"}
    page = officer.get("/tracker/import")
    reply = officer.post("/tracker/import", data={"csrf_token": csrf_token(page.text), **fields,
                                                  "upload": (io.BytesIO(_built(kind)), "tracker.xlsx")},
                         content_type="multipart/form-data")
    assert reply.status_code == 200 and KINDS[kind][1] in _page_text(reply)
    # The same file sent back as if kept in the page to be confirmed is read, and refused, the same way.
    confirmed = officer.post("/tracker/import", data={
        "csrf_token": csrf_token(page.text), **fields, "file_data": base64.b64encode(_built(kind)).decode(),
        "filename": "tracker.xlsx"})
    assert confirmed.status_code in (200, 413)
    if confirmed.status_code == 200:
        assert KINDS[kind][1] in _page_text(confirmed)
    assert _stored(app) == before == (0, 0, 0, 0)


@pytest.mark.parametrize("kind", KINDS)
def test_the_scorecard_page_refuses_each_hostile_workbook_and_stores_nothing(app, login_as, kind):
    officer = login_as("officer")
    page = officer.get("/scorecard/import")
    reply = officer.post("/scorecard/import", data={"csrf_token": csrf_token(page.text), "step": "import",
                                                    "upload": (io.BytesIO(_built(kind)), "Scorecard Q3.xlsx")},
                         content_type="multipart/form-data")
    assert reply.status_code == 200 and KINDS[kind][1] in _page_text(reply)
    assert _stored(app) == (0, 0, 0, 0)


@pytest.mark.parametrize("kind", ["empty rows", "1.5 million shared strings", "zip bomb", "billion laughs",
                                  "a million cells in one row"])
def test_the_commands_refuse_a_hostile_workbook_and_store_nothing(app, runner, tmp_path, kind):
    with app.app_context():
        ensure_default_themes(db.session)
        db.session.commit()
    path = tmp_path / "upload.xlsx"
    path.write_bytes(_built(kind))
    tracker = runner.invoke(args=["import-tracker", str(path), "--source-kind", "review", "--source-name", "Review"])
    assert tracker.exit_code != 0 and KINDS[kind][1] in " ".join(tracker.output.split())
    card = runner.invoke(args=["import-scorecard", str(path)])
    assert card.exit_code != 0 and KINDS[kind][1] in " ".join(card.output.split())
    assert _stored(app) == (0, 0, 0, 0)


def test_a_sheet_declaring_a1_to_xfd20000_is_read_as_the_cells_it_holds():
    header, rows = read_upload(hostile.declared_size(), "tracker.xlsx", 2000)
    assert header == ["You said", "We did"] and rows == [["More say", "Done"]]


SEEDS = sorted((Path(__file__).parent.parent / "data").glob("*.csv"))


@pytest.mark.parametrize("seed", SEEDS, ids=[s.stem for s in SEEDS])
def test_every_seed_table_saved_as_excel_still_reads_cell_for_cell(seed):
    header, rows = read_upload(seed.read_bytes(), seed.name, 2000)
    book = Workbook()
    for row in [header, *rows]:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    assert read_upload(out.getvalue(), seed.stem + ".xlsx", 2000) == (header, rows)


def test_a_file_at_each_upload_limit_can_be_sent_back_to_be_confirmed():
    # The page keeps a checked file and sends it back, a third larger (base64), when the officer confirms.
    for limit in (importing.MAX_FILE, scorecard.MAX_FILE):
        assert 4 * limit / 3 + 64 * 1024 < Config.MAX_CONTENT_LENGTH


def test_a_long_sheet_after_the_first_is_never_read_so_never_refused():
    book = Workbook()
    book.active.append(["You said", "We did"])
    book.active.append(["More say", "Done"])
    data = book.create_sheet("Lookups")
    for n in range(15_000):  # beyond the first sheet's 12,001 rows
        data.append([n, f"Lookup {n}"])
    out = io.BytesIO()
    book.save(out)
    assert read_upload(out.getvalue(), "tracker.xlsx", 2000) == (["You said", "We did"], [["More say", "Done"]])
