"""An officer moves a council's tracker in, writes plain words for one recommendation, marks its action done with a
"we did" and publishes it; a phone reads it on the board. axe-core finds nothing on any page."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from participation.db import db
from participation.themes.services import ensure_default_themes
from tests.browser.conftest import assert_accessible, sign_in

FOSTERING = Path(__file__).parent.parent / "data" / "fostering_task_and_finish.csv"
RECOMMENDATION = "That in line with the corporate parenting strategy, all corporate policies must consider their impact"
PLAIN = "You told us every part of the council should think about what it means for children in care."
WE_DID = "Every new council policy now says how it will affect children in care, and the board checks it."


def test_an_officer_imports_a_tracker_and_a_recommendation_reaches_a_phone_in_plain_words(app, make_user, live_server,
                                                                                          council_laptop, phone):
    with app.app_context():
        ensure_default_themes(db.session)
        db.session.commit()
    make_user("officer", email="officer@council.example")
    page = council_laptop
    page.set_default_timeout(60000)  # checking a file tags its rows' themes, which takes a while on a busy machine
    sign_in(page, live_server, "officer@council.example")
    page.goto(f"{live_server}/tracker/import")
    page.get_by_label("Tracker file (CSV or Excel .xlsx)").set_input_files(str(FOSTERING))
    page.get_by_label("What the tracker comes from").select_option("task-and-finish")
    page.get_by_label("Its name").fill("Fostering Task & Finish Group")
    page.get_by_label("Its date (optional)").fill("1 December 2011")
    page.get_by_label("Column with what young people said, or the recommendation or action").fill("mmendations")
    page.get_by_label("Column with the response or what was done").fill("Proposed")
    page.get_by_label("Status column (optional)").fill("Response")
    page.get_by_label("Reference column (optional)").fill("Reco")
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", name="34 items will be created")).to_be_visible()
    expect(page.get_by_text("5 readings to check.")).to_be_visible()
    assert_accessible(page)

    # Importing before every unsure reading is confirmed is refused, naming the rows.
    page.get_by_role("button", name="Import 34 items").click()
    expect(page.get_by_text("Confirm the readings marked “Check this” before importing: rows 5, 10, 11, 16 and 17.")
           .first).to_be_visible()
    for row in ("5", "10", "11", "16", "17"):
        page.get_by_label(f"Row {row} is read right").check()
    page.get_by_role("button", name="Import 34 items").click()
    expect(page.get_by_text("Imported 34 items.")).to_be_visible()

    page.get_by_role("link", name=RECOMMENDATION).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("The task-and-finish group asked:")
    expect(page.locator("dl")).to_contain_text("Fostering Task & Finish Group (a task-and-finish group), 1 December 2011")
    expect(page.get_by_role("heading", name="Risk Factors")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Change", exact=True).click()
    page.get_by_label("What young people said, in plain words for them").fill(PLAIN)
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text(f"You said: {PLAIN}")).to_be_visible()

    page.get_by_role("link", name="Change this action").click()
    page.get_by_label("Status").select_option("done")
    page.get_by_role("button", name="Save the action").click()
    expect(page.get_by_text("Write what we did, in words young people understand, before you mark this done.")
           .first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("We did: what changed, for young people").fill(WE_DID)
    page.get_by_role("button", name="Save the action").click()
    expect(page.get_by_text("Saved the action.")).to_be_visible()
    page.get_by_role("button", name="Publish on the board").click()
    expect(page.get_by_text("Published on the board.")).to_be_visible()

    phone.goto(f"{live_server}/you-said-we-did")
    expect(phone.get_by_text(PLAIN)).to_be_visible()
    expect(phone.get_by_text(WE_DID)).to_be_visible()
    content = phone.content()
    assert RECOMMENDATION not in content and "Corporate Parenting Board" not in content and "3.8" not in content
    assert phone.viewport_size["width"] < 500
    assert_accessible(phone)
