"""A young person answers a survey from the intro page to the thank-you page."""

from __future__ import annotations

from datetime import date, timedelta

from participation.db import db, today
from participation.respond.models import Response
from tests.factories import make_survey
from tests.respond.helpers import answer_demo, count_responses, field_names, post_page, send, stored_answers


def test_intro_says_what_it_is_for_and_that_nobody_will_know(client, demo):
    page = client.get("/s/demo")
    assert page.status_code == 200
    assert "Your life, your say" in page.text
    assert "Nobody will know these answers are yours" in page.text
    assert 'href="/s/demo/1"' in page.text
    assert "There are 4 parts." in page.text


def test_whole_journey_stores_one_response_with_the_day_only(client, app, demo):
    check = answer_demo(client, app)
    assert "Check your answers" in check
    assert "Happy" in check and "My PA; A friend" in check and "Sometimes" in check

    sent = send(client, "demo", check)
    assert sent.status_code == 302 and sent.headers["Location"].endswith("/s/demo/thanks")
    thanks = client.get("/s/demo/thanks")
    assert "Thank you" in thanks.text
    assert "0800 1111" in thanks.text and "999" in thanks.text

    assert count_responses(app) == 1
    with app.app_context():
        response = db.session.scalars(db.select(Response)).one()
        assert response.submitted_on == today()
    answers = stored_answers(app)
    assert ("Who can you talk to when something is wrong?", "my-pa", None) in answers
    assert ("Who can you talk to when something is wrong?", "a-friend", None) in answers
    assert ("What is the best thing about where you live?", None, "My foster mum listens to me") in answers
    assert ("How do you feel about where you live?", "4", None) in answers


def test_progress_and_back_links(client, demo):
    first = client.get("/s/demo/1")
    assert "Part 1 of 4" in first.text and 'href="/s/demo" class="back-link"' in first.text
    third = client.get("/s/demo/3")
    assert "Part 3 of 4" in third.text and 'href="/s/demo/2" class="back-link"' in third.text
    assert "Check my answers" in client.get("/s/demo/4").text


def test_answers_are_kept_between_pages(client, app, demo):
    names = field_names(app, "demo")
    post_page(client, "demo", 1, {names[0]: "2", names[1]: "no"})
    # The signal drops; the young person reloads page 1 later and finds their answers.
    again = client.get("/s/demo/1").text
    assert f'id="{names[0]}-2" name="{names[0]}" type="radio" value="2" checked' in again
    assert f'name="{names[1]}" type="radio" value="no" checked' in again


def test_unknown_survey_is_not_found(client, app):
    assert client.get("/s/no-such-survey").status_code == 404
    assert client.get("/s/no-such-survey/1").status_code == 404


def test_draft_survey_is_not_found(client, app):
    with app.app_context():
        make_survey(db.session, "unpublished", status="draft")
    assert client.get("/s/unpublished").status_code == 404


def test_closed_survey_says_so_plainly(client, app):
    with app.app_context():
        make_survey(db.session, "last-year", closes_on=today() - timedelta(days=1))
        make_survey(db.session, "shut", status="closed")
    page = client.get("/s/last-year")
    assert page.status_code == 410
    assert "This survey has closed" in page.text
    assert client.get("/s/shut/1").status_code == 410


def test_survey_not_open_yet_gives_its_opening_day(client, app):
    opens = today() + timedelta(days=10)
    with app.app_context():
        make_survey(db.session, "soon", opens_on=opens)
    page = client.get("/s/soon")
    assert page.status_code == 403
    assert "not open yet" in page.text
    assert f"{opens.day} {opens:%B %Y}" in page.text


def test_page_number_out_of_range_is_not_found(client, demo):
    assert client.get("/s/demo/0").status_code == 404
    assert client.get("/s/demo/5").status_code == 404


def test_thanks_page_gives_the_councils_own_contact(app, demo):
    app.config.update(COUNCIL_HELP_NAME="the Participation Team", COUNCIL_HELP_PHONE="01234 567890")
    page = app.test_client().get("/s/demo/thanks")
    assert 'href="tel:01234567890"' in page.text and "the Participation Team" in page.text


def test_survey_open_on_its_last_day(app):
    from participation.surveys.services import SurveyState, survey_state
    from participation.surveys.models import Survey

    survey = Survey(slug="x", title="x", status="open", opens_on=date(2026, 1, 1), closes_on=date(2026, 1, 31))
    assert survey_state(survey, date(2026, 1, 31)) is SurveyState.OPEN
    assert survey_state(survey, date(2026, 2, 1)) is SurveyState.CLOSED
    assert survey_state(survey, date(2025, 12, 31)) is SurveyState.NOT_OPEN


def test_changes_in_the_builder_reach_young_people_at_once(app, client, demo):
    from participation.surveys.models import Question

    assert "How do you feel about where you live?" in client.get("/s/demo/1").text
    with app.app_context():
        question = db.session.scalars(db.select(Question).where(Question.kind == "faces")).one()
        question.text = "How do you feel about your home?"
        db.session.commit()
    page = client.get("/s/demo/1").text
    assert "How do you feel about your home?" in page
    assert "How do you feel about where you live?" not in page


def test_intro_page_is_kept_briefly_and_then_shows_a_closed_survey(app, client, demo):
    import time

    from participation.surveys.models import Survey

    app.config["INTRO_CACHE_SECONDS"] = 0.3
    assert client.get("/s/demo").status_code == 200
    with app.app_context():
        db.session.scalars(db.select(Survey).where(Survey.slug == "demo")).one().status = "closed"
        db.session.commit()
    assert client.get("/s/demo").status_code == 200  # the same page for everyone, kept briefly
    assert client.get("/s/demo/1").status_code == 410  # but answers are refused at once
    time.sleep(0.35)
    assert client.get("/s/demo").status_code == 410
