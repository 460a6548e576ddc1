"""Forms for adding and changing staff accounts."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, Length, Optional

from participation.auth.roles import Role
from participation.core.forms import choice_list

ROLE_CHOICES = choice_list((r.value, r.label) for r in Role)


class NewUserForm(FlaskForm):
    email = EmailField("Email address", validators=[
        DataRequired("Enter an email address."), Email("Enter an email address like name@council.gov.uk."),
        Length(max=254)])
    name = StringField("Name", validators=[Optional(), Length(max=120)])
    role = SelectField("Role", choices=ROLE_CHOICES)
    safeguarding_lead = BooleanField("Designated safeguarding lead")
    password = PasswordField("Password", validators=[DataRequired("Enter a password."), Length(max=500)])


class EditUserForm(FlaskForm):
    name = StringField("Name", validators=[Optional(), Length(max=120)])
    role = SelectField("Role", choices=ROLE_CHOICES)
    safeguarding_lead = BooleanField("Designated safeguarding lead")
    active = BooleanField("Can sign in")
    password = PasswordField("New password (leave empty to keep it)", validators=[Optional(), Length(max=500)])
