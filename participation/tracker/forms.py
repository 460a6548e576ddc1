"""Forms for "you said" items, actions, progress, RAG overrides and importing a tracker."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, DateField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from participation.core.forms import choice_list
from participation.tracker.models import SOURCE_KINDS, SOURCES
from participation.tracker.rules import STATUSES, Rag


class ItemForm(FlaskForm):
    summary = TextAreaField("What young people said, in their words",
                            validators=[DataRequired("Write what young people said, in their words."),
                                        Length(max=2000)],
                            description="For example: “We want to see our brothers and sisters more.”")
    source = SelectField("Where it came from", choices=choice_list(SOURCES.items()), default="survey")
    meeting_on = DateField("Date of the Children in Care Council meeting", validators=[Optional()], format="%Y-%m-%d")
    reference = StringField("Recommendation reference (staff only)", validators=[Optional(), Length(max=60)])
    raised_on = DateField("Date it was raised", validators=[Optional()], format="%Y-%m-%d")
    answers_id = SelectField("What young people said that it answers (optional)", choices=[], validate_choice=False,
                             description="The board shows their words if you write no plain words above.")
    plain_summary = TextAreaField("What young people said, in plain words for them",
                                  validators=[Optional(), Length(max=2000)],
                                  description="The board shows this instead of the text above. For example: "
                                              "“You told us the money to set up your first home is not enough.”")
    source_survey_id = HiddenField()
    source_question_id = HiddenField()
    source_promise_id = HiddenField()


class ActionForm(FlaskForm):
    what = TextAreaField("What will be done", validators=[DataRequired("Write what will be done."), Length(max=5000)],
                         description="Young people read this on the board. Use plain words.")
    owner = StringField("Who owns it: a role or team", validators=[Optional(), Length(max=200)],
                        description="For example: Leaving care team. Never shown to young people.")
    owner_user_id = SelectField("Member of staff (optional)", coerce=lambda v: int(v) if v not in (None, "", "None") else None)
    due_on = DateField("Due", validators=[Optional()], format="%Y-%m-%d")
    status = SelectField("Status", choices=choice_list(STATUSES.items()))
    we_did = TextAreaField("We did: what changed, for young people", validators=[Optional(), Length(max=5000)],
                           description="Shown on the board when the action is done.")
    wont_do_reason = TextAreaField("Why it won't be done, for young people", validators=[Optional(), Length(max=5000)])


class ProgressForm(FlaskForm):
    text = TextAreaField("What has happened", validators=[DataRequired("Write what has happened."), Length(max=5000)])


class RagForm(FlaskForm):
    colour = SelectField("RAG rating", choices=choice_list([("", "Work it out from the status and due date"),
                                                            *((c, c.capitalize()) for c in Rag)]))
    reason = TextAreaField("Why", validators=[Optional(), Length(max=2000)])


class TrackerImportForm(FlaskForm):
    upload = FileField("Tracker file (CSV or Excel .xlsx)")
    source_kind = SelectField("What the tracker comes from",
                              choices=choice_list([("", "Choose one")] + list(SOURCE_KINDS.items())), default="",
                              description="Only what young people said in a survey, a meeting or a pledge review "
                                          "is shown on the board as “You said”.")
    source_name = StringField("Its name", validators=[Optional(), Length(max=200)],
                              description="For example: Care Leavers Review 2012.")
    source_date = StringField("Its date (optional)", validators=[Optional(), Length(max=60)],
                              description="For example: 1 November 2012. The items are raised on this date.")
    you_said = StringField("Column with what young people said, or the recommendation or action",
                           validators=[Optional(), Length(max=200)])
    we_did = StringField("Column with the response or what was done", validators=[Optional(), Length(max=200)])
    status = StringField("Status column (optional)", validators=[Optional(), Length(max=200)])
    due = StringField("Due date column (optional)", validators=[Optional(), Length(max=200)])
    owner = StringField("Owner column (optional)", validators=[Optional(), Length(max=200)])
    theme = StringField("Theme column (optional)", validators=[Optional(), Length(max=200)])
    ref = StringField("Reference column (optional)", validators=[Optional(), Length(max=200)])
    section = StringField("Section column (optional)", validators=[Optional(), Length(max=200)])
    publish = BooleanField("Publish the imported items on the board straight away")
    file_data = HiddenField()
    filename = HiddenField()
