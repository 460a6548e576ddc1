"""Staff forms show each problem once, on its field; anything destructive asks first, on its own page."""

from __future__ import annotations

import html
import re

from sqlalchemy import select

from participation.db import db
from participation.pledges.models import Promise
from participation.surveys.models import Question, Survey
from participation.themes.models import Theme
from tests.helpers import csrf_token, post_form
from tests.respond.helpers import answer_demo, send
from tests.surveys.helpers import add_question, create_survey, stored_survey


def _summary(page: str) -> str:
    match = re.search(r'<div class="error-summary".*?</div>', page, re.S)
    assert match, "the page has no error summary"
    return match.group(0)


def test_a_refused_question_shows_its_problem_once_in_the_summary_and_once_on_its_field(app, login_as):
    client = login_as("officer")
    survey_id = create_survey(client, "Forms")
    page = add_question(client, app, survey_id, kind="single", options="Only one answer").text
    message = "Give at least two answers to choose from, one on each line."
    assert page.count(message) == 2
    assert f'<li><a href="#options">{message}</a></li>' in _summary(page)
    field = re.search(r'<div class="group group-error">\s*<label class="label" for="options">.*?</textarea>', page, re.S)
    assert field and 'id="options-error"' in field.group(0) and message in field.group(0)
    assert 'aria-describedby="options-hint options-error"' in field.group(0)
    assert page.startswith("<!doctype html>") and "<title>Error: " in page


def test_a_missing_question_is_one_linked_error_and_a_good_one_is_kept(app, login_as):
    client = login_as("officer")
    survey_id = create_survey(client, "Forms")
    page = add_question(client, app, survey_id, text="   ").text
    summary = _summary(page)
    assert summary.count("<li>") == 1 and '<a href="#text">Write the question.</a>' in summary
    assert page.count("Write the question.") == 2


def test_a_theme_name_already_used_is_shown_on_the_name_field(app, demo, login_as):
    client = login_as("administrator")
    with app.app_context():
        taken = db.session.scalars(select(Theme).where(Theme.archived.is_(False))).first().name
    page = post_form(client, "/themes/new", {"name": taken.upper(), "description": "", "keywords": "",
                                             "examples": ""}).text
    message = html.escape(f"There is already a theme called “{taken}”.", quote=False)
    assert page.count(message) == 2 and f'<a href="#name">{message}</a>' in _summary(page)


def test_deleting_a_question_asks_first_and_says_what_will_happen(app, login_as):
    client = login_as("officer")
    survey_id = create_survey(client, "Forms")
    add_question(client, app, survey_id, text="Do you like your school?")
    with app.app_context():
        question_id = db.session.get(Survey, survey_id).ordered_questions[0].id
    survey_page = client.get(f"/surveys/{survey_id}").text
    confirm_url = f"/surveys/{survey_id}/questions/{question_id}/delete"
    assert f'href="{confirm_url}"' in survey_page
    assert f'action="{confirm_url}"' not in survey_page  # no one-click delete
    confirm = client.get(confirm_url).text
    assert "Delete “Do you like your school?”?" in confirm
    assert "cannot be brought back" in confirm and f'action="{confirm_url}"' in confirm
    assert "Delete the question" in confirm and "No, keep the question" in confirm
    with app.app_context():
        assert db.session.get(Question, question_id) is not None  # asking changed nothing
    done = client.post(confirm_url, data={"csrf_token": csrf_token(confirm)})
    assert done.status_code == 302 and done.headers["Location"].endswith(f"/surveys/{survey_id}#questions")
    assert "Deleted the question “Do you like your school?”." in client.get(done.headers["Location"]).text
    with app.app_context():
        assert db.session.get(Question, question_id) is None


def test_moving_a_question_says_so_and_returns_to_it(app, login_as, demo):
    client = login_as("officer")
    survey = stored_survey(app, slug="demo")
    with app.app_context():
        second = db.session.get(Survey, survey.id).sections[0].questions[1]
        second_id, text = second.id, second.text
    moved = post_form(client, f"/surveys/{survey.id}/questions/{second_id}/up", {}, form_page=f"/surveys/{survey.id}")
    assert moved.headers["Location"].endswith(f"#question-{second_id}")
    assert html.escape(f"Moved “{text}” up.", quote=False) in client.get(moved.headers["Location"]).text
    again = post_form(client, f"/surveys/{survey.id}/questions/{second_id}/up", {}, form_page=f"/surveys/{survey.id}")
    assert "is already first on its page." in client.get(again.headers["Location"]).text


def test_closing_a_survey_asks_first_with_its_response_count(app, login_as, demo):
    young_person = app.test_client()
    send(young_person, "demo", answer_demo(young_person, app))
    client = login_as("officer")
    survey = stored_survey(app, slug="demo")
    show = client.get(f"/surveys/{survey.id}").text
    assert f'href="/surveys/{survey.id}/close"' in show and f'action="/surveys/{survey.id}/close"' not in show
    confirm = client.get(f"/surveys/{survey.id}/close").text
    assert "Young people can no longer answer it." in confirm and "The 1 response already sent is kept" in confirm
    assert stored_survey(app, slug="demo").status == "open"
    client.post(f"/surveys/{survey.id}/close", data={"csrf_token": csrf_token(confirm)})
    assert stored_survey(app, slug="demo").status == "closed"
    assert "Closed. No more answers can be sent." in client.get(f"/surveys/{survey.id}").text


def test_archiving_a_theme_asks_first(app, demo, login_as):
    client = login_as("administrator")
    with app.app_context():
        theme = db.session.scalars(select(Theme).where(Theme.key == "adult-life")).one()
        theme_id, name = theme.id, theme.name
    index = client.get("/themes/").text
    assert f'href="/themes/{theme_id}/archive"' in index and f'action="/themes/{theme_id}/archive"' not in index
    confirm = client.get(f"/themes/{theme_id}/archive").text
    assert html.escape(f"Archive the theme “{name}”?", quote=False) in confirm and "keep it" in confirm
    with app.app_context():
        assert not db.session.get(Theme, theme_id).archived
    client.post(f"/themes/{theme_id}/archive", data={"csrf_token": csrf_token(confirm)})
    with app.app_context():
        assert db.session.get(Theme, theme_id).archived


def test_removing_a_promise_asks_first(app, login_as):
    from tests.pledges.helpers import imported_pledge

    with app.app_context():
        version = imported_pledge(db.session)
        db.session.commit()
        promise = version.promises[0]
        promise_id, words = promise.id, promise.we_will
    client = login_as("officer")
    assert f'href="/pledges/promises/{promise_id}/delete"' in client.get(f"/pledges/promises/{promise_id}").text
    confirm = client.get(f"/pledges/promises/{promise_id}/delete").text
    assert html.escape(f"“{words}” goes from the 2025 promises", quote=False) in confirm
    client.post(f"/pledges/promises/{promise_id}/delete", data={"csrf_token": csrf_token(confirm)})
    with app.app_context():
        assert db.session.get(Promise, promise_id) is None
