"""An officer builds and shares a survey in a real browser; a phone then answers it."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in_at_surveys
from tests.respond.helpers import count_responses, stored_answers


def _add_question(page, kind, text, page_choice=None, new_page="", options="", required=False, show_if=None):
    page.get_by_role("link", name="Add a question").click()
    expect(page.get_by_role("heading", name="Add a question")).to_be_visible()
    page.get_by_label("Kind of question").select_option(label=kind)
    page.get_by_label("Question", exact=True).fill(text)
    if options:
        page.get_by_label("Answers to choose from, one on each line").fill(options)
    if required:
        page.get_by_label("Young people must answer this question").check()
    if page_choice:
        page.get_by_label("Page", exact=True).select_option(label=page_choice)
    if new_page:
        page.get_by_label("Or put it on a new page called").fill(new_page)
    if show_if:
        asked, answers = show_if
        page.get_by_role("button", name="Show its answers").click()  # lists the questions before the page chosen
        page.get_by_label("Show this question").select_option(label=f"Only to those who answered “{asked}” in a certain way")
        page.get_by_role("button", name="Show its answers").click()
        for answer in answers:
            page.get_by_role("group", name="Show it to those who answered").get_by_label(answer, exact=True).check()
    assert_accessible(page)
    page.get_by_role("button", name="Add question").click()
    expect(page.get_by_role("status")).to_contain_text("Added the question.")


def test_officer_builds_publishes_and_a_phone_answers_with_a_condition(app, make_user, live_server, laptop, phone):
    make_user("officer", email="officer@council.example")
    sign_in_at_surveys(laptop, live_server, "officer@council.example")
    expect(laptop.get_by_role("heading", name="Surveys")).to_be_visible()
    assert_accessible(laptop)

    laptop.get_by_role("link", name="Create a survey").click()
    laptop.get_by_label("Title").fill("Moving home")
    assert_accessible(laptop)
    laptop.get_by_role("button", name="Create survey").click()
    expect(laptop.get_by_role("heading", name="Moving home")).to_be_visible()
    assert_accessible(laptop)

    _add_question(laptop, "Yes or no", "Have you moved home this year?", required=True)
    _add_question(laptop, "Write an answer", "What made the move hard?", new_page="About the move",
                  show_if=("Have you moved home this year?", ["Yes"]))
    _add_question(laptop, "Faces (for younger children)", "How do you feel about where you live now?",
                  page_choice="About the move", required=True)
    expect(laptop.get_by_text(re.compile("shown only if “Have you moved home this year\\?” is answered “Yes”"))).to_be_visible()

    laptop.get_by_role("link", name="Edit details").click()
    assert_accessible(laptop)
    laptop.get_by_role("link", name="Back to the survey").click()
    laptop.get_by_role("button", name="Publish").click()
    expect(laptop.get_by_role("status")).to_contain_text("Published")

    laptop.get_by_role("link", name="Share").click()
    expect(laptop.get_by_role("img", name=re.compile("QR code for"))).to_be_visible()
    assert_accessible(laptop)
    link = laptop.get_by_label("Link to send by text or email, or put on a poster").input_value()
    assert link.endswith("/s/moving-home")

    # A young person who has not moved never sees the follow-up question.
    phone.goto(link)
    phone.get_by_role("button", name="Start now").click()
    phone.get_by_role("radio", name="No").check()
    phone.get_by_role("button", name="Continue").click()
    expect(phone.get_by_text("How do you feel about where you live now?")).to_be_visible()
    expect(phone.get_by_text("What made the move hard?")).to_have_count(0)
    assert_accessible(phone)

    # Changing the answer to yes makes it appear.
    phone.get_by_role("link", name="Back").click()
    phone.get_by_role("radio", name="Yes").check()
    phone.get_by_role("button", name="Continue").click()
    expect(phone.get_by_label("What made the move hard?")).to_be_visible()
    phone.get_by_label("What made the move hard?").fill("New school and no friends yet")
    phone.get_by_role("radio", name="OK", exact=True).check()
    phone.get_by_role("button", name="Check my answers").click()
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.get_by_role("heading", name="Thank you")).to_be_visible()

    assert count_responses(app) == 1
    assert ("What made the move hard?", None, "New school and no friends yet") in stored_answers(app)


def test_administrator_pages_pass_axe(app, make_user, live_server, laptop):
    make_user("administrator", email="admin@council.example")
    sign_in_at_surveys(laptop, live_server, "admin@council.example")
    laptop.get_by_role("link", name="Staff accounts").click()
    assert_accessible(laptop)
    laptop.get_by_role("link", name="Add a staff account").click()
    laptop.get_by_role("button", name="Save").click()
    expect(laptop.get_by_role("alert")).to_contain_text("There is a problem")
    assert_accessible(laptop)
    laptop.get_by_role("link", name="Audit log").click()
    assert_accessible(laptop)
    laptop.get_by_role("link", name="Reports").click()
    expect(laptop.get_by_role("heading", name="What young people told us")).to_be_visible()
    assert_accessible(laptop)


def test_the_poster_prints_on_one_a4_page(app, demo, make_user, live_server, laptop):
    make_user("officer", email="officer@council.example")
    sign_in_at_surveys(laptop, live_server, "officer@council.example")
    from participation.db import db
    from participation.surveys.services import survey_by_slug

    with app.app_context():
        survey_id = survey_by_slug(db.session, "demo").id
    laptop.goto(f"{live_server}/surveys/{survey_id}/poster")
    assert_accessible(laptop)
    pdf = laptop.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
