"""The upload page: the source named, every row shown as it will be stored, unsure readings confirmed, bad files refused."""

from __future__ import annotations

import csv
import html
import io
import re
from datetime import date
from pathlib import Path

from sqlalchemy import func, select

from participation.db import db
from participation.themes.services import ensure_default_themes
from participation.tracker.importing import Columns, SourceInput, apply_import, plan_import
from participation.tracker.models import TrackerSource, YouSaid
from tests.helpers import csrf_token

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


def test_the_item_page_shows_where_it_came_from_and_every_kept_column_and_the_export_carries_them(app, login_as):
    officer = _officer(app, login_as)
    checked = _check(officer, FOSTERING.read_bytes(), FOSTERING.name, **SOURCE, **COLUMNS)
    kept = {"file_data": re.search(r'name="file_data"[^>]*value="([^"]*)"', checked.text)[1],
            "filename": FOSTERING.name, **SOURCE, **COLUMNS,
            "confirm": re.findall(r'name="confirm" value="(\d+)"', checked.text)}
    done = officer.post("/tracker/import", data={"csrf_token": csrf_token(checked.text), "step": "import", **kept})
    assert done.status_code == 302
    with app.app_context():
        item = db.session.scalars(select(YouSaid).where(YouSaid.reference == "3.8")).one()
        item_id, risk = item.id, item.extra["Risk Factors"]
    assert risk
    page = officer.get(f"/tracker/{item_id}").text
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
    assert "From Fostering Task & Finish Group (a task-and-finish group), 1 December 2011" in text
    assert "Reference 3.8" in text
    assert "<h3 class=\"heading-s\">Risk Factors</h3>" in page and " ".join(risk.split()) in text
    exported = officer.get("/tracker/export.csv").data.decode("utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(exported)))
    assert "Risk Factors" in header and "Section" in header and "Source date" in header
    row = next(r for r in rows if r[header.index("Reference")] == "3.8")
    assert row[header.index("Risk Factors")] == risk and row[header.index("Source")] == "Fostering Task & Finish Group"
    assert row[header.index("Source date")] == "2011-12-01"


def test_the_item_page_shows_the_section_of_the_review_it_came_from(app, login_as):
    officer = _officer(app, login_as)
    review = Path(__file__).parent.parent / "data" / "care_leavers_review_2012.csv"
    with app.app_context():
        plan = plan_import(db.session, review.read_bytes(), review.name,
                           Columns("RECOMMENDATION", "Response", "COMPLETED ON", ref="No"),
                           source=SourceInput("review", "Care Leavers Review 2012", date(2012, 11, 1)))
        apply_import(db.session, None, plan)
        db.session.commit()
        item_id = db.session.scalars(select(YouSaid.id).where(YouSaid.reference == "13.6.2")).one()
    page = officer.get(f"/tracker/{item_id}").text
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())
    assert "From Care Leavers Review 2012 (a review), 1 November 2012" in text
    assert "Section 13.6 Education, Employment and Training" in text and "Reference 13.6.2" in text
    assert "The review recommended:" in text
