"""Signing in and out, waits after wrong passwords, inactivity and the create-user command."""

from __future__ import annotations

from sqlalchemy import select

from participation.auth import services
from participation.auth.models import AuditEntry, StaffUser
from participation.db import db
from tests.auth.helpers import error_message, sign_in
from tests.helpers import PASSWORD, csrf_token


def test_staff_sign_in_and_reach_their_pages(client, make_user):
    make_user("officer", email="sam@council.example")
    reply = sign_in(client, "Sam@Council.example ", PASSWORD)
    assert reply.status_code == 302 and reply.headers["Location"] == "/surveys/"
    assert client.get("/surveys/").status_code == 200


def test_wrong_email_and_wrong_password_read_the_same(client, make_user):
    make_user("officer", email="sam@council.example")
    wrong_password = sign_in(client, "sam@council.example", "not the password")
    wrong_email = sign_in(client, "nobody@council.example", PASSWORD)
    assert wrong_password.status_code == wrong_email.status_code == 401
    assert "The email address or password is not right." in wrong_password.text
    assert "The email address or password is not right." in wrong_email.text


def test_wrong_passwords_bring_a_growing_wait_that_reads_the_same_for_unknown_emails(app, make_user, clock):
    make_user("officer", email="sam@council.example")
    seen = {}
    for email in ("sam@council.example", "nobody@council.example"):
        replies = [sign_in(app.test_client(), email, "guess") for _ in range(6)]
        seen[email] = [(r.status_code, error_message(r)) for r in replies]
    assert seen["sam@council.example"] == seen["nobody@council.example"]
    messages = [message for _, message in seen["sam@council.example"]]
    assert messages[:4] == ["The email address or password is not right."] * 4
    assert messages[4].endswith("Wait 1 second, then try again.")
    assert messages[5] == ("There have been several wrong tries for this email address. "
                           "Wait 1 second, then try again.")
    # The right password must wait too on a browser nobody signed in on...
    assert "Wait 1 second" in error_message(sign_in(app.test_client(), "sam@council.example", PASSWORD))
    # ... but only for the wait: it is never a lock.
    clock[0] += 2
    assert sign_in(app.test_client(), "sam@council.example", PASSWORD).status_code == 302


def test_strangers_guessing_never_lock_the_member_of_staff_out_of_their_own_browser(app, make_user, clock):
    make_user("officer", email="sam@council.example")
    own = app.test_client()
    assert sign_in(own, "sam@council.example", PASSWORD).status_code == 302
    own.post("/logout", data={"csrf_token": csrf_token(own.get("/surveys/").text)})
    for _ in range(30):  # a stranger, patient enough to sit out every wait
        clock[0] += 901
        assert sign_in(app.test_client(), "sam@council.example", "guess").status_code == 401
    elsewhere = sign_in(app.test_client(), "sam@council.example", PASSWORD)
    assert elsewhere.status_code == 401 and "Wait 15 minutes, then try again." in error_message(elsewhere)
    assert sign_in(own, "sam@council.example", PASSWORD).status_code == 302
    assert own.get("/surveys/").status_code == 200


def test_a_trusted_browser_gets_its_own_wait_after_its_own_wrong_passwords(app, make_user, clock):
    make_user("officer", email="sam@council.example")
    own = app.test_client()
    assert sign_in(own, "sam@council.example", PASSWORD).status_code == 302
    own.post("/logout", data={"csrf_token": csrf_token(own.get("/surveys/").text)})
    replies = [error_message(sign_in(own, "sam@council.example", "guess")) for _ in range(5)]
    assert "Wait 1 second" in replies[4]
    assert "Wait 1 second" in error_message(sign_in(own, "sam@council.example", PASSWORD))
    clock[0] += 2
    assert sign_in(own, "sam@council.example", PASSWORD).status_code == 302


def test_a_browser_trusted_for_another_address_or_a_made_up_cookie_is_not_trusted(app, make_user, clock):
    make_user("officer", email="sam@council.example")
    make_user("officer", email="alex@council.example")
    alexs = app.test_client()
    assert sign_in(alexs, "alex@council.example", PASSWORD).status_code == 302
    alexs.post("/logout", data={"csrf_token": csrf_token(alexs.get("/surveys/").text)})
    for _ in range(5):
        sign_in(app.test_client(), "sam@council.example", "guess")
    made_up = app.test_client()
    made_up.set_cookie("staff_browser", "WyJhYmMiLCAiZGVmIl0.forged", path="/login")
    for browser in (alexs, made_up):
        assert "Wait 1 second" in error_message(sign_in(browser, "sam@council.example", PASSWORD))


def test_next_goes_back_to_the_page_asked_for_but_never_off_site(client, make_user):
    make_user("officer", email="sam@council.example")
    assert client.get("/surveys/new").headers["Location"].startswith("/login?next=")
    assert sign_in(client, "sam@council.example", PASSWORD, next_="/surveys/new").headers["Location"] == "/surveys/new"
    client.post("/logout", data={"csrf_token": csrf_token(client.get("/surveys/").text)})
    reply = sign_in(client, "sam@council.example", PASSWORD, next_="https://evil.example/")
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
