"""The upload page: the source named, every row shown as it will be stored, unsure readings confirmed, bad files refused."""

from __future__ import annotations

import html
import io
import re
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from participation.db import db
from participation.themes.services import ensure_default_themes
from participation.tracker.models import TrackerSource, YouSaid
from tests.conftest import csrf_token

FOSTERING = Path(__file__).parent.parent / "data" / "fostering_task_and_finish.csv"
SOURCE = {"source_kind": "task-and-finish", "source_name": "Fostering Task & Finish Group",
          "source_date": "1 December 2011"}
COLUMNS = {"you_said": "mmendations", "we_did": "Proposed", "status": "Response", "ref": "Reco"}


def _officer(app, login_as):
    with app.app_context():
        ensure_default_themes(db.session)
        db.session.commit()
    return login_as("officer")


def _check(officer, data: bytes, name: str, **fields):
    page = officer.get("/tracker/import")
    return officer.post("/tracker/import", data={"csrf_token": csrf_token(page.text), "step": "check", **fields,
                                                 "upload": (io.BytesIO(data), name)},
                        content_type="multipart/form-data")


def _row(page: str, ref: str) -> str:
    """The preview's table row for a reference, as text."""
    match = re.search(rf"<tr>\s*<td>\d+</td><td>{re.escape(ref)}</td>(.*?)</tr>", page, re.S)
    assert match, f"no row {ref}"
    return html.unescape(re.sub(r"<[^>]+>", " ", match[1]))


def test_the_preview_shows_each_row_as_stored_and_the_unsure_ones_are_confirmed_first(app, login_as):
    officer = _officer(app, login_as)
    checked = _check(officer, FOSTERING.read_bytes(), FOSTERING.name, **SOURCE, **COLUMNS)
    assert checked.status_code == 200 and "34 items will be created" in checked.text
    assert "Kept with each item under their own headings: Risk Factors." in checked.text
    at_risk = " ".join(_row(checked.text, "3.10").split())
    assert "That Cheshire East continues to provide support and resources for the recruitment" in at_risk
    assert "Agreed in Principle However in light of the current financial climate" in at_risk  # as written
    assert "In progress" in at_risk and "Amber" in at_risk and "Raised 1 December 2011" in at_risk
    assert "Check this" in at_risk and "It says this may not happen" in at_risk
    plain = " ".join(_row(checked.text, "3.8").split())
    assert "Agreed in Principle" in plain and "Not started" in plain and "Amber" in plain  # undated: not green
    assert "Read plainly" in plain
    within = " ".join(_row(checked.text, "3.15").split())
    assert "Check this" in within and "gives no day, so it is read as 31 December 2012" in within  # "within 2012"
    unsure = re.findall(r'name="confirm" value="(\d+)"', checked.text)
    assert unsure == ["5", "10", "11", "16", "17"]  # 3.10 is the file's fifth line; 3.15, 3.16, 3.21, 3.22 say a year
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(YouSaid)) == 0
    kept = {"file_data": re.search(r'name="file_data"[^>]*value="([^"]*)"', checked.text)[1],
            "filename": FOSTERING.name, **SOURCE, **COLUMNS}
    refused = officer.post("/tracker/import", data={"csrf_token": csrf_token(checked.text), "step": "import", **kept})
    assert refused.status_code == 200
    assert "Confirm the readings marked “Check this” before importing: rows 5, 10, 11, 16 and 17." in refused.text
    partly = officer.post("/tracker/import", data={"csrf_token": csrf_token(checked.text), "step": "import", **kept,
                                                   "confirm": unsure[:-1]})
    assert "before importing: row 17." in partly.text and 'id="confirm-16" name="confirm" value="16" checked' in partly.text
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(YouSaid)) == 0
    done = officer.post("/tracker/import", data={"csrf_token": csrf_token(checked.text), "step": "import", **kept,
                                                 "confirm": unsure})
    assert done.status_code == 302
    with app.app_context():
        items = {i.reference: i for i in db.session.scalars(select(YouSaid))}
        assert len(items) == 34
        assert {(i.origin.kind, i.origin.name, i.origin.held_on) for i in items.values()} == {
            ("task-and-finish", "Fostering Task & Finish Group", date(2011, 12, 1))}
        assert set(items["3.8"].extra) == {"Risk Factors"}  # "Lead & timescale" is guessed as owner and due
        assert items["3.10"].actions[0].status_words.startswith("Agreed in Principle However")


def test_a_malformed_csv_is_refused_naming_its_line_and_what_was_chosen_is_kept(app, login_as):
    officer = _officer(app, login_as)
    data = ("Reco,mmendations,Response,Proposed\n"
            "3.7,\"That all staff are on one site, where appropriate.\",Agreed in Principle,Plans are in place\n"
            "3.8,That the 'Leaving Care Grant' rises,Agreed in Principle\n").encode()
    refused = _check(officer, data, "fostering.csv", **SOURCE, **COLUMNS)
    assert refused.status_code == 200
    assert "Line 3 has 3 cells but the first line has 4 headings" in refused.text
    assert 'value="Fostering Task &amp; Finish Group"' in refused.text and 'value="1 December 2011"' in refused.text
    assert re.search(r'<option selected value="task-and-finish">|<option value="task-and-finish" selected>',
                     refused.text)
    assert 'value="mmendations"' in refused.text
    assert "items will be created" not in refused.text
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(YouSaid)) == 0
        assert db.session.scalar(select(func.count()).select_from(TrackerSource)) == 0


def test_the_source_must_be_named_unless_the_file_is_an_export(app, login_as):
    officer = _officer(app, login_as)
    unnamed = _check(officer, FOSTERING.read_bytes(), FOSTERING.name, **COLUMNS)
    assert "Choose what the tracker comes from: a review, an action plan, a meeting..." in unnamed.text
    no_name = _check(officer, FOSTERING.read_bytes(), FOSTERING.name, **COLUMNS, source_kind="task-and-finish")
    assert "Give the name of the paper or meeting" in no_name.text
    bad_date = _check(officer, FOSTERING.read_bytes(), FOSTERING.name, **COLUMNS, source_kind="task-and-finish",
                      source_name="Fostering", source_date="soon")
    assert "“soon” is not a date we can read." in bad_date.text
    assert "items will be created" not in unnamed.text + no_name.text + bad_date.text
