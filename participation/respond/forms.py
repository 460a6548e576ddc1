"""Forms for the respondent pages, built from a section's questions."""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from wtforms import HiddenField

from participation.surveys.models import Section
from participation.surveys.question_types import question_type


class PageForm(FlaskForm):
    """One page of a survey; its fields are added per question by page_form."""

    def answers(self) -> dict[str, Any]:
        """The page's answers by field name, ready to keep in a draft."""
        return {name: field.data for name, field in self._fields.items() if name.startswith("q")}


def page_form(section: Section, max_text: int, saved: dict[str, Any]) -> PageForm:
    """Build the form for one page, filled with the answers saved so far."""
    fields = {q.field_name: question_type(q).field(q, max_text) for q in section.questions}
    form_class = type("SectionForm", (PageForm,), fields)
    return form_class(data={name: saved[name] for name in fields if name in saved})


class SendForm(FlaskForm):
    """The check-your-answers page's send button, carrying the one-time token."""

    token = HiddenField()
