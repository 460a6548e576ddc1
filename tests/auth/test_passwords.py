"""Common and easy passwords are refused in plain words wherever a password is set: adding an account on the
command line or as an administrator, an administrator's reset and changing one's own."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from participation.auth.models import StaffUser
from participation.db import db
from tests.helpers import PASSWORD, post_form

REFUSED = "That password is too common or too easy to guess."
#: Common passwords, keyboard runs, repeats, the product's own words and the person's own name.
WEAK = ["password1234", "Password1234!", "qwertyuiop12", "aaaaaaaaaaaa", "Participation1", "samjones1234"]


@pytest.mark.parametrize("weak", WEAK)
def test_the_command_line_refuses_a_common_or_weak_password(app, runner, weak):
    result = runner.invoke(args=["create-user", "sam.jones@council.example", "--role", "officer",
                                 "--name", "Sam Jones"], input=f"{weak}\n{weak}\n")
    assert result.exit_code != 0 and REFUSED in result.output
    with app.app_context():
        assert db.session.scalars(select(StaffUser)).all() == []


def test_an_administrator_cannot_add_or_reset_to_a_weak_password(app, login_as, make_user):
    admin = login_as("administrator")
    for weak in WEAK:
        reply = post_form(admin, "/admin/users/new", {"email": "sam.jones@council.example", "name": "Sam Jones",
                                                      "role": "officer", "password": weak})
        assert reply.status_code == 200 and REFUSED in reply.text, weak
    with app.app_context():
        assert db.session.scalar(select(StaffUser).where(StaffUser.email == "sam.jones@council.example")) is None
    officer_id = make_user("officer", email="sam.jones@council.example", name="Sam Jones")
    with app.app_context():
        before = db.session.get(StaffUser, officer_id).password_hash
    for weak in WEAK:
        reply = post_form(admin, f"/admin/users/{officer_id}", {"name": "Sam Jones", "role": "officer", "active": "y",
                                                                "password": weak})
        assert reply.status_code == 200 and REFUSED in reply.text, weak
    with app.app_context():
        assert db.session.get(StaffUser, officer_id).password_hash == before


def test_no_one_can_change_their_own_password_to_a_weak_one(app, login_as):
    officer = login_as("officer")
    for weak in WEAK[:3]:
        reply = post_form(officer, "/account/password", {"current_password": PASSWORD, "new_password": weak,
                                                         "repeat_password": weak})
        assert reply.status_code == 200 and REFUSED in reply.text
    different = post_form(officer, "/account/password", {"current_password": PASSWORD,
                                                         "new_password": "plum kettle orbit sandal",
                                                         "repeat_password": "plum kettle orbit sandals"})
    assert "The two new passwords are different." in different.text


def test_a_strong_password_is_accepted(app, runner):
    result = runner.invoke(args=["create-user", "sam.jones@council.example", "--role", "officer"],
                           input="plum kettle orbit sandal\nplum kettle orbit sandal\n")
    assert result.exit_code == 0, result.output
