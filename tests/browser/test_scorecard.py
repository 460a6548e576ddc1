"""An officer keeps the committee's scorecard in a real browser: imports the Q3 scorecard after checking it,
records a value, and every page passes axe-core."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in

SEED = Path(__file__).parents[1] / "scorecard" / "data" / "scorecard_q3_2017_18.csv"


def test_an_officer_imports_the_scorecard_and_records_a_value(app, runner, make_user, live_server, laptop):
    assert runner.invoke(args=["seed-demo", "--responses", "0"]).exit_code == 0
    make_user("officer", email="officer@council.example")
    page = laptop
    sign_in(page, live_server, "officer@council.example")
    page.goto(f"{live_server}/scorecard/")
    expect(page.get_by_role("heading", name="The committee's scorecard")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Import a scorecard").click()
    page.get_by_label("Scorecard file (CSV or Excel .xlsx)").set_input_files(str(SEED))
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", name="43 measures in 6 groups will be stored")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Import 43 measures").click()
    expect(page.get_by_text("Imported the scorecard: 43 measures.")).to_be_visible()

    page.get_by_role("link", name="P2.7").click()
    expect(page.get_by_role("heading", name="P2.7: Number of cared for children that went missing 5 times or more",
                            exact=False)).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Period", exact=True).fill("Q4 17-18")
    page.get_by_label("Value", exact=True).fill("6")
    page.get_by_role("button", name="Save the value").click()
    expect(page.get_by_text("Value for Q4 17-18 saved.")).to_be_visible()
    expect(page.get_by_text("better than the period before")).to_have_count(1)
    assert_accessible(page)
