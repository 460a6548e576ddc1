"""A young person's worrying comment is flagged, the designated safeguarding lead gets an email through a real
SMTP server on 127.0.0.1 (without the comment), and opens the waiting flags from it at 1366x768; every page
axe-core clean."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from participation.alerts.safeguarding import SUBJECT, sweep
from tests.browser.conftest import answer_parts_1_to_3, assert_accessible
from tests.helpers import PASSWORD

WORRYING = "my carer hits me when she is angry"


def test_a_flagged_comment_emails_the_lead_who_opens_the_waiting_flags(app, demo, make_user, live_server, phone,
                                                                      council_laptop, smtp_server):
    make_user("officer", email="lead@council.example", name="Priya Lead", safeguarding_lead=True)
    make_user("officer", email="officer@council.example")  # not a lead: not told
    phone.goto(f"{live_server}/s/demo")
    phone.get_by_role("button", name="Start now").click()
    answer_parts_1_to_3(phone)
    phone.get_by_label("What is the best thing about where you live?").fill("nothing really")
    phone.get_by_label("What is one thing we should change?").fill(WORRYING)
    phone.get_by_role("button", name="Check my answers").click()
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.get_by_role("heading", name="Thank you")).to_be_visible()
    assert_accessible(phone)
    assert smtp_server.messages == []  # nothing is sent at the moment the answers arrive

    assert sweep(app) == 1  # what each server's timer does a few minutes later
    [message] = smtp_server.messages
    [(sender, recipients)] = smtp_server.envelopes
    assert (sender, recipients) == ("participation@council.example", ["lead@council.example"])
    assert message["Subject"] == SUBJECT
    text = message.get_body(("plain",)).get_content()
    assert "1 flag is open in all" in text
    assert WORRYING not in text and "hits" not in text and "physical" not in text.lower()
    [link] = re.findall(r"https?://\S+", text)
    assert link == f"{live_server}/comments/?flag=open"  # names no comment, survey or question

    page = council_laptop
    page.goto(link)
    page.get_by_label("Email address").fill("lead@council.example")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Comments to review")).to_be_visible()
    assert "flag=open" in page.url
    expect(page.get_by_role("navigation", name="Staff")).to_contain_text("1 safeguarding flag")
    expect(page.get_by_text("Safeguarding: physical abuse").first).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("Mark as handled"))).to_have_count(1)
    assert_accessible(page)
