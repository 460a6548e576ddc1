"""Errors keep what a young person typed and put none of it in a log: no answer, draft key or value
sent to the database; bytes that are not text get an honest message; an old page sent again never
empties newer unsent answers."""

from __future__ import annotations

import logging

import pytest

from sqlalchemy import select, text

from participation.db import db
from participation.respond.models import Draft
from tests.helpers import csrf_token
from tests.respond.helpers import DEMO_ANSWERS, answer_demo, count_responses, field_names, post_page, send

WRITTEN = "Nobody listens when I say I miss my sister"


def _drop(app, table: str) -> None:
    """Take a table away inside the test's own transaction, as a broken database would."""
    with app.app_context():
        cascade = " CASCADE" if db.engine.dialect.name == "postgresql" else ""
        db.session.execute(text(f"DROP TABLE {table}{cascade}"))
        db.session.commit()


def test_the_database_never_sees_its_values_in_an_error(app):
    with app.app_context():
        assert db.engine.hide_parameters


def test_a_page_the_database_cannot_save_is_given_back_and_logged_without_it(app, demo, client, caplog):
    caplog.set_level(logging.DEBUG)
    names = field_names(app, "demo")
    _drop(app, "drafts")
    reply = post_page(client, "demo", 4, {names[7]: WRITTEN})
    assert reply.status_code == 503
    assert "Sorry, we could not save this page just now." in reply.text
    assert "is not saved yet" in reply.text
    assert WRITTEN in reply.text  # what was typed is on the page again
    assert "A survey page could not be saved" in caplog.text
    assert WRITTEN not in caplog.text and "parameters" not in caplog.text.lower()


def test_a_send_the_database_refuses_logs_no_answer_or_key_and_keeps_the_answers(app, demo, client, caplog):
    caplog.set_level(logging.DEBUG)
    check = answer_demo(client, app)
    with app.app_context():
        draft = db.session.scalars(select(Draft)).one()
        key, token = draft.key, draft.submission_token
    _drop(app, "answers")
    app.config["PROPAGATE_EXCEPTIONS"] = False  # answer as in production: the error page, and a log line
    reply = send(client, "demo", check)
    assert reply.status_code == 500
    assert "Your answers are kept" in reply.text
    logged = caplog.text
    assert "Exception on a young person's page" in logged and "/s/demo" not in logged
    for secret in (key, token, DEMO_ANSWERS[3][7], "foster-carers"):
        assert secret not in logged
    with app.app_context():  # and they really are kept
        assert db.session.get(Draft, key) is not None


@pytest.mark.parametrize("typed", [b"\xff\xfe", b"%FF%FE", b"%ff\xfe"], ids=["raw", "escaped", "both"])
@pytest.mark.parametrize("where", ["survey page", "request to be contacted"])
def test_bytes_that_are_not_text_get_an_honest_message_and_keep_what_was_typed(app, demo, client, where, typed):
    from participation.help_requests.models import HelpRequest

    if where == "survey page":
        url, field, kept, said = "/s/demo/4", field_names(app, "demo")[7], Draft, "so this page was not saved."
    else:
        url, field, kept, said = "/get-help", "contact", HelpRequest, "so this was not sent."
    page = client.get(url)
    body = f"csrf_token={csrf_token(page.text)}&{field}=I miss my sister ".encode() + typed
    reply = client.post(url, data=body, content_type="application/x-www-form-urlencoded")
    assert reply.status_code == 400
    assert "timed out" not in reply.text
    assert f"Some letters sent from your phone could not be read, {said}" in reply.text
    assert "I miss my sister \ufffd\ufffd" in reply.text and "%FF%FE" not in reply.text
    with app.app_context():
        assert db.session.scalars(select(kept)).all() == []


@pytest.mark.parametrize("where", ["survey page", "request to be contacted"])
def test_an_accent_typed_in_another_encoding_is_shown_as_unreadable_never_as_a_percent_escape(app, demo, client, where):
    """An old phone sending Latin-1 'café' sends caf%E9: it is never stored as the letters '%E9'."""
    from participation.help_requests.models import HelpRequest

    url, field = ("/s/demo/4", field_names(app, "demo")[7]) if where == "survey page" else ("/get-help", "message")
    extra = "" if where == "survey page" else "&contact=07700+900123"
    page = client.get(url)
    body = f"csrf_token={csrf_token(page.text)}&{field}=KEEPME%20caf%E9%20%FF%FE{extra}"
    reply = client.post(url, data=body, content_type="application/x-www-form-urlencoded")
    assert reply.status_code == 400
    assert "Some letters sent from your phone could not be read" in reply.text
    assert "Check" in reply.text and "then press the button again" in reply.text
    assert "KEEPME caf\ufffd \ufffd\ufffd" in reply.text and "%E9" not in reply.text
    with app.app_context():
        assert db.session.scalars(select(Draft)).all() == []
        assert db.session.scalars(select(HelpRequest)).all() == []
    # Corrected, it goes through, and what is kept holds no escape and no NUL.
    body = f"csrf_token={csrf_token(reply.text)}&{field}=KEEPME%20caf%C3%A9%00{extra}"
    assert client.post(url, data=body, content_type="application/x-www-form-urlencoded").status_code == 302
    if where == "survey page":
        with app.app_context():
            assert db.session.scalars(select(Draft)).one().answers[field] == "KEEPME café"


def test_nul_bytes_in_an_answer_are_removed(app, demo, client):
    names = field_names(app, "demo")
    page = client.get("/s/demo/4")
    body = f"csrf_token={csrf_token(page.text)}&{names[7]}=ALSO%00NUL".encode() + b"\x00"
    assert client.post("/s/demo/4", data=body, content_type="application/x-www-form-urlencoded").status_code == 302
    with app.app_context():
        assert db.session.scalars(select(Draft)).one().answers[names[7]] == "ALSONUL"


def test_sending_an_old_page_again_never_empties_newer_unsent_answers(app, demo, client):
    names = field_names(app, "demo")
    first = answer_demo(client, app)
    assert send(client, "demo", first).status_code == 302
    # The same phone starts the survey again for a friend, then the old page is sent again.
    assert post_page(client, "demo", 1, {names[0]: "2", names[1]: "no", names[2]: "foster-carers"}).status_code == 302
    again = send(client, "demo", first)
    assert again.status_code == 302
    assert count_responses(app) == 1
    kept = client.get("/s/demo/1").text
    assert f'name="{names[0]}" type="radio" value="2" checked' in kept
    assert f'name="{names[1]}" type="radio" value="no" checked' in kept
