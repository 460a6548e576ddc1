"""The public "you said, we did" board on a phone, and the officers' tracker on a laptop, axe-core clean."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in


def test_the_board_on_a_phone_without_javascript(app, runner, live_server, phone_without_javascript):
    assert runner.invoke(args=["seed-demo", "--responses", "20"]).exit_code == 0
    page = phone_without_javascript
    page.goto(f"{live_server}/you-said-we-did")
    expect(page.get_by_role("heading", name="You said, we did", level=1)).to_be_visible()
    expect(page.get_by_text("Social workers now reply within 2 working days.")).to_be_visible()
    assert "Participation team" not in page.content()  # owners are never shown
    page.get_by_role("link", name="Keep me healthy").click()
    expect(page.get_by_role("navigation", name="Choose a topic").locator("[aria-current=page]")).to_have_text(
        "Keep me healthy")
    expect(page.get_by_text("We wait too long to see CAMHS.")).to_be_visible()
    expect(page.get_by_text("Social workers now reply")).to_have_count(0)
    assert page.viewport_size["width"] < 500


def test_the_board_and_the_tracker_pass_axe(app, runner, live_server, phone, laptop, make_user):
    assert runner.invoke(args=["seed-demo", "--responses", "20"]).exit_code == 0
    phone.goto(f"{live_server}/you-said-we-did")
    assert_accessible(phone)
    make_user("officer", email="officer@council.example")
    sign_in(laptop, live_server, "officer@council.example")
    laptop.get_by_role("link", name="You said, we did").click()
    expect(laptop.get_by_role("heading", name="You said, we did")).to_be_visible()
    assert_accessible(laptop)
    laptop.get_by_role("link", name="We want to see our brothers and sisters more.").click()
    expect(laptop.get_by_role("heading", name="History")).to_be_visible()
    assert_accessible(laptop)
    laptop.goto(f"{live_server}/tracker/import")
    assert_accessible(laptop)
