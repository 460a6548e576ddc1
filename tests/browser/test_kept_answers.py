"""What a young person types is kept in the tab while the signal drops, and gone once it is sent."""

from __future__ import annotations

import json

from playwright.sync_api import expect
from sqlalchemy import select

from participation.db import db
from participation.respond.models import Draft
from tests.browser.conftest import answer_every_page, answer_parts_1_to_3
from tests.respond.helpers import count_responses, stored_answers

KEPT = "() => Object.keys(sessionStorage).filter(k => k.startsWith('answers:'))"
LONG = "I want to see my brother more and I want my social worker to ring me back when I call"
CHANGE = "What is one thing we should change?"


def _saved_on_the_server(app, words: str) -> bool:
    with app.app_context():
        return any(words in json.dumps(d.answers) for d in db.session.scalars(select(Draft)))


def _fail_to_send(page, button: str) -> None:
    """The signal drops as they press the button: the browser shows its own 'no internet' page."""
    page.context.set_offline(True)
    page.get_by_role("button", name=button).click()
    page.wait_for_url(lambda url: url.startswith("chrome-error:"))
    page.context.set_offline(False)


def test_a_typed_answer_survives_a_failed_send_and_a_reload_and_is_gone_after_sending(app, demo, live_server, phone):
    phone.goto(f"{live_server}/s/demo")
    phone.get_by_role("button", name="Start now").click()
    answer_parts_1_to_3(phone)
    expect(phone.get_by_text("Part 4 of 4")).to_be_visible()
    part_4 = phone.url
    phone.get_by_label(CHANGE).press_sequentially(LONG[:20])
    phone.get_by_label(CHANGE).fill(LONG)

    _fail_to_send(phone, "Check my answers")
    assert not _saved_on_the_server(app, LONG)

    # Opening the page again in the same tab, and reloading it, puts back what was typed.
    phone.goto(part_4)
    expect(phone.get_by_label(CHANGE)).to_have_value(LONG)
    phone.reload()
    expect(phone.get_by_label(CHANGE)).to_have_value(LONG)
    # One entry per page, each page's words in it once, however many times it was typed and reloaded.
    assert sorted(phone.evaluate(KEPT)) == [f"answers:/s/demo/{n}" for n in range(1, 5)]
    assert phone.evaluate("() => sessionStorage.getItem('answers:/s/demo/4')").count("brother") == 1

    phone.get_by_role("button", name="Check my answers").click()
    expect(phone.get_by_role("heading", name="Check your answers")).to_be_visible()
    expect(phone.get_by_text(LONG)).to_be_visible()
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.get_by_role("heading", name="Thank you")).to_be_visible()

    assert phone.evaluate(KEPT) == []
    assert "brother" not in phone.evaluate("() => JSON.stringify(sessionStorage)")
    assert count_responses(app) == 1
    assert [text for _, _, text in stored_answers(app)].count(LONG) == 1


def test_a_send_that_fails_keeps_nothing_in_the_tab_and_sending_again_stores_once(app, demo, live_server, phone):
    phone.goto(f"{live_server}/s/demo")
    phone.get_by_role("button", name="Start now").click()
    answer_every_page(phone)
    expect(phone.get_by_role("heading", name="Check your answers")).to_be_visible()
    assert phone.evaluate(KEPT) != []
    check = phone.url

    _fail_to_send(phone, "Send my answers")
    phone.goto(check)
    assert phone.evaluate(KEPT) == []
    expect(phone.get_by_text("More time with my PA")).to_be_visible()  # the answers are still safe on the server
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.get_by_role("heading", name="Thank you")).to_be_visible()
    assert count_responses(app) == 1
