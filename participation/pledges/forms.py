"""Forms for pledges, promises and review surveys."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, HiddenField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from participation.core.forms import choice_list
from participation.pledges.models import PLEDGE_AUDIENCES, PledgeAudience


class PledgeForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired("Give the pledge a name, for example “Our Pledge to you”."),
                                           Length(max=200)])
    audience = RadioField("Who is it for?", default=PledgeAudience.CARED_FOR, choices=choice_list(PLEDGE_AUDIENCES.items()))
    year = IntegerField("Year", validators=[DataRequired("Give the year as four numbers, for example 2026."),
                                            NumberRange(2000, 2100, "Give the year as four numbers, for example 2026.")])


class VersionForm(FlaskForm):
    year = IntegerField("Year", validators=[Optional(), NumberRange(2000, 2100, "Give the year as four numbers.")])


class ImportForm(FlaskForm):
    text = TextAreaField(
        "Paste the promises, one on each line", validators=[Optional(), Length(max=100_000)],
        description="Put a theme's name on its own line (for example “Keep me healthy:”) and the promises "
                    "under it get that theme.")
    upload = FileField("Or upload a CSV file",
                       description="With the columns promise and theme. Save it from Excel as “CSV UTF-8”.")
    payload = HiddenField()


class PromiseForm(FlaskForm):
    we_will = TextAreaField("The promise, as the council writes it",
                            validators=[DataRequired("Write the promise."), Length(max=500)])
    for_young_people = TextAreaField("In young people's words (optional)", validators=[Optional(), Length(max=500)],
                                     description="What young people read in the review. The promise is used when this is empty.")
    for_younger = TextAreaField("A shorter version for children aged 8 to 11 (optional)",
                                validators=[Optional(), Length(max=500)])
    theme = SelectField("Theme")


class ReviewForm(FlaskForm):
    age_band = RadioField("Who will answer it?", default="11-18", choices=choice_list([
        ("11-18", "Young people aged 11 and over, or care leavers"),
        ("8-11", "Children aged 8 to 11: uses the shorter versions")]))
    tell_us_more = BooleanField("Ask “Tell us more” after each promise", default=True)
    slug = StringField("Link name (optional)", validators=[Optional(), Length(max=80)],
                       description="The end of the link young people use, for example pledge-review.")
