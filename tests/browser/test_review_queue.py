"""An officer and the safeguarding lead clear a review queue of about 200 demo comments in a real browser."""

from __future__ import annotations

import time

from playwright.sync_api import expect
from sqlalchemy import func, select

from participation.comments.models import CommentAnalysis
from participation.db import db
from participation.respond.models import Answer
from tests.browser.conftest import assert_accessible, sign_in


def test_an_officer_clears_the_demo_review_queue(app, runner, make_user, live_server, laptop):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    with app.app_context():
        total = db.session.scalar(select(func.count()).select_from(CommentAnalysis))
        flags = db.session.scalar(select(func.count()).select_from(CommentAnalysis)
                                  .where(CommentAnalysis.flag_status == "open"))
        # The tagger learns once from each different comment.
        different = db.session.scalar(select(func.count(func.distinct(Answer.text)))
                                      .join(CommentAnalysis, CommentAnalysis.answer_id == Answer.id))
    assert total >= 200 and flags >= 1
    make_user("officer", email="lead@council.example", name="Sam Lead", safeguarding_lead=True)
    page = laptop
    started = time.perf_counter()
    sign_in(page, live_server, "lead@council.example")
    page.get_by_role("link", name="Comments", exact=True).click()
    expect(page.get_by_role("heading", name="Comments to review")).to_be_visible()
    expect(page.get_by_role("navigation", name="Staff")).to_contain_text(f"{flags} safeguarding flag")
    assert_accessible(page)

    # Flags come first; the lead writes what was done for each.
    clicks = 0
    for _ in range(flags):
        first = page.locator("section.page-block").first
        expect(first.get_by_role("heading")).to_contain_text("Safeguarding")
        first.get_by_label("What was done").fill("Passed to the child's social worker the same day.")
        first.get_by_role("button", name="Mark as handled").click()
        clicks += 1
    expect(page.get_by_role("navigation", name="Staff")).not_to_contain_text("safeguarding flag")

    # One suggestion is wrong: the officer fixes it, then accepts the rest page by page.
    first = page.locator("section.page-block").first
    comment_id = first.get_attribute("id")[1:]
    first.get_by_label("Keep me healthy").check()
    first.get_by_role("button", name="Save themes").click()
    clicks += 1
    while page.get_by_role("button", name="Accept the rest on this page as suggested").count():
        page.get_by_role("button", name="Accept the rest on this page as suggested").first.click()
        expect(page.get_by_role("status")).to_contain_text("Accepted the suggested themes")
        clicks += 1
    expect(page.get_by_text("Nothing to review. Well done.")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Teach the tagger from confirmed comments").click()
    expect(page.get_by_role("status")).to_contain_text(f"learned from {different} confirmed comments")
    elapsed = time.perf_counter() - started
    print(f"\nCleared {total} comments ({flags} flags) in {clicks} clicks and {elapsed:.1f} s")
    assert clicks <= flags + 1 + total // 20 + 1

    with app.app_context():
        statuses = db.session.execute(select(CommentAnalysis.status, func.count()).group_by(CommentAnalysis.status)).all()
        assert dict(statuses) == {"confirmed": total}
        fixed = db.session.get(CommentAnalysis, int(comment_id))
        assert "healthy" in [t.theme.key for t in fixed.themes]
        assert db.session.scalar(select(func.count()).select_from(CommentAnalysis)
                                 .where(CommentAnalysis.flag_status == "open")) == 0


def test_theme_settings_and_the_committee_comments_page_are_accessible(app, runner, make_user, live_server, laptop):
    assert runner.invoke(args=["seed-demo", "--responses", "20"]).exit_code == 0
    make_user("officer", email="officer@council.example")
    make_user("committee", email="cllr@council.example")
    page = laptop
    sign_in(page, live_server, "officer@council.example")
    page.get_by_role("link", name="Themes").click()
    expect(page.get_by_role("heading", name="Themes")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Add a theme").click()
    page.get_by_role("button", name="Add the theme").click()
    expect(page.get_by_role("alert")).to_contain_text("Give the theme a name.")
    assert_accessible(page)
    page.get_by_label("Name").fill("Family time")
    page.get_by_label("Words and phrases young people use for it, one on each line").fill("see my mum\ncontact")
    page.get_by_role("button", name="Add the theme").click()
    expect(page.get_by_role("status")).to_contain_text("Added the theme “Family time”")
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, live_server, "cllr@council.example")
    page.goto(f"{live_server}/reports/comments")
    expect(page.locator("main")).to_be_visible()
    assert_accessible(page)


def test_a_page_of_the_queue_is_short_and_filters_search_and_bulk_actions_work(app, runner, make_user, live_server,
                                                                             council_laptop):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    with app.app_context():
        waiting = db.session.scalar(select(func.count()).select_from(CommentAnalysis).where(
            (CommentAnalysis.status == "suggested") | (CommentAnalysis.flag_status == "open")))
    make_user("officer", email="officer@council.example")
    page = council_laptop
    sign_in(page, live_server, "officer@council.example")
    page.goto(f"{live_server}/comments/")
    cards = page.locator("section.page-block")
    expect(cards).to_have_count(20)
    height = page.evaluate("() => document.documentElement.scrollHeight")
    print(f"\nA page of 20 comments is {height} px high at 1366x768")
    assert height < 20 * 520  # the old page of 50 was about 31,000 px, 620 px a comment
    # The bulk actions are on the first screen, above the comments.
    top = page.get_by_role("button", name="Accept suggested themes for the selected").first
    assert top.bounding_box()["y"] < cards.first.bounding_box()["y"]
    expect(page.get_by_text(f"of {waiting}.")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Words in the comment").fill("school")
    page.get_by_label("Safeguarding", exact=True).select_option(label="Not flagged")
    page.get_by_role("button", name="Filter").click()
    assert "q=school" in page.url and "flag=none" in page.url
    quotes = page.locator("section.page-block blockquote").all_inner_texts()
    assert quotes and all("school" in q.lower() for q in quotes)
    expect(page.locator("section.page-block.flagged")).to_have_count(0)
    assert_accessible(page)

    # Two comments ticked and set aside in one go, from the buttons at the top.
    first_two = [cards.nth(i).get_attribute("id")[1:] for i in range(min(2, cards.count()))]
    for answer_id in first_two:
        page.locator(f"#s{answer_id}").check()
    page.get_by_role("button", name="Not comments: set the selected aside").first.click()
    expect(page.get_by_role("status")).to_contain_text(f"Set aside {len(first_two)} replies as not comments.")
    assert "q=school" in page.url and "flag=none" in page.url
    for answer_id in first_two:
        expect(page.locator(f"#c{answer_id}")).to_have_count(0)
    page.get_by_role("link", name="Set aside: not comments").click()
    expect(page.locator("section.page-block")).to_have_count(len(first_two))
    assert_accessible(page)


def test_the_queue_works_without_javascript(app, runner, make_user, live_server, council_laptop_without_javascript):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    make_user("officer", email="officer@council.example")
    page = council_laptop_without_javascript
    sign_in(page, live_server, "officer@council.example")
    page.goto(f"{live_server}/comments/?flag=none")
    third = page.locator("section.page-block").nth(2)
    chosen = third.get_attribute("id")[1:]
    following = page.locator("section.page-block").nth(3).get_attribute("id")[1:]
    third.get_by_label("Keep me healthy").check()
    third.get_by_role("button", name="Save themes").click()
    assert page.url.endswith("#done") and "flag=none" in page.url
    expect(page.locator("#done")).to_contain_text(f"Saved the themes for comment {chosen}.")
    # The message is on screen, with the comment that came next just below it.
    assert 0 <= page.locator("#done").bounding_box()["y"] < 768
    assert page.locator(f"#c{following}").bounding_box()["y"] < 768
    page.get_by_role("link", name="Next page").click()
    assert "page=2" in page.url and "flag=none" in page.url
    with app.app_context():
        assert db.session.get(CommentAnalysis, int(chosen)).status == "confirmed"
