"""A staff form sent with an expired or missing form token never loses what was typed: long forms are drawn
again with it and ask to send again; any other form shows it on a plain page. Nothing is saved."""

from __future__ import annotations

from sqlalchemy import func, select

from participation.db import db
from participation.pledges.models import Promise
from participation.surveys.models import Question
from participation.tracker.models import YouSaid
from tests.helpers import csrf_token
from tests.surveys.helpers import create_survey, section_id_of

TIMED_OUT = "This page timed out, so nothing was saved yet. What you typed is still here"
LONG = "What would make the biggest difference to you & your family, <b>in your own words</b>?"


def _count(app, model) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def _token_gone(client) -> None:
    """The form token the page was drawn with is no longer the session's (a session that ran out)."""
    with client.session_transaction() as session:
        session.pop("csrf_token", None)


def test_a_survey_question_sent_after_the_token_ran_out_is_drawn_again_and_sends_the_second_time(app, login_as):
    officer = login_as("officer")
    survey_id = create_survey(officer, "Timed out")
    path = f"/surveys/{survey_id}/questions/new"
    stale = csrf_token(officer.get(path).text)
    before = _count(app, Question)
    _token_gone(officer)
    data = {"kind": "text", "text": LONG, "help": "Take your time", "section": str(section_id_of(app, survey_id)),
            "theme_id": "", "show_if": ""}
    reply = officer.post(path, data={"csrf_token": stale, **data})
    assert reply.status_code == 200 and TIMED_OUT in reply.text
    assert "What would make the biggest difference to you &amp; your family, &lt;b&gt;in your own words" in reply.text
    assert 'value="Take your time"' in reply.text
    assert _count(app, Question) == before
    again = officer.post(path, data={"csrf_token": csrf_token(reply.text), **data})
    assert again.status_code == 302 and _count(app, Question) == before + 1


def test_a_you_said_and_a_promise_keep_what_was_typed_when_sent_with_no_token(app, demo, login_as):
    officer = login_as("officer")
    reply = officer.post("/tracker/new", data={"step": "save", "summary": LONG, "source": "survey"})
    assert reply.status_code == 200 and TIMED_OUT in reply.text and "in your own words" in reply.text
    with app.app_context():
        promise = db.session.scalars(select(Promise)).first()
        promise_id, wording = promise.id, promise.we_will
    before = _count(app, YouSaid)
    reply = officer.post(f"/pledges/promises/{promise_id}", data={"csrf_token": "made-up", "we_will": LONG,
                                                                  "theme": ""})
    assert reply.status_code == 200 and TIMED_OUT in reply.text and "in your own words" in reply.text
    with app.app_context():
        assert db.session.get(Promise, promise_id).we_will == wording
    assert _count(app, YouSaid) == before


def test_any_other_staff_form_shows_what_was_typed_on_a_plain_page_but_never_a_password(app, login_as):
    admin = login_as("administrator")
    reply = admin.post("/admin/users/new", data={"csrf_token": "stale", "email": "new@council.example",
                                                 "name": "Jo Bloggs", "role": "officer",
                                                 "password": "plum kettle orbit sandal"})
    assert reply.status_code == 400 and "This page timed out" in reply.text
    assert "Jo Bloggs" in reply.text and "new@council.example" in reply.text
    assert "plum kettle orbit sandal" not in reply.text and "Bad Request" not in reply.text


def test_signed_out_in_the_meantime_the_typed_words_are_shown_with_a_way_to_sign_in(app, demo, login_as):
    officer = login_as("officer")
    survey_id = create_survey(officer, "Signed out")
    stranger = app.test_client()  # the session is gone altogether
    before = _count(app, Question)
    reply = stranger.post(f"/surveys/{survey_id}/questions/new", data={"csrf_token": "old", "text": LONG})
    assert reply.status_code == 400 and "in your own words" in reply.text and "sign in again" in reply.text
    assert _count(app, Question) == before
