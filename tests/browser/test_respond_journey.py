"""A young person answers the demo survey on a phone, with JavaScript on and off."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import answer_every_page, assert_accessible
from tests.respond.helpers import count_responses


def test_a_young_person_answers_on_a_phone_and_every_page_passes_axe(app, demo, live_server, phone):
    dialogs = []
    phone.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    phone.goto(f"{live_server}/s/demo")
    expect(phone.get_by_role("heading", name="Nobody will know these answers are yours")).to_be_visible()
    assert_accessible(phone)
    phone.get_by_role("button", name="Start now").click()

    # Pressing Continue without answering shows the error summary, linked to the question.
    phone.get_by_role("button", name="Continue").click()
    summary = phone.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    assert phone.title().startswith("Error:")
    assert_accessible(phone)
    summary.get_by_role("link").first.click()
    assert phone.evaluate("() => document.activeElement.name") == phone.get_by_role("radio", name="Very sad").get_attribute("name")

    answer_every_page(phone, assert_accessible)

    expect(phone.get_by_role("heading", name="Check your answers")).to_be_visible()
    expect(phone.get_by_text("<script>alert(1)</script> my foster mum")).to_be_visible()
    expect(phone.get_by_text("My PA; A friend")).to_be_visible()
    assert_accessible(phone)
    phone.get_by_role("button", name="Send my answers").click()

    expect(phone.get_by_role("heading", name="Thank you")).to_be_visible()
    expect(phone.get_by_text("0800 1111").first).to_be_visible()
    expect(phone.get_by_role("link", name="999")).to_be_visible()
    assert_accessible(phone)
    assert dialogs == []
    assert count_responses(app) == 1


def test_the_survey_works_with_javascript_off(app, demo, live_server, phone_without_javascript):
    page = phone_without_javascript
    page.goto(f"{live_server}/s/demo")
    page.get_by_role("button", name="Start now").click()
    answer_every_page(page)
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    assert count_responses(app) == 1


def test_going_back_and_sending_again_stores_one(app, demo, live_server, phone):
    phone.goto(f"{live_server}/s/demo/1")
    answer_every_page(phone)
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.get_by_role("heading", name="Thank you")).to_be_visible()
    phone.go_back()
    if phone.get_by_role("button", name="Send my answers").count():
        phone.get_by_role("button", name="Send my answers").click()
        expect(phone.get_by_role("heading", name=re.compile("Thank you|We could not find your answers"))).to_be_visible()
    assert count_responses(app) == 1


def test_every_other_respondent_page_passes_axe(app, live_server, phone):
    from datetime import timedelta

    from participation.db import db, today
    from tests.factories import make_survey

    with app.app_context():
        make_survey(db.session, "gone", closes_on=today() - timedelta(days=1))
        make_survey(db.session, "soon", opens_on=today() + timedelta(days=3))
        make_survey(db.session, "group", access_code="Tigers7")
    for path in ("/s/gone", "/s/soon", "/s/nothing-here", "/s/group"):
        phone.goto(live_server + path)
        assert_accessible(phone)
    phone.get_by_role("button", name="Start now").click()
    expect(phone.get_by_role("alert")).to_contain_text("Type the code you were given.")
    assert_accessible(phone)
    phone.get_by_label("Type the code you were given").fill("tigers7")
    phone.get_by_role("button", name="Start now").click()
    expect(phone.get_by_text("Part 1 of 1")).to_be_visible()
