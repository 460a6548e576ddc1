"""Signing in and out, lockout, inactivity and the create-user command."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from participation.auth import services
from participation.auth.models import AuditEntry, StaffUser
from participation.db import db
from tests.conftest import PASSWORD, csrf_token


def _sign_in(client, email, password, next_=None):
    page = client.get("/login" + (f"?next={next_}" if next_ else ""))
    return client.post("/login" + (f"?next={next_}" if next_ else ""),
                       data={"csrf_token": csrf_token(page.text), "email": email, "password": password})


def test_staff_sign_in_and_reach_their_pages(client, make_user):
    make_user("officer", email="sam@council.example")
    reply = _sign_in(client, "Sam@Council.example ", PASSWORD)
    assert reply.status_code == 302 and reply.headers["Location"] == "/surveys/"
    assert client.get("/surveys/").status_code == 200


def test_wrong_email_and_wrong_password_read_the_same(client, make_user):
    make_user("officer", email="sam@council.example")
    wrong_password = _sign_in(client, "sam@council.example", "not the password")
    wrong_email = _sign_in(client, "nobody@council.example", PASSWORD)
    assert wrong_password.status_code == wrong_email.status_code == 401
    assert "The email address or password is not right." in wrong_password.text
    assert "The email address or password is not right." in wrong_email.text


def test_five_wrong_passwords_lock_the_account_even_for_the_right_one(client, make_user):
    make_user("officer", email="sam@council.example")
    for _ in range(4):
        assert "not right" in _sign_in(client, "sam@council.example", "guess").text
    fifth = _sign_in(client, "sam@council.example", "guess")
    assert "This account is locked after 5 wrong passwords in 15 minutes." in fifth.text
    right = _sign_in(client, "sam@council.example", PASSWORD)
    assert right.status_code == 401 and "Try again in 15 minutes." in right.text
    assert client.get("/surveys/").status_code == 302


def test_the_lock_ends_after_fifteen_minutes(app, make_user):
    make_user("officer", email="sam@council.example")
    start = datetime(2026, 11, 23, 9, 0)
    with app.app_context():
        for minute in range(5):
            assert services.authenticate(db.session, "sam@council.example", "guess",
                                         now=start + timedelta(minutes=minute)).user is None
        locked = services.authenticate(db.session, "sam@council.example", PASSWORD, now=start + timedelta(minutes=10))
        assert locked.user is None and "locked" in locked.message
        later = services.authenticate(db.session, "sam@council.example", PASSWORD, now=start + timedelta(minutes=20))
        assert later.user is not None


def test_next_goes_back_to_the_page_asked_for_but_never_off_site(client, make_user):
    make_user("officer", email="sam@council.example")
    assert client.get("/surveys/new").headers["Location"].startswith("/login?next=")
    assert _sign_in(client, "sam@council.example", PASSWORD, next_="/surveys/new").headers["Location"] == "/surveys/new"
    client.post("/logout", data={"csrf_token": csrf_token(client.get("/surveys/").text)})
    reply = _sign_in(client, "sam@council.example", PASSWORD, next_="https://evil.example/")
    assert reply.headers["Location"] == "/surveys/"


def test_staff_are_signed_out_after_inactivity(app, client, login_as):
    login_as("officer")
    with client.session_transaction() as session:
        session["seen"] = session["seen"] - (app.config["STAFF_IDLE_MINUTES"] * 60 + 5)
    reply = client.get("/surveys/")
    assert reply.status_code == 302 and reply.headers["Location"].startswith("/login")
    assert "signed out because you had not done anything" in client.get(reply.headers["Location"]).text
    assert client.get("/surveys/").status_code == 302


def test_sign_out(client, login_as):
    login_as("officer")
    reply = client.post("/logout", data={"csrf_token": csrf_token(client.get("/surveys/").text)})
    assert reply.status_code == 302
    assert client.get("/surveys/").status_code == 302


def test_create_user_command_reads_the_password_twice_from_a_hidden_prompt(app, runner):
    result = runner.invoke(args=["create-user", "Lead@Council.example", "--role", "administrator",
                                 "--safeguarding-lead"], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output
    with app.app_context():
        user = db.session.scalars(select(StaffUser)).one()
        assert user.email == "lead@council.example" and user.role == "administrator" and user.safeguarding_lead
        assert user.password_hash.startswith("scrypt:") and PASSWORD not in user.password_hash
        assert db.session.scalars(select(AuditEntry.action)).all() == ["user.created"]


def test_create_user_refuses_a_short_password_and_a_duplicate(app, runner):
    short = runner.invoke(args=["create-user", "a@council.example", "--role", "officer"], input="short\nshort\n")
    assert short.exit_code != 0 and "at least 12 characters" in short.output
    runner.invoke(args=["create-user", "a@council.example", "--role", "officer"], input=f"{PASSWORD}\n{PASSWORD}\n")
    again = runner.invoke(args=["create-user", "a@council.example", "--role", "committee"],
                          input=f"{PASSWORD}\n{PASSWORD}\n")
    assert again.exit_code != 0 and "already an account" in again.output
