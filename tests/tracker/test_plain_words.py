"""A recommendation or a plan's action reaches the public board only in plain words an officer wrote for young
people: what young people said that it answers, and what we did. The council's own text never shows there."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

from sqlalchemy import select

from participation.db import db
from participation.themes.services import ensure_default_themes
from participation.tracker.importing import Columns, SourceInput, apply_import, plan_import
from participation.tracker.models import YouSaid
from tests.helpers import post_form

REVIEW = Path(__file__).parent.parent / "data" / "care_leavers_review_2012.csv"
COLUMNS = Columns("RECOMMENDATION", "Response", "COMPLETED ON", ref="No")
SOURCE = SourceInput("review", "Care Leavers Review 2012", date(2012, 11, 1))
PLAIN = "You told us you should decide how your money to set up home is spent."
WE_DID = "The money went up from £2,000 to £3,000, and your plan says how you want to spend it."


def _import_review(app, publish: bool = False) -> dict[str, int]:
    with app.app_context():
        ensure_default_themes(db.session)
        plan = plan_import(db.session, REVIEW.read_bytes(), REVIEW.name, COLUMNS, source=SOURCE)
        apply_import(db.session, None, plan, publish=publish)
        db.session.commit()
        return {i.reference: i.id for i in db.session.scalars(select(YouSaid))}


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_an_imported_recommendation_is_never_published_and_its_response_is_not_a_we_did(app, client):
    refs = _import_review(app, publish=True)
    with app.app_context():
        item = db.session.get(YouSaid, refs["13.1.7"])
        action = item.actions[0]
        # Done in the review, and its response kept as the council's own words, not as words for young people.
        assert action.status == "done" and action.what.startswith("In consultation with young people")
        assert action.we_did == ""
        assert db.session.scalars(select(YouSaid).where(YouSaid.published.is_(True))).all() == []
    board = client.get("/you-said-we-did").text
    assert "There is nothing here yet" in board and "Leaving Care Grant" not in board


def test_an_officer_writes_plain_words_and_a_we_did_before_a_recommendation_reaches_the_board(app, login_as, client):
    refs = _import_review(app)
    officer = login_as("officer")
    item_id = refs["13.1.7"]
    page = officer.get(f"/tracker/{item_id}").text
    assert "The review recommended: That the Council ensure" in _text(page)
    assert "Nothing yet. The board never shows the text of a recommendation or plan" in _text(page)
    refused = post_form(officer, f"/tracker/{item_id}/publish", {}, form_page=f"/tracker/{item_id}")
    assert "is marked done but says nothing young people can read" in _text(officer.get(refused.headers["Location"]).text)

    form = officer.get(f"/tracker/{item_id}/edit").text
    assert "The review recommended: its own words (staff only)" in form
    with app.app_context():
        item = db.session.get(YouSaid, item_id)
        summary, action_id = item.summary, item.actions[0].id
    saved = post_form(officer, f"/tracker/{item_id}/edit", {"summary": summary, "source": "review",
                                                             "reference": "13.1.7", "plain_summary": PLAIN})
    assert saved.status_code == 302, saved.text
    with app.app_context():
        item = db.session.get(YouSaid, item_id)
        assert item.plain_summary == PLAIN and item.summary == summary and item.origin.name == SOURCE.name

    # Marking its action done asks for the "we did" first; what was typed is kept.
    action_page = f"/tracker/actions/{action_id}"
    with app.app_context():
        what = db.session.get(YouSaid, item_id).actions[0].what
    asked = post_form(officer, action_page, {"what": what, "owner_user_id": "", "status": "done", "we_did": ""})
    assert asked.status_code == 200 and "Write what we did, in words young people understand" in asked.text
    told = post_form(officer, action_page, {"what": what, "owner_user_id": "", "status": "done", "we_did": WE_DID})
    assert told.status_code == 302, told.text

    published = post_form(officer, f"/tracker/{item_id}/publish", {}, form_page=f"/tracker/{item_id}")
    assert "Published on the board." in officer.get(published.headers["Location"]).text
    board = _text(client.get("/you-said-we-did").text)
    assert f"You said: {PLAIN}" in board and f"We did: {WE_DID}" in board
    assert "That the Council ensure" not in board and "In consultation with young people" not in board
    assert "13.1.7" not in board and "review recommended" not in board


def test_without_plain_words_a_recommendation_is_refused_and_never_shown_however_it_was_published(app, login_as,
                                                                                                   client):
    refs = _import_review(app)
    officer = login_as("officer")
    item_id = refs["13.2.2"]  # not progressed: an open action
    with app.app_context():
        action = db.session.get(YouSaid, item_id).actions[0]
        assert action.status == "not-progressed"
        action.status, action.we_did, action.done_on = "done", "We asked for it and it is now in place.", None
        db.session.commit()
    refused = post_form(officer, f"/tracker/{item_id}/publish", {}, form_page=f"/tracker/{item_id}")
    assert "Write what this means for young people, in plain words, or choose what young people said" in _text(
        officer.get(refused.headers["Location"]).text)
    with app.app_context():
        item = db.session.get(YouSaid, item_id)
        assert not item.published
        item.published = True  # even if it were published some other way
        db.session.commit()
    assert "There is nothing here yet" in client.get("/you-said-we-did").text


def test_a_published_recommendation_shows_only_its_we_did_never_its_open_actions(app, client):
    refs = _import_review(app)
    with app.app_context():
        item = db.session.get(YouSaid, refs["13.1.7"])
        item.plain_summary, item.actions[0].we_did = PLAIN, WE_DID
        open_action = item.actions[0].__class__(what="Council officers to scope a s.17 funding review", status="in-progress")
        item.actions.append(open_action)
        item.published = True
        db.session.commit()
    board = _text(client.get("/you-said-we-did").text)
    assert f"We did: {WE_DID}" in board and "s.17" not in board and "What we are doing" not in board


def test_a_recommendation_linked_to_what_young_people_said_reaches_the_board_in_their_words(app, login_as, client):
    from participation.tracker import services

    refs = _import_review(app)
    with app.app_context():
        said = services.create_item(db.session, None, services.ItemInput(
            summary="We want our own say in how our leaving care money is spent.", source="cicc",
            meeting_on=date(2012, 9, 4)))
        db.session.commit()
        said_id = said.id
        summary = db.session.get(YouSaid, refs["13.1.7"]).summary
    officer = login_as("officer")
    item_id = refs["13.1.7"]
    form = officer.get(f"/tracker/{item_id}/edit").text
    assert f'<option value="{said_id}">We want our own say' in form
    refused = post_form(officer, f"/tracker/{item_id}/edit", {"summary": summary, "source": "review",
                                                               "answers_id": str(refs["13.1.2"])})
    assert refused.status_code == 200 and "Choose what young people said from the list." in refused.text
    saved = post_form(officer, f"/tracker/{item_id}/edit", {"summary": summary, "source": "review",
                                                             "answers_id": str(said_id)})
    assert saved.status_code == 302, saved.text
    page = _text(officer.get(f"/tracker/{item_id}").text)
    assert "It answers what young people said: We want our own say" in page
    assert "Recommendations and plans that answer this" in officer.get(f"/tracker/{said_id}").text
    with app.app_context():
        db.session.get(YouSaid, item_id).actions[0].we_did = WE_DID
        db.session.commit()
    published = post_form(officer, f"/tracker/{item_id}/publish", {}, form_page=f"/tracker/{item_id}")
    assert "Published on the board." in officer.get(published.headers["Location"]).text
    board = _text(client.get("/you-said-we-did").text)
    assert "You said: We want our own say in how our leaving care money is spent." in board
    assert f"We did: {WE_DID}" in board and "That the Council ensure" not in board
