"""Nothing that could identify a young person is stored or logged."""

from __future__ import annotations

import logging

from sqlalchemy import inspect, select

from participation.db import db
from tests.respond.helpers import answer_demo, send

ADDRESS = "203.0.113.77"
BROWSER = "Mozilla/5.0 (Linux; Android 8.0; SM-G950F) TestPhone/1.2.3"


def _everything_stored(app) -> str:
    """Every value in every table, as one string to search."""
    with app.app_context():
        parts = []
        for table in db.metadata.sorted_tables:
            for row in db.session.execute(select(table)):
                parts.extend(str(value) for value in row)
        return "\n".join(parts)


def test_no_address_browser_or_time_is_stored_or_logged(app, demo, caplog):
    caplog.set_level(logging.DEBUG)
    client = app.test_client()
    identity = {"environ_base": {"REMOTE_ADDR": ADDRESS}, "headers": {"User-Agent": BROWSER}}
    check = answer_demo(client, app, **identity)
    assert send(client, "demo", check, **identity).status_code == 302
    form = client.get("/get-help", **identity).text
    from tests.helpers import csrf_token
    asked = client.post("/get-help", data={"csrf_token": csrf_token(form), "contact": "07700 900123"}, **identity)
    assert asked.status_code == 302
    from participation.help_requests.holding import write_now
    write_now(app)

    stored = _everything_stored(app)
    assert "07700 900123" in stored  # the request was kept, with nothing else about the phone
    assert ADDRESS not in stored
    assert "TestPhone" not in stored
    assert ADDRESS not in caplog.text and "TestPhone" not in caplog.text


def test_response_tables_have_no_column_that_could_identify_someone(app):
    with app.app_context():
        columns = {
            table: {c["name"] for c in inspect(db.engine).get_columns(table)}
            for table in ("responses", "answers", "drafts", "submission_receipts")
        }
    # The audience is the word of the link it came through (one of a few, the same for everyone given it).
    assert columns["responses"] == {"id", "survey_id", "submitted_on", "audience"}
    assert columns["answers"] == {"id", "response_id", "question_id", "choice", "text"}
    assert columns["drafts"] == {"key", "survey_id", "answers", "submission_token", "updated_on"}
    # The receipt that stops a double send has no link back to the response it let through.
    assert columns["submission_receipts"] == {"token_hash", "survey_id", "used_on"}
    with app.app_context():
        for table in ("responses", "answers", "drafts", "submission_receipts"):
            for column in inspect(db.engine).get_columns(table):
                assert "TIMESTAMP" not in str(column["type"]).upper() and "DATETIME" not in str(column["type"]).upper()


def _readable(cookie_value: str) -> str:
    """Everything anyone who sees the cookie could read from it, trying each way it could be encoded."""
    import base64
    import zlib

    parts = [cookie_value]
    for piece in cookie_value.lstrip(".").split("."):
        try:
            raw = base64.urlsafe_b64decode(piece + "=" * (-len(piece) % 4))
        except ValueError:
            continue
        parts.append(raw.decode("latin-1"))
        try:
            parts.append(zlib.decompress(raw).decode("latin-1"))
        except zlib.error:
            pass
    return "\n".join(parts)


def test_the_session_cookie_is_opaque_and_holds_no_time(client, app, demo):
    """Before, the cookie was signed but readable: the draft key, and its last change to the second."""
    from flask.sessions import SecureCookieSessionInterface
    from itsdangerous import BadSignature

    from participation.respond.models import Draft

    answer_demo(client, app)
    cookie = client.get_cookie("session")
    assert cookie is not None and cookie.http_only
    with app.app_context():
        key = db.session.scalars(select(Draft.key)).one()
    seen = _readable(cookie.value)
    assert key not in seen and "drafts" not in seen and "csrf_token" not in seen
    try:  # Flask's own signed cookie, with its timestamp, can no longer be read from it
        SecureCookieSessionInterface().get_signing_serializer(app).loads(cookie.value)
        raise AssertionError("the cookie opened as a plain signed cookie")
    except BadSignature:
        pass
    # The app itself still finds the answers with it: only a random key is inside, and no time.
    content = app.session_interface.get_signing_serializer(app).loads(cookie.value)
    assert set(content) <= {"csrf_token", "drafts", "_permanent", "_flashes", "limit_key"}
    assert list(content["drafts"].values()) == [key]
    # Two different sessions look alike: the same length, nothing in common.
    other = app.test_client()
    other.get("/s/demo/1")
    assert len(other.get_cookie("session").value) == len(cookie.value)


def test_a_changed_cookie_is_no_session_at_all(client, app, demo):
    answer_demo(client, app)
    value = client.get_cookie("session").value
    client.set_cookie("session", value[:-4] + ("AAAA" if not value.endswith("AAAA") else "BBBB"))
    assert client.get("/s/demo/check").status_code == 410  # the answers cannot be found with it


def test_unsent_answers_are_deleted_after_a_few_days(client, app, demo, runner):
    from datetime import timedelta

    from participation.db import today
    from participation.respond.models import Draft
    from participation.respond.services import purge_old_drafts

    answer_demo(client, app)
    with app.app_context():
        assert purge_old_drafts(db.session, days=2) == 0
        assert purge_old_drafts(db.session, days=2, on=today() + timedelta(days=3)) == 1
        assert db.session.scalars(select(Draft)).first() is None
    assert "Deleted 0" in runner.invoke(args=["purge-drafts"]).output
