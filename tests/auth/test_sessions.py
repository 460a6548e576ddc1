"""Staff sessions end everywhere at once: signing out, a password change, a reset by an administrator and
switching an account off each stop every other browser and any copied cookie; and a session lasts at most
STAFF_SESSION_HOURS however busy its owner is."""

from __future__ import annotations

import time
from unittest import mock

from sqlalchemy import select

from participation.auth.models import AuditEntry, StaffUser
from participation.db import db
from tests.helpers import PASSWORD, csrf_token, post_form

NEW_PASSWORD = "plum kettle orbit sandal"


def _copy(app, client):
    """Another browser holding a copy of the client's session cookie, as an attacker who copied it would."""
    thief = app.test_client()
    thief.set_cookie("session", client.get_cookie("session").value)
    return thief


def _sign_in(app, email: str, password: str = PASSWORD):
    """A fresh browser signed in with this account."""
    client = app.test_client()
    page = client.get("/login")
    reply = client.post("/login", data={"csrf_token": csrf_token(page.text), "email": email, "password": password})
    assert reply.status_code == 302, reply.text
    return client


def _signed_in(client) -> bool:
    return client.get("/reports/").status_code == 200


def test_signing_out_ends_every_session_of_the_account_and_a_copied_cookie(app, login_as):
    officer = login_as("officer")
    thief = _copy(app, officer)
    assert _signed_in(thief)
    elsewhere = _sign_in(app, "officer@council.example")
    assert _signed_in(elsewhere)
    officer.post("/logout", data={"csrf_token": csrf_token(officer.get("/surveys/").text)})
    assert not _signed_in(officer) and not _signed_in(thief) and not _signed_in(elsewhere)
    reply = thief.get("/surveys/")
    assert reply.status_code == 302 and reply.headers["Location"].startswith("/login")


def test_changing_ones_password_keeps_this_session_and_ends_every_other(app, login_as):
    officer = login_as("officer")
    thief = _copy(app, officer)
    wrong = post_form(officer, "/account/password", {"current_password": "not it", "new_password": NEW_PASSWORD,
                                                     "repeat_password": NEW_PASSWORD})
    assert wrong.status_code == 200 and "Your current password is not right." in wrong.text
    assert _signed_in(thief)
    reply = post_form(officer, "/account/password", {"current_password": PASSWORD, "new_password": NEW_PASSWORD,
                                                     "repeat_password": NEW_PASSWORD})
    assert reply.status_code == 302
    assert "You are signed out everywhere else." in officer.get(reply.headers["Location"]).text
    assert _signed_in(officer) and not _signed_in(thief)
    with app.app_context():
        assert "user.password-changed" in db.session.scalars(select(AuditEntry.action)).all()
    assert _signed_in(_sign_in(app, "officer@council.example", NEW_PASSWORD))


def test_an_administrators_reset_and_switching_off_end_the_accounts_sessions_but_not_the_administrators(
        app, login_as, make_user):
    make_user("officer")
    officer = _sign_in(app, "officer@council.example")
    thief = _copy(app, officer)
    admin = login_as("administrator")
    with app.app_context():
        officer_id = db.session.scalar(select(StaffUser.id).where(StaffUser.email == "officer@council.example"))
    form = {"name": "", "role": "officer", "active": "y", "password": NEW_PASSWORD}
    # Saving without a new password changes nothing for the officer's sessions.
    assert post_form(admin, f"/admin/users/{officer_id}", {**form, "password": ""}).status_code == 302
    assert _signed_in(officer) and _signed_in(thief)
    assert post_form(admin, f"/admin/users/{officer_id}", form).status_code == 302
    assert not _signed_in(officer) and not _signed_in(thief) and _signed_in(admin)
    # Signed in again with the new password, then switched off: signed out at once.
    client = _sign_in(app, "officer@council.example", NEW_PASSWORD)
    assert _signed_in(client)
    assert post_form(admin, f"/admin/users/{officer_id}", {**form, "password": "", "active": ""}).status_code == 302
    assert not _signed_in(client)


def test_an_administrator_resetting_their_own_password_stays_signed_in(app, login_as):
    admin = login_as("administrator")
    thief = _copy(app, admin)
    with app.app_context():
        admin_id = db.session.scalar(select(StaffUser.id))
    reply = post_form(admin, f"/admin/users/{admin_id}", {"name": "", "role": "administrator", "active": "y",
                                                          "password": NEW_PASSWORD})
    assert reply.status_code == 302
    assert _signed_in(admin) and not _signed_in(thief)


def test_a_session_ends_after_its_lifetime_however_busy(app, login_as):
    officer = login_as("officer")
    hours = app.config["STAFF_SESSION_HOURS"]
    assert hours == 12
    start = time.time()
    # Busy all day: a page every 20 minutes, so the idle limit never ends it.
    for minutes in range(20, int(hours * 60), 20):
        with mock.patch("participation.auth.access.time.time", return_value=start + minutes * 60):
            assert _signed_in(officer), minutes
    with mock.patch("participation.auth.access.time.time", return_value=start + hours * 3600 + 60):
        reply = officer.get("/surveys/")
        assert reply.status_code == 302 and reply.headers["Location"].startswith("/login")
        assert "signed in a long time ago" in officer.get(reply.headers["Location"]).text
        assert not _signed_in(officer)


def test_the_lifetime_is_configurable(app, login_as):
    app.config["STAFF_SESSION_HOURS"] = 1
    officer = login_as("officer")
    start = time.time()
    for minutes in (25, 50):
        with mock.patch("participation.auth.access.time.time", return_value=start + minutes * 60):
            assert _signed_in(officer)
    with mock.patch("participation.auth.access.time.time", return_value=start + 61 * 60):
        assert not _signed_in(officer)
