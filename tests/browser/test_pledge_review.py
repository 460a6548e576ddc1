"""A young person reviews the Pledge on a phone, end to end, and the committee reads the results."""

from __future__ import annotations

from playwright.sync_api import expect
from sqlalchemy import func, select

from participation.db import db
from participation.pledges.models import ReviewQuestion
from participation.respond.models import Answer, Response
from participation.surveys.models import Survey
from tests.browser.conftest import assert_accessible, sign_in


def test_a_phone_reviews_the_pledge_and_every_page_passes_axe(app, runner, live_server, phone, make_user, laptop):
    assert runner.invoke(args=["seed-demo", "--responses", "0"]).exit_code == 0
    phone.goto(f"{live_server}/s/pledge-review")
    expect(phone.get_by_role("heading", name="Nobody will know these answers are yours")).to_be_visible()
    expect(phone.get_by_text("Every year we check if we keep our promises to you")).to_be_visible()
    assert_accessible(phone)
    phone.get_by_role("button", name="Start now").click()

    pages = 0
    while phone.get_by_role("button", name="Continue").count() or phone.get_by_role(
            "button", name="Check my answers").count():
        pages += 1
        expect(phone.get_by_text("Is each promise kept for you?")).to_be_visible()
        groups = phone.get_by_role("group")
        # Answer the first promise on each page as kept and the second as not yet; leave the rest.
        groups.nth(0).get_by_label("Yes, it is kept").check()
        if groups.count() > 1:
            groups.nth(1).get_by_label("Not yet").check()
        if pages == 1:
            phone.get_by_label("Tell us more about this promise").first.fill("My IRO asks me what I think now")
        assert_accessible(phone)
        last = phone.get_by_role("button", name="Check my answers").count()
        phone.get_by_role("button", name="Check my answers" if last else "Continue").click()
        if last:
            break
    assert pages == 5

    expect(phone.get_by_role("heading", name="Check your answers")).to_be_visible()
    assert_accessible(phone)
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.get_by_role("heading", name="Thank you")).to_be_visible()
    assert_accessible(phone)

    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == "pledge-review"))
        assert db.session.scalar(select(func.count()).select_from(Response).where(Response.survey_id == survey.id)) == 1
        kept = db.session.scalar(select(func.count()).select_from(Answer).join(
            ReviewQuestion, ReviewQuestion.question_id == Answer.question_id).where(Answer.choice == "kept"))
        assert kept == 5

    make_user("committee", email="cllr@council.example")
    sign_in(laptop, live_server, "cllr@council.example")
    laptop.get_by_role("link", name="How young people rate our promises").click()
    laptop.get_by_role("link", name="Our Pledge to cared for children").first.click()
    expect(laptop.get_by_role("heading", name="Promises most at risk")).to_be_visible()
    assert_accessible(laptop)
