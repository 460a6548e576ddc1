"""An officer's forms, confirmations, sharing and conditions at 1366x768, the screen of most council laptops;
axe-core finds no WCAG 2.2 AA violations on any page visited."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect
from sqlalchemy import func, select

from participation.auth.models import StaffUser
from participation.comments.models import CommentAnalysis
from participation.comments.services import handle_flag
from participation.core.transaction import run
from participation.db import db, today
from participation.respond.models import Response
from participation.respond.storing import AnswerRow, Sent, store
from participation.surveys.services import build_survey
from tests.browser.conftest import assert_accessible, sign_in_at_surveys
from tests.factories import make_survey

FEELING = "How do you feel at home?"
FOLLOW_UP = "What would help you feel better at home?"


def _open_survey(app, live_server, page) -> None:
    """A draft survey of two pages, and the officer on its page."""
    with app.app_context():
        run(db.session, lambda: build_survey(db.session, {
            "slug": "home-check", "title": "Home check", "sections": [
                {"title": "At home", "questions": [{"kind": "faces", "text": FEELING, "required": True}]},
                {"title": "Being safe", "questions": [{"kind": "yesno", "text": "Do you feel safe at home?"},
                                                      {"kind": "text", "text": "Anything else?"}]}]}))
    sign_in_at_surveys(page, live_server, "officer@council.example")
    page.get_by_role("link", name="Home check").click()
    expect(page.get_by_role("heading", name="Home check", level=1)).to_be_visible()
    assert_accessible(page)


def test_an_add_question_error_is_shown_once_in_the_summary_and_on_its_field(app, make_user, live_server,
                                                                             council_laptop):
    page = council_laptop
    make_user("officer", email="officer@council.example")
    _open_survey(app, live_server, page)
    page.get_by_role("link", name="Add a question").click()
    page.get_by_label("Kind of question").select_option(label="Choose one")
    page.get_by_label("Question", exact=True).fill("Who do you live with?")
    page.get_by_label("Answers to choose from, one on each line").fill("My foster carer")
    page.get_by_role("button", name="Add question").click()

    message = "Give at least two answers to choose from, one on each line."
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("There is a problem")
    expect(summary.get_by_role("listitem")).to_have_count(1)
    expect(summary.get_by_role("link", name=message)).to_be_visible()
    expect(page.get_by_text(message)).to_have_count(2)  # once in the summary, once on the field
    field = page.locator(".group-error")
    expect(field).to_have_count(1)
    expect(field).to_contain_text(message)
    expect(page.get_by_label("Answers to choose from, one on each line")).to_have_css("border-color", "rgb(212, 53, 28)")
    expect(page.get_by_label("Question", exact=True)).to_have_value("Who do you live with?")  # kept
    assert_accessible(page)
    summary.get_by_role("link", name=message).click()
    expect(page.get_by_label("Answers to choose from, one on each line")).to_be_focused()


def test_deleting_a_question_goes_through_its_confirmation_page(app, make_user, live_server, council_laptop):
    page = council_laptop
    make_user("officer", email="officer@council.example")
    _open_survey(app, live_server, page)
    page.get_by_role("link", name="Delete “Anything else?”").click()
    expect(page.get_by_role("heading", name="Delete “Anything else?”?")).to_be_visible()
    expect(page.get_by_text("cannot be brought back")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="No, keep the question").click()
    expect(page.get_by_text("Anything else?", exact=True)).to_be_visible()  # nothing happened
    page.get_by_role("link", name="Delete “Anything else?”").click()
    page.get_by_role("button", name="Delete the question").click()
    expect(page.get_by_role("status")).to_contain_text("Deleted the question “Anything else?”.")
    expect(page.get_by_text("Anything else?", exact=True)).to_have_count(0)
    assert_accessible(page)


def test_the_qr_code_downloads_as_a_png(app, make_user, live_server, council_laptop):
    page = council_laptop
    make_user("officer", email="officer@council.example")
    _open_survey(app, live_server, page)
    page.get_by_role("link", name="Share").click()
    expect(page.get_by_label("Link to send by text or email, or put on a poster")).to_have_value(
        f"{live_server}/s/home-check")
    expect(page.get_by_role("button", name="Copy the link")).to_be_visible()  # JavaScript is on here
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the QR code as a picture (PNG)").click()
    saved = download.value
    assert saved.suggested_filename == "home-check-qr.png"
    data = Path(saved.path()).read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 200


def test_a_two_answer_condition_is_followed_in_preview(app, make_user, live_server, council_laptop):
    page = council_laptop
    make_user("officer", email="officer@council.example")
    _open_survey(app, live_server, page)
    page.get_by_role("link", name="Add a question").click()
    page.get_by_label("Kind of question").select_option(label="Write an answer")
    page.get_by_label("Question", exact=True).fill(FOLLOW_UP)
    page.get_by_label("Page", exact=True).select_option(label="Being safe")
    show = page.get_by_label("Show this question")
    offered = [o.strip() for o in show.locator("option").all_inner_texts()]
    assert offered == ["To everyone", f"Only to those who answered “{FEELING}” in a certain way"]  # page 1 only
    show.select_option(label=f"Only to those who answered “{FEELING}” in a certain way")
    page.get_by_role("button", name="Show its answers").click()
    answers = page.get_by_role("group", name="Show it to those who answered")
    expect(answers.get_by_role("checkbox")).to_have_count(5)
    expect(page.get_by_label("Question", exact=True)).to_have_value(FOLLOW_UP)  # kept across the two steps
    assert_accessible(page)
    answers.get_by_label("Very sad", exact=True).check()
    answers.get_by_label("Sad", exact=True).check()
    page.get_by_role("button", name="Add question").click()
    expect(page.get_by_role("status")).to_contain_text("Added the question.")
    expect(page.get_by_text(re.compile(re.escape(f"shown only if “{FEELING}” is answered “Very sad” or “Sad”")))).to_be_visible()

    page.get_by_role("link", name="Preview as a young person").click()
    assert_accessible(page)
    page.get_by_role("button", name="Start now").click()
    for feeling, shown in (("Sad", True), ("Very sad", True), ("Happy", False)):
        page.get_by_role("radio", name=feeling, exact=True).check()
        page.get_by_role("button", name="Next page").click()
        expect(page.get_by_role("heading", name="Being safe")).to_be_visible()
        expect(page.get_by_label(FOLLOW_UP)).to_have_count(1 if shown else 0)
        if not shown:
            expect(page.get_by_role("note").filter(has_text="Not shown on this page")).to_contain_text(FOLLOW_UP)
        assert_accessible(page)
        page.get_by_role("link", name="Back", exact=True).click()
        expect(page.get_by_role("radio", name=feeling, exact=True)).to_be_checked()  # the answer tried is kept


def test_the_staff_header_fits_one_line_at_1366(app, make_user, live_server, council_laptop):
    page = council_laptop
    make_user("administrator", email="admin@council.example")  # the most links of any role
    page.goto(f"{live_server}/login")
    expect(page.locator(".footer")).to_have_text("For Your council staff only.")  # not "Signed in as nobody"
    sign_in_at_surveys(page, live_server, "admin@council.example")
    expect(page.get_by_role("heading", name="Surveys")).to_be_visible()
    tops = page.evaluate("() => [...document.querySelectorAll('.header-name, .nav li')]"
                         ".map(e => Math.round(e.getBoundingClientRect().top))")
    assert len(tops) >= 10 and len(set(tops)) == 1, tops
    assert page.evaluate("() => document.querySelector('.header').getBoundingClientRect().height") < 60
    expect(page.locator(".footer").get_by_role("link", name="Your password")).to_be_visible()
    assert_accessible(page)


def test_deleting_a_survey_goes_through_its_confirmation_page(app, make_user, live_server, council_laptop):
    page = council_laptop
    make_user("officer", email="officer@council.example")
    with app.app_context():
        survey = make_survey(db.session, "old-survey", status="closed", title="Last year's home check")
        question = survey.ordered_questions[1].id
        run(db.session, lambda: store(db.session, survey.id, [
            Sent(today(), [AnswerRow(question, text="My foster carer is kind")]),
            Sent(today(), [AnswerRow(question, text="i dont want to be here anymore")])]))
    sign_in_at_surveys(page, live_server, "officer@council.example")
    page.get_by_role("link", name="Last year's home check").click()
    page.get_by_role("link", name="Delete the survey").click()
    # A flag still waits for the safeguarding lead: the page says so and offers no button.
    expect(page.get_by_role("heading", name="Delete “Last year's home check”?")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("still waiting for the designated safeguarding lead")
    expect(page.get_by_role("button", name="Delete the survey and its answers")).to_have_count(0)
    assert_accessible(page)

    lead_id = make_user("officer", email="lead@council.example", safeguarding_lead=True)
    with app.app_context():  # the lead handles it
        flagged = db.session.scalar(select(CommentAnalysis.answer_id).where(CommentAnalysis.flag_status == "open"))
        lead = db.session.get(StaffUser, lead_id)
        run(db.session, lambda: handle_flag(db.session, lead, flagged, "Rang the social worker"))
    page.reload()
    expect(page.get_by_text("The 2 responses young people sent go, with every answer in them.")).to_be_visible()
    expect(page.get_by_text("1 safeguarding flag the safeguarding lead has already handled goes")).to_be_visible()
    expect(page.get_by_text("What stays: the audit log")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="No, keep the survey").click()
    expect(page.get_by_role("heading", name="Last year's home check", level=1)).to_be_visible()  # nothing happened
    page.get_by_role("link", name="Delete the survey").click()
    page.get_by_role("button", name="Delete the survey and its answers").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Deleted the survey “Last year's home check”, with 2 responses and 2 comments.")
    expect(page.get_by_role("heading", name="Surveys", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Last year's home check")).to_have_count(0)
    assert_accessible(page)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Response)) == 0
