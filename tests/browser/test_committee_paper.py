"""The committee paper printed as a councillor prints it: Chromium's own print to PDF, then page images.

The PDF, each page as a PNG (pdftoppm) and each page's text (pdftotext) are kept under
build/test-output/committee-paper/ (or $TEST_OUTPUT_DIR/committee-paper/) for CI to keep as artifacts.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

from playwright.sync_api import expect
import pytest
from sqlalchemy import select

from participation.comments.models import CommentAnalysis
from participation.core.transaction import run
from participation.db import db, today
from participation.reports import paper as papers
from participation.surveys.builder import response_counts
from tests.browser.conftest import assert_accessible, sign_in

OUTPUT = Path(os.environ.get("TEST_OUTPUT_DIR", Path(__file__).resolve().parents[2] / "build" / "test-output")) \
    / "committee-paper"
#: The demo paper: the cover; the commentary and the scorecard (two pages); the results highlights with their
#: two charts (two pages); the promises chart; the actions chart with the overdue actions; the completed actions.
DEMO_PAGES = 8
#: The same paper with the Q3 2017-18 scorecard from the seed papers imported over the demo's: its measures, each
#: with the council's comment printed the width of the page under it, take eight pages more (15 in all).
SEED_PAGES = 15
# The paper's readers see whole months, so responses are counted by month (see README, "The dashboard's periods").
CHART_TITLES = {"responses": "Responses each month", "themes": "What young people wrote about",
                "promises": "Is each promise kept?", "actions": "Actions by RAG rating"}


def _pdf_pages(pdf: Path) -> list[str]:
    """Each page's text, in reading order, from pdftotext."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True,
                          timeout=60).stdout
    return text.split("\f")[:-1] if text.endswith("\f") else text.split("\f")


# In CI (REQUIRE_BROWSER=1) a missing poppler-utils is a failure, never a skip.
POPPLER = pytest.mark.skipif(os.environ.get("REQUIRE_BROWSER") != "1"
                             and (not shutil.which("pdftoppm") or not shutil.which("pdftotext")),
                             reason="poppler-utils is missing: apt-get install -y poppler-utils")
SEED_SCORECARD = Path(__file__).resolve().parents[1] / "scorecard" / "data" / "scorecard_q3_2017_18.csv"


def _print_paper(app, runner, make_user, live_server, browser, output: Path, scorecard: Path | None = None):
    """Seed the demo (with the council's own scorecard imported over the demo's, when given), star quotes, write a paper as an officer and print it as a committee member:
    (each page's text, the page images, the paper's headings, the first quote's words, page errors)."""
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    if scorecard:
        imported = runner.invoke(args=["import-scorecard", str(scorecard)])
        assert imported.exit_code == 0, imported.output
    make_user("officer", email="officer@council.example")
    make_user("committee", email="cllr@council.example")
    with app.app_context():
        counts = response_counts(db.session)
        # Comments sent in the paper's period (the last 12 months), in the order of their words, so the demo
        # paper is the same every time.
        quotable = db.session.scalars(
            select(CommentAnalysis).where(CommentAnalysis.safeguarding.is_(False), CommentAnalysis.redacted != "",
                                          CommentAnalysis.submitted_on >= today() - timedelta(days=364))
            .order_by(CommentAnalysis.redacted, CommentAnalysis.answer_id)).all()
        quotable = [c.answer_id for c in quotable if counts.get(c.survey_id, 0) >= 5]
        for answer_id in quotable[:5]:
            run(db.session, lambda: papers.star(db.session, None, answer_id))

    officer = browser.new_context(viewport={"width": 1280, "height": 900})
    page = officer.new_page()
    page.set_default_timeout(15000)
    sign_in(page, live_server, "officer@council.example")
    # Open safeguarding flags come first in the queue and are never quoted: the officer shows the ones not flagged.
    page.goto(f"{live_server}/comments/?flag=none")
    on_page = [int(n) for n in page.locator("section[id^=c]").evaluate_all("s => s.map(e => e.id.slice(1))")]
    first_id = next(n for n in quotable[5:] if n in on_page)
    page.locator(f"#c{first_id}").get_by_role("button", name=re.compile(r"^Quote comment \d+ to the committee$")).click()
    expect(page.get_by_text("will be quoted")).to_be_visible()
    expect(page.locator(f"#c{first_id}").get_by_text("Quoted to the committee")).to_be_visible()
    with app.app_context():
        first_words = db.session.get(CommentAnalysis, first_id).redacted
    page.goto(f"{live_server}/reports/papers/")
    page.get_by_role("link", name="Start a paper for a meeting").click()
    page.get_by_label("Report of").fill("Head of Participation and Engagement")
    page.get_by_label("Summary").fill("Young people answered the survey in good numbers this year. Most feel safe "
                                      "where they live, but fewer say adults listen to them.")
    page.get_by_label("Committee is asked to").fill("Note the scorecard for quarter 3.\n"
                                                    "Agree the actions on being listened to.")
    page.get_by_label("Officer commentary").fill(
        "Listening is the theme young people raised most.\n\nThe participation team will report back in March.")
    page.get_by_role("button", name="Save the paper").click()
    expect(page.get_by_role("heading", name=re.compile("what young people told us"))).to_be_visible()
    paper_url = page.url
    officer.close()

    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, live_server, "cllr@council.example")
    page.goto(paper_url)
    for name in CHART_TITLES:
        expect(page.locator(f'[data-figure="fig-{name}"][data-drawn="yes"] svg').first).to_be_visible()
    expect(page.get_by_role("heading", name="Committee is asked to")).to_be_visible()
    assert page.get_by_role("link", name="Change the words on this paper").count() == 0
    assert_accessible(page)
    headings = page.evaluate("() => [...document.querySelectorAll('main h2, main h3, main .group-row th')]"
                             ".filter(h => h.offsetParent !== null).map(h => h.textContent.trim())")

    page.emulate_media(media="print")
    output.mkdir(parents=True, exist_ok=True)
    for old in [*output.glob("page-*.png"), *output.glob("page-*.txt")]:
        old.unlink()
    pdf = output / "committee-paper.pdf"
    pdf.write_bytes(page.pdf(prefer_css_page_size=True, print_background=True))
    context.close()
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(output / "page")], check=True, timeout=120)
    texts = _pdf_pages(pdf)
    for number, text in enumerate(texts, 1):
        (output / f"page-{number}.txt").write_text(text)
    images = sorted(output.glob("page-*.png"))

    return texts, images, headings, first_words, errors


def _check_pages(texts, headings) -> None:
    """Every page numbered and dated; no page ends on a heading; each chart whole on one page."""
    generated = f"Generated {today().day} {today():%B %Y}"
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of {len(texts)}" in text, (number, text[-300:])
        assert generated in text, number
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        body = [line for line in lines if not re.search(r"Page \d+ of \d+|Generated ", line)]
        assert body and body[-1] not in headings, f"page {number} ends with the heading {body[-1]!r}"
    # A chart split across pages would leave its title on one page and its caption on the next.
    for number, (name, title) in enumerate(CHART_TITLES.items(), 1):
        on = [i for i, text in enumerate(texts) if title in text]
        captions = [i for i, text in enumerate(texts) if f"Figure {number}:" in text]
        assert len(on) == 1 and on == captions, (name, on, captions)


@POPPLER
def test_the_committee_paper_prints_on_a4_with_page_numbers_and_no_chart_split(
        app, runner, make_user, live_server, browser):
    texts, images, headings, first_words, errors = _print_paper(app, runner, make_user, live_server, browser,
                                                                OUTPUT)
    assert len(texts) == len(images) == DEMO_PAGES, [t[:200] for t in texts]
    _check_pages(texts, headings)

    cover = texts[0]
    assert "Corporate Parenting Committee" in cover and "Committee is asked to" in cover
    assert "Agree the actions on being listened to." in cover
    whole = re.sub(r"\s+", " ", "\n".join(texts))
    assert "Our young people told us" in whole
    assert re.sub(r"\s+", " ", first_words)[:40] in whole
    assert "Overdue actions" in whole and "Completed actions" in whole
    assert errors == []


@POPPLER
def test_the_paper_with_the_councils_own_scorecard_prints_whole(app, runner, make_user, live_server, browser):
    output = OUTPUT.parent / "committee-paper-seed-scorecard"
    texts, images, headings, _, errors = _print_paper(app, runner, make_user, live_server, browser, output,
                                                      SEED_SCORECARD)
    assert len(texts) == len(images) == SEED_PAGES, [t[:200] for t in texts]
    _check_pages(texts, headings)
    assert errors == []
