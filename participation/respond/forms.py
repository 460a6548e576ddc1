"""Forms for the respondent pages, built from a page's questions."""

from __future__ import annotations

from typing import Any, Sequence

from flask_babel import lazy_gettext
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


#: What a page's post may carry besides its answers: the form token, once.
_TOKEN = "csrf_token"


def fits_page(formdata, questions: Sequence[Question]) -> bool:
    """True when a page's post holds only what its form offers: the form token once, and for each
    question on the page at most one value, or for a several-choices question each value at most
    once and no more values than it has answers.

    Anything else (a field repeated thousands of times, a question from another page, a name the
    page never had) is not something a young person's browser sends, so the whole post is refused
    and nothing from it is kept; the number of fields a page accepts is bounded by its questions.
    """
    allowed = {_TOKEN: 1}
    for q in questions:
        kind = question_type(q)
        allowed[q.field_name] = len(kind.choices(q)) if kind.multiple else 1
    if sum(1 for _ in formdata.items(multi=True)) > sum(allowed.values()):
        return False
    for name in formdata.keys():
        values = formdata.getlist(name)
        if name not in allowed or len(values) > allowed[name] or len(set(values)) != len(values):
            return False
    return True


class SendForm(FlaskForm):
    """The check-your-answers page's send button, carrying the one-time token."""

    token = HiddenField()


class AccessCodeForm(FlaskForm):
    """The code a closed group is given before the first question."""

    code = StringField("Access code", validators=[
        DataRequired(lazy_gettext("Type the code you were given.")),
        Length(max=40, message=lazy_gettext("That code is too long."))])
