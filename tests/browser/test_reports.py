"""A councillor opens the dashboard: the charts draw, every chart's numbers can be shown, axe-core is clean,
and the committee report prints to PDF."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible, sign_in


def test_the_dashboard_draws_its_charts_and_prints_for_the_committee(app, runner, make_user, live_server, laptop):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    make_user("committee", email="cllr@council.example")
    page = laptop
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, live_server, "cllr@council.example")
    expect(page.get_by_role("heading", name="What young people told us")).to_be_visible()
    for name in ("responses", "themes", "promises", "actions"):
        expect(page.locator(f'[data-figure="fig-{name}"][data-drawn="yes"] svg').first).to_be_visible()
    assert_accessible(page)

    # The numbers behind a chart are one button away, and always there for screen readers.
    table = page.get_by_role("table", name="Comments by theme")
    expect(table).to_have_count(1)
    button = page.get_by_role("button", name="Show the numbers").nth(1)
    button.click()
    expect(table).to_be_visible()
    expect(page.get_by_role("button", name="Hide the numbers")).to_have_attribute("aria-expanded", "true")
    assert_accessible(page)
    assert "fewer than 5" in page.content() or not re.search(r'<td class="num">[1-4]</td>', page.content())

    page.get_by_role("link", name="Committee report to print").click()
    expect(page.get_by_role("heading", name=re.compile("what young people told us"))).to_be_visible()
    expect(page.locator('[data-figure="fig-themes"][data-drawn="yes"] svg').first).to_be_visible()
    assert_accessible(page)
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pdf.startswith(b"%PDF") and 2 <= pages <= 12, pages
    assert errors == []
