"""The sign-in form and the form for changing one's own password."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, EqualTo, Length


class SignInForm(FlaskForm):
    email = EmailField("Email address", validators=[DataRequired("Enter your email address."), Length(max=254)])
    password = PasswordField("Password", validators=[DataRequired("Enter your password."), Length(max=500)])


class NewBrowserForm(FlaskForm):
    email = EmailField("Email address", validators=[DataRequired("Enter your email address."), Length(max=254)])


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField("Your current password", validators=[
        DataRequired("Enter your current password."), Length(max=500)])
    new_password = PasswordField("New password", validators=[DataRequired("Enter a new password."), Length(max=500)])
    repeat_password = PasswordField("The new password again", validators=[
        DataRequired("Enter the new password again."), EqualTo("new_password", "The two new passwords are different.")])
