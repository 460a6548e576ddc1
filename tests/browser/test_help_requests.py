"""Asking to be contacted from the thank-you page on a phone without JavaScript, and an officer
answering it on a laptop; every page axe-core clean."""

from __future__ import annotations

from playwright.sync_api import expect

from participation.help_requests.holding import write_now
from tests.browser.conftest import assert_accessible, sign_in


def test_a_young_person_asks_to_be_contacted_and_an_officer_follows_up(app, demo, live_server, phone,
                                                                       phone_without_javascript, laptop, make_user):
    # The pages load no script, so they work the same without it; axe itself needs it, on the other phone.
    page = phone_without_javascript
    page.goto(f"{live_server}/s/demo/thanks")
    page.get_by_role("link", name="ask us to contact you").click()
    expect(page.get_by_role("heading", name="Ask us to contact you", level=1)).to_be_visible()

    page.get_by_label("What should we call you?").fill("Sam")
    page.get_by_role("button", name="Ask us to contact you").click()
    # Nothing to reach them by: the error says what to do, and the name typed is still there.
    expect(page.get_by_role("alert")).to_contain_text("Write a phone number or email so we can reach you.")
    expect(page.get_by_label("What should we call you?")).to_have_value("Sam")

    page.get_by_label("Your phone number or email").fill("07700 900123")
    page.get_by_label("When is a good time to contact you?").fill("after school")
    page.get_by_role("button", name="Ask us to contact you").click()
    expect(page.get_by_role("heading", name="We will contact you")).to_be_visible()

    phone.goto(f"{live_server}/get-help")
    assert_accessible(phone)
    phone.get_by_role("button", name="Ask us to contact you").click()
    expect(phone.get_by_role("alert")).to_be_visible()
    assert_accessible(phone)
    phone.goto(f"{live_server}/get-help/sent")
    assert_accessible(phone)

    write_now(app)  # what the hold's timer does a few minutes later
    make_user("officer", email="officer@council.example")
    sign_in(laptop, live_server, "officer@council.example")
    laptop.get_by_role("link", name="Contact requests").click()
    expect(laptop.get_by_text("07700 900123")).to_be_visible()
    assert_accessible(laptop)
    laptop.get_by_label("What was done").fill("Rang Sam after school")
    laptop.get_by_role("button", name="Mark as contacted").click()
    expect(laptop.get_by_text("Marked as contacted.")).to_be_visible()
    expect(laptop.get_by_text("Contacted on")).to_be_visible()
    assert_accessible(laptop)
    # Dealt with: the officer deletes it through its confirmation page, which says what goes.
    laptop.get_by_role("link", name="Delete the 1 request dealt with").click()
    expect(laptop.get_by_role("heading", name="Delete the requests dealt with?")).to_be_visible()
    expect(laptop.get_by_text("deleted for good")).to_be_visible()
    assert_accessible(laptop)
    laptop.get_by_role("button", name="Delete 1 request").click()
    expect(laptop.get_by_role("status")).to_contain_text("Deleted 1 request dealt with.")
    expect(laptop.get_by_text("07700 900123")).to_have_count(0)
    assert_accessible(laptop)
