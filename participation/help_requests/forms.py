"""The form a young person fills in to be contacted."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from participation.core.words import clean_text

MAX_MESSAGE = 1000


class HelpRequestForm(FlaskForm):
    """Only the way to reach them is needed; everything else is up to them."""

    name = StringField("What should we call you?", filters=[clean_text], validators=[
        Length(max=80, message="Use 80 letters or fewer for your name.")])
    contact = StringField("Your phone number or email", filters=[clean_text], validators=[
        DataRequired("Write a phone number or email so we can reach you."),
        Length(max=200, message="That is too long for a phone number or email. Use 200 letters or fewer.")])
    best_time = StringField("When is a good time to contact you?", filters=[clean_text], validators=[
        Length(max=120, message="Use 120 letters or fewer.")])
    message = TextAreaField("What would you like help with?", filters=[clean_text], validators=[
        Length(max=MAX_MESSAGE, message=f"Your message is too long. Use {MAX_MESSAGE:,} letters or fewer.")])
