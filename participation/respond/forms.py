"""Forms for the respondent pages, built from a page's questions."""

from __future__ import annotations

from typing import Any, Sequence

from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField
from wtforms.validators import DataRequired, Length

from participation.surveys.models import Question
from participation.surveys.question_types import question_type


class PageForm(FlaskForm):
    """One page of a survey; its fields are added per question by page_form."""

    def answers(self) -> dict[str, Any]:
        """The page's answers by field name, ready to keep in a draft."""
        return {name: field.data for name, field in self._fields.items() if name.startswith("q")}


def page_form(questions: Sequence[Question], max_text: int, saved: dict[str, Any]) -> PageForm:
    """Build the form for the questions on one page, filled with the answers saved so far."""
    fields = {q.field_name: question_type(q).field(q, max_text) for q in questions}
    form_class = type("SectionForm", (PageForm,), fields)
    return form_class(data={name: saved[name] for name in fields if name in saved})


class SendForm(FlaskForm):
    """The check-your-answers page's send button, carrying the one-time token."""

    token = HiddenField()


class AccessCodeForm(FlaskForm):
    """The code a closed group is given before the first question."""

    code = StringField("Access code", validators=[
        DataRequired("Type the code you were given."), Length(max=40, message="That code is too long.")])
