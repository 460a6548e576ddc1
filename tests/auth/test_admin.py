"""Administrators manage staff accounts in the app and read the audit log."""

from __future__ import annotations

from sqlalchemy import select

from participation.auth.models import AuditEntry, StaffUser
from participation.db import db
from tests.helpers import PASSWORD, post_form


def test_administrator_adds_and_changes_a_staff_account(app, login_as):
    client = login_as("administrator")
    added = post_form(client, "/admin/users/new", {
        "email": "Cllr.Jones@Council.example", "name": "Cllr Jones", "role": "committee", "password": PASSWORD})
    assert added.status_code == 302
    assert "cllr.jones@council.example" in client.get("/admin/users").text
    with app.app_context():
        user_id = db.session.scalar(select(StaffUser.id).where(StaffUser.email == "cllr.jones@council.example"))
    changed = post_form(client, f"/admin/users/{user_id}", {
        "name": "Cllr Jones", "role": "officer", "safeguarding_lead": "y", "active": "y", "password": ""})
    assert changed.status_code == 302
    with app.app_context():
        user = db.session.get(StaffUser, user_id)
        assert user.role == "officer" and user.safeguarding_lead
    audit = client.get("/admin/audit").text
    assert "Added cllr.jones@council.example as Committee member" in audit
    assert "Changed cllr.jones@council.example" in audit and "administrator@council.example" in audit


def test_account_form_errors_are_plain(app, login_as):
    client = login_as("administrator")
    short = post_form(client, "/admin/users/new", {"email": "a@council.example", "role": "officer",
                                                  "password": "short"})
    assert "Use a password of at least 12 characters." in short.text
    bad_email = post_form(client, "/admin/users/new", {"email": "not-an-email", "role": "officer",
                                                      "password": PASSWORD})
    assert "Enter an email address like name@council.gov.uk." in bad_email.text
    bad_role = post_form(client, "/admin/users/new", {"email": "b@council.example", "role": "mayor",
                                                     "password": PASSWORD})
    assert bad_role.status_code == 200 and "There is a problem" in bad_role.text
    with app.app_context():
        assert db.session.scalar(select(StaffUser).where(StaffUser.email == "b@council.example")) is None


def test_an_administrator_cannot_lock_themselves_out(app, login_as):
    client = login_as("administrator")
    with app.app_context():
        me = db.session.scalar(select(StaffUser.id).where(StaffUser.email == "administrator@council.example"))
    reply = post_form(client, f"/admin/users/{me}", {"name": "", "role": "committee", "active": "y", "password": ""})
    assert "You cannot take away your own administrator access." in reply.text
    with app.app_context():
        assert db.session.get(StaffUser, me).role == "administrator"
        assert not db.session.scalars(select(AuditEntry).where(AuditEntry.action == "user.changed")).first()


def test_switched_off_accounts_cannot_sign_in(app, client, make_user, login_as):
    admin = login_as("administrator")
    user_id = make_user("officer", email="gone@council.example")
    post_form(admin, f"/admin/users/{user_id}", {"name": "", "role": "officer", "password": ""})
    stranger = app.test_client()
    from tests.helpers import csrf_token
    page = stranger.get("/login")
    reply = stranger.post("/login", data={"csrf_token": csrf_token(page.text), "email": "gone@council.example",
                                          "password": PASSWORD})
    assert reply.status_code == 401


def test_staff_home_shows_administrators_what_to_set_before_going_live(app, login_as, make_user):
    client = login_as("administrator")
    page = client.get("/surveys/").text
    assert "Before young people use this for real" in page
    assert "COUNCIL_HELP_PHONE" in page and "designated safeguarding lead" in page
    make_user("officer", email="lead@council.example", safeguarding_lead=True)
    app.config["COUNCIL_HELP_PHONE"] = "01234 567890"
    page = client.get("/surveys/").text
    assert "COUNCIL_HELP_PHONE" not in page and "designated safeguarding lead:" not in page


def test_officers_do_not_see_the_go_live_list(login_as):
    page = login_as("officer").get("/surveys/").text
    assert "Before young people use this for real" not in page
