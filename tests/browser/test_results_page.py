"""An officer reads the demo survey's results in a real browser, narrows them to one group and downloads
them as Excel; a committee member opens the same page. The charts draw, and axe-core finds no WCAG 2.2 AA
violations on either."""

from __future__ import annotations

import re

from openpyxl import load_workbook
from playwright.sync_api import expect
from sqlalchemy import select

from participation.db import db
from participation.surveys.models import Survey
from tests.browser.conftest import assert_accessible, sign_in

SAFE = "Do you feel safe where you live?"


def _table(page, question: str) -> dict[str, str]:
    """Answer -> count, from the accessible table of one question's answers."""
    rows = page.get_by_role("table", name=f"Answers to “{question}”").locator("tbody tr")
    return {row.locator("th").inner_text().strip(): row.locator("td").first.inner_text().strip()
            for row in rows.all()}


def test_an_officer_filters_and_downloads_the_results_and_a_committee_member_reads_them(
        app, runner, make_user, live_server, browser, tmp_path):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    make_user("officer", email="officer@council.example")
    make_user("committee", email="cllr@council.example")
    with app.app_context():
        survey_id = db.session.scalar(select(Survey.id).where(Survey.slug == "demo"))

    officer = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True, accept_downloads=True)
    page = officer.new_page()
    page.set_default_timeout(15000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, live_server, "officer@council.example")
    page.goto(f"{live_server}/surveys/{survey_id}")
    page.get_by_role("link", name="Results", exact=True).click()
    expect(page.get_by_role("heading", name="Results: Your life, your say")).to_be_visible()
    expect(page.locator('[data-figure^="fig-q"][data-drawn="yes"] svg').first).to_be_visible()
    everyone = _table(page, SAFE)
    assert_accessible(page)

    page.get_by_label("Only young people who answered").select_option(label=f"“No” to “{SAFE}”")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("#group-words")).to_contain_text("Every figure on this page is for young people’s responses")
    expect(page.locator("#group-words")).to_contain_text(SAFE)
    narrowed = _table(page, SAFE)
    # Only those who said no: every one of them said no, and nobody said yes.
    assert narrowed["No"] == everyone["No"] and narrowed["Yes"] == "0", (everyone, narrowed)
    expect(page.locator('[data-figure^="fig-q"][data-drawn="yes"] svg').first).to_be_visible()
    assert_accessible(page)
    feelings = _table(page, "How do you feel about where you live?")

    with page.expect_download() as waiting:
        page.get_by_role("listitem").filter(has_text="Results (question, answer, count, percent)") \
            .get_by_role("link", name="Excel").click()
    saved = tmp_path / "results.xlsx"
    waiting.value.save_as(saved)
    sheet = load_workbook(saved, read_only=True).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0][:4] == ["question", "answer", "count", "percent"], rows[0]
    downloaded = {answer: str(count) for question, answer, count, *_ in rows[1:]
                  if question == "How do you feel about where you live?"}
    assert downloaded == feelings, (downloaded, feelings)
    filtered_url = page.url
    officer.close()

    committee = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = committee.new_page()
    page.set_default_timeout(15000)
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, live_server, "cllr@council.example")
    page.get_by_role("link", name="Your life, your say").first.click()
    expect(page.get_by_role("heading", name="Results: Your life, your say")).to_be_visible()
    expect(page.locator('[data-figure^="fig-q"][data-drawn="yes"] svg').first).to_be_visible()
    assert page.get_by_role("button", name=re.compile("to the committee$")).count() == 0
    assert page.get_by_role("link", name="Read the responses one at a time").count() == 0
    cells = page.locator("td.num").all_inner_texts()
    assert not [c for c in cells if c.strip().isdigit() and 0 < int(c) < 5], cells
    assert_accessible(page)
    page.goto(filtered_url)
    expect(page.get_by_role("heading", name="Results: Your life, your say")).to_be_visible()
    assert_accessible(page)
    committee.close()
    assert errors == []
