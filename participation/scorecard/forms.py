"""Forms for the scorecard: importing it, a measure's details, a period's value, a RAG set by hand, a feed."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import HiddenField, SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from participation.core.forms import choice_list
from participation.scorecard.feeds import KINDS
from participation.scorecard.rules import Frequency, Polarity, Rag, Unit


class ScorecardImportForm(FlaskForm):
    upload = FileField("Scorecard file (CSV or Excel .xlsx)")
    file_data = HiddenField()
    filename = HiddenField()


class MeasureForm(FlaskForm):
    reference = StringField("Reference", validators=[DataRequired("Write the measure's reference, such as P2.7."),
                                                     Length(max=40)], description="For example: P2.7")
    name = TextAreaField("Measure", validators=[DataRequired("Write what the measure counts."), Length(max=2000)])
    group = StringField("Heading it sits under", validators=[DataRequired("Write the heading, such as Involve Me."),
                                                             Length(max=200)])
    lead = StringField("Lead: a role or team", validators=[Optional(), Length(max=300)])
    polarity = SelectField("Polarity", choices=choice_list((p.value, p.label) for p in Polarity))
    unit = SelectField("Unit", choices=choice_list((u.value, u.value.capitalize()) for u in Unit))
    frequency = SelectField("Reported", choices=choice_list((f.value, f.value.capitalize()) for f in Frequency))
    target = StringField("Target", validators=[Optional(), Length(max=200)],
                         description="A number (95%), a range (380-430) or words (30 annually).")
    tolerance = StringField("Amber within, as a percentage of the target", validators=[Optional(), Length(max=10)],
                            default="5%")
    comparators = TextAreaField("Comparators, one a line: name, then a colon, then the value",
                                validators=[Optional(), Length(max=2000)],
                                description="For example: Statistical neighbours: 56")
    priorities = TextAreaField("Plan priorities, one a line: heading, colon, priority",
                               validators=[Optional(), Length(max=2000)])
    notes = TextAreaField("Comments for the committee", validators=[Optional(), Length(max=10000)])


class ValueForm(FlaskForm):
    period = StringField("Period", validators=[DataRequired("Write the period, such as Q1 2024-25."), Length(max=20)],
                         description="A quarter and financial year (Q1 2024-25 is April to June 2024) or a year (2023-24).")
    written = StringField("Value", validators=[DataRequired("Write the value."), Length(max=500)],
                          description="A number such as 96% or 122, or words such as 'Data not available at quarter 3'.")
    comment = TextAreaField("Comment (optional)", validators=[Optional(), Length(max=5000)])


class RagForm(FlaskForm):
    colour = SelectField("RAG rating for the latest period", choices=choice_list(
        [("", "Work it out from the target"), *((c, c.capitalize()) for c in Rag)]))
    reason = TextAreaField("Why", validators=[Optional(), Length(max=2000)])


class FeedForm(FlaskForm):
    kind = SelectField("Take the values from", choices=choice_list([("", "Nowhere: values are typed in")]
                                                                  + list(KINDS.items())))
    question_id = SelectField("Survey question", coerce=str, choices=[], validate_choice=False)
    choices = SelectMultipleField("Answers that count", choices=[], validate_choice=False)
    promise_id = SelectField("Promise", coerce=str, choices=[], validate_choice=False)
    audience = SelectField("Who answered", coerce=str, choices=[], validate_choice=False)
