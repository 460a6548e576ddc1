"""The form for a theme's name, description and the words the tagger learns from."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional


class ThemeForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired("Give the theme a name."), Length(max=120)],
                       description="Committee members and officers see this name everywhere.")
    description = TextAreaField("What belongs under it", validators=[Optional(), Length(max=2000)])
    keywords = TextAreaField(
        "Words and phrases young people use for it, one on each line", validators=[Optional(), Length(max=40000)],
        description="For example: my PA, uni, foster mum, moving again. Comments with these words are tagged with this theme.")
    examples = TextAreaField(
        "Example comments, one on each line", validators=[Optional(), Length(max=100000)],
        description="Real or typical comments that belong under this theme. The tagger learns from them.")
