"""Forms for the survey builder. Every field has a plain message when it is wrong."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, RadioField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from participation.core.forms import choice_list
from participation.surveys.models import AGE_BANDS, AUDIENCES
from participation.surveys.question_types import QUESTION_TYPES
from participation.surveys.starters import STARTERS


class NewSurveyForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired("Give the survey a title."), Length(max=200)])
    starter = RadioField("Start from", default="", choices=choice_list([("", "A blank survey")] + [
        (s.key, s.name) for s in STARTERS.values()]))


class DetailsForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired("Give the survey a title."), Length(max=200)])
    slug = StringField("Link name", validators=[Optional(), Length(max=80)],
                       description="The end of the link young people use. Letters, numbers and dashes.")
    intro = TextAreaField("What is this survey for?", validators=[Optional(), Length(max=2000)],
                          description="Young people read this before they start. Use short sentences.")
    thanks = TextAreaField("Thank-you words (optional)", validators=[Optional(), Length(max=2000)],
                           description="Shown after young people send their answers, under “Thank you”.")
    audience = SelectField("Who is it for?", choices=choice_list(AUDIENCES.items()))
    age_band = SelectField("Age band", choices=choice_list(AGE_BANDS.items()))
    opens_on = DateField("Opens on", validators=[Optional()], format="%Y-%m-%d")
    closes_on = DateField("Closes on", validators=[Optional()], format="%Y-%m-%d")


class QuestionForm(FlaskForm):
    kind = SelectField("Kind of question", choices=choice_list((k, t.name) for k, t in QUESTION_TYPES.items()))
    text = TextAreaField("Question", validators=[DataRequired("Write the question."), Length(max=1000)])
    help = StringField("Help text (optional)", validators=[Optional(), Length(max=500)])
    options = TextAreaField("Answers to choose from, one on each line",
                            validators=[Optional(), Length(max=5000)],
                            description="Only for “Choose one” and “Choose any” questions.")
    required = BooleanField("Young people must answer this question")
    theme_id = SelectField("Theme (optional)", coerce=lambda v: int(v) if v not in (None, "", "None") else None)
    section = SelectField("Page", description="Choose another page to move the question there. Once young people "
                                              "have answered it, it stays on its page.")
    new_section_title = StringField("Or put it on a new page called", validators=[Optional(), Length(max=200)])
    show_if = SelectField(
        "Show this question", default="", validate_choice=False,
        description="To everyone, or only to those who gave certain answers to a question on an earlier page. "
                    "Only questions on pages before this question's page are listed.")
    #: Step two: the chosen question's answers, any of which shows this question. Checked by the builder.
    show_if_values = SelectMultipleField("Show it to those who answered", choices=[], validate_choice=False,
                                         description="Tick one or more.")


class AccessCodeForm(FlaskForm):
    code = StringField("Access code", validators=[Optional(), Length(max=40)],
                       description="Leave empty so anyone with the link can answer.")
