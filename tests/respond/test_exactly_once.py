"""Every submission is stored exactly once: double taps, resends and many at once."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from participation.core.transaction import run
from participation.db import db
from participation.respond import services
from participation.respond.models import Draft, SubmissionReceipt
from participation.respond.services import Outcome
from tests.respond.helpers import answer_demo, count_responses, send


def test_double_tap_stores_one(client, app, demo):
    check = answer_demo(client, app)
    first, second = send(client, "demo", check), send(client, "demo", check)
    assert first.headers["Location"].endswith("/s/demo/thanks")
    assert second.headers["Location"].endswith("/s/demo/thanks")
    assert count_responses(app) == 1


def test_going_back_after_sending_and_sending_again_stores_one(client, app, demo):
    check = answer_demo(client, app)
    send(client, "demo", check)
    # The browser's back button shows the old check page; its form still holds the same token.
    assert send(client, "demo", check).headers["Location"].endswith("/s/demo/thanks")
    assert count_responses(app) == 1
    # With the answers sent, the check page now says they were sent, with nothing left to send.
    after = client.get("/s/demo/check")
    assert "Your answers were sent" in after.text and 'id="send"' not in after.text


def test_a_second_survey_in_the_same_browser_is_stored_too(client, app, demo):
    send(client, "demo", answer_demo(client, app))
    send(client, "demo", answer_demo(client, app))
    assert count_responses(app) == 2


def test_sending_with_no_answers_kept_says_they_could_not_be_found(client, app, demo):
    check = answer_demo(client, app)
    fresh = app.test_client()
    fresh.get("/s/demo/1")
    from tests.helpers import csrf_token, hidden_value
    page = fresh.get("/s/demo/1").text
    reply = fresh.post("/s/demo/check", data={"csrf_token": csrf_token(page), "token": hidden_value(check, "token")})
    assert reply.status_code == 410
    assert "We could not find your answers" in reply.text
    assert count_responses(app) == 0


def _press_send_at_once(app, key: str, token: str, presses: int = 6) -> tuple[list[Outcome], list[BaseException]]:
    """Send the same kept answers from `presses` threads at the same moment, each with its own connection,
    as a double press or a copied cookie would; what each send came to, and any error raised."""
    outcomes: list[Outcome] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(presses)

    def press_send() -> None:
        try:
            with app.app_context():
                survey = services.find_survey(db.session, "demo")
                barrier.wait()
                outcomes.append(run(db.session, lambda: services.submit(db.session, survey, key, token),
                                    attempts=services.SEND_ATTEMPTS, retry_on=services.RETRY_ON).outcome)
                db.session.remove()
        except BaseException as error:  # reported by the test
            errors.append(error)

    threads = [threading.Thread(target=press_send) for _ in range(presses)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return outcomes, errors


@pytest.mark.committing  # each press of send is a thread with its own connection
def test_many_sends_of_the_same_answers_at_once_store_one(client, app, demo):
    answer_demo(client, app)
    with app.app_context():
        draft = db.session.scalars(select(Draft)).one()
        key, token, survey_id = draft.key, draft.submission_token, draft.survey_id
    outcomes, errors = _press_send_at_once(app, key, token)
    assert not errors, errors
    assert outcomes.count(Outcome.STORED) == 1
    assert outcomes.count(Outcome.ALREADY_STORED) == 5
    assert count_responses(app) == 1
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(SubmissionReceipt)) == 1
        assert db.session.scalar(select(func.count()).select_from(Draft)) == 0
        assert survey_id is not None


def _postgres_log() -> Path | None:
    """PostgreSQL's own server log on this machine, where it can be read."""
    found = sorted(Path("/var/log/postgresql").glob("postgresql-*-main.log"))
    return found[-1] if found and os.access(found[-1], os.R_OK) else None


@pytest.mark.committing  # each press of send is a thread with its own connection
def test_sends_of_the_same_answers_at_once_raise_no_database_error(client, app, demo):
    """A send repeated while the first was being stored (a double press, a copied cookie) was turned
    away by a duplicate-key error, which PostgreSQL writes to its own log with the time to the
    millisecond and the receipt's hash. Now the repeat inserts nothing and no statement fails."""
    answer_demo(client, app)
    with app.app_context():
        draft = db.session.scalars(select(Draft)).one()
        key, token = draft.key, draft.submission_token
        engine = db.engine
    failed: list[str] = []

    def on_error(context) -> None:
        failed.append(type(context.original_exception).__name__ + ": " + str(context.original_exception))

    log = _postgres_log() if engine.dialect.name == "postgresql" else None
    log_start = log.stat().st_size if log else 0
    event.listen(engine, "handle_error", on_error)
    try:
        outcomes, errors = _press_send_at_once(app, key, token)
    finally:
        event.remove(engine, "handle_error", on_error)
    assert not errors, errors
    assert outcomes.count(Outcome.STORED) == 1 and outcomes.count(Outcome.ALREADY_STORED) == 5
    assert count_responses(app) == 1
    if engine.dialect.name == "postgresql":
        assert failed == []  # every statement of every send went through
        if log is not None:
            with log.open("rb") as lines:
                lines.seek(log_start)
                added = lines.read().decode("utf-8", "replace")
            assert f"@{engine.url.database} ERROR" not in added
            assert "pk_submission_receipts" not in added
    else:
        # SQLite lets one writer in at a time and a send that finds the database busy is tried
        # again; none is turned away by its receipt's key.
        assert not [f for f in failed if "IntegrityError" in f or "UNIQUE" in f], failed
