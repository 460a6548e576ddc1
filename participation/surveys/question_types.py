"""The kinds of question a young person can answer on a phone, each as a class.

A question type knows the answers it offers, how to build its form field, how to check what
was sent, and how to show an answer back in words. The respond pages, the check-your-answers
page and exports all go through these classes, so a new kind of question is added in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from flask_babel import gettext as _
from wtforms import RadioField, SelectMultipleField, TextAreaField
from wtforms.validators import InputRequired, Optional, StopValidation, ValidationError

from participation.core.languages import N_
from participation.core.words import clean_text
from participation.surveys.models import QuestionKind


@dataclass(frozen=True)
class Choice:
    """One answer offered to a young person."""

    value: str
    label: str
    #: A face drawn beside the label (1 very sad to 5 very happy), as an inline picture rather than an
    #: emoji, which draws as an empty box on phones without an emoji font; screen readers read the label.
    face: int = 0


class QuestionType:
    """Base class: a single choice from a fixed list shown as radio buttons."""

    key = ""
    #: Name shown to staff in the builder.
    name = ""
    #: Template macro that draws the answers: radios, checkboxes or textarea.
    widget = "radios"
    multiple = False
    fixed_choices: tuple[Choice, ...] = ()
    #: Said when a required question is not answered; it names the question, so a summary of
    #: several problems says which is which.
    required_message = N_("Choose an answer for “%(question)s”.")

    def choices(self, question) -> tuple[Choice, ...]:
        """The answers this question offers."""
        return self.fixed_choices

    def field(self, question, max_text: int):
        """Return an unbound WTForms field for this question."""
        return RadioField(
            question.text,
            validate_choice=False,
            validators=[self._presence(question), _offered(self.choices(question))],
        )

    def _presence(self, question):
        return InputRequired(self.missing(question)) if question.required else Optional()

    def missing(self, question) -> str:
        """The message for a required question left unanswered, naming the question."""
        return _(self.required_message, question=question.text)

    def describe(self, question, value: Any) -> str:
        """Show a stored answer in words, for the check page and exports."""
        labels = {c.value: c.label for c in self.choices(question)}
        if value in (None, "", []):
            return ""
        if isinstance(value, list):
            # In the order the question offers them, whatever order they were stored in.
            place = {v: i for i, v in enumerate(labels)}
            return "; ".join(labels.get(v, v) for v in sorted(value, key=lambda v: place.get(v, len(place))))
        return labels.get(value, value)

    def stored(self, value: Any) -> list[tuple[str | None, str | None]]:
        """Turn a form value into (choice, text) pairs, one per Answer row."""
        if value in (None, ""):
            return []
        return [(str(value), None)]


def _offered(choices: Iterable[Choice]):
    """Validator: every value sent must be one of the answers shown."""
    allowed = {c.value for c in choices}

    def check(form, field) -> None:
        values = field.data if isinstance(field.data, list) else [field.data]
        if any(v not in allowed for v in values if v not in (None, "")):
            field.data = [v for v in values if v in allowed] if isinstance(field.data, list) else None
            raise StopValidation(_("Choose one of the answers shown."))

    return check


class SingleChoice(QuestionType):
    key = QuestionKind.SINGLE
    name = "Choose one"

    def choices(self, question) -> tuple[Choice, ...]:
        return tuple(Choice(o.value, o.label) for o in question.options)


class SeveralChoices(QuestionType):
    key = QuestionKind.MULTIPLE
    name = "Choose any"
    widget = "checkboxes"
    multiple = True
    required_message = N_("Choose at least one answer for “%(question)s”.")

    def choices(self, question) -> tuple[Choice, ...]:
        return tuple(Choice(o.value, o.label) for o in question.options)

    def field(self, question, max_text: int):
        return SelectMultipleField(
            question.text,
            validate_choice=False,
            validators=[self._presence(question), _offered(self.choices(question))],
        )

    def stored(self, value: Any) -> list[tuple[str | None, str | None]]:
        # Each choice counts once, however many times it was sent.
        return [(v, None) for v in dict.fromkeys(str(v) for v in (value or []) if v)]


class Scale(QuestionType):
    key = QuestionKind.SCALE
    name = "Scale from 1 to 5"
    fixed_choices = (
        Choice("1", N_("1 (lowest)")), Choice("2", "2"), Choice("3", "3"),
        Choice("4", "4"), Choice("5", N_("5 (highest)")),
    )


class Faces(QuestionType):
    key = QuestionKind.FACES
    name = "Faces (for younger children)"
    fixed_choices = (
        Choice("1", N_("Very sad"), 1), Choice("2", N_("Sad"), 2), Choice("3", N_("OK"), 3),
        Choice("4", N_("Happy"), 4), Choice("5", N_("Very happy"), 5),
    )


class YesNo(QuestionType):
    key = QuestionKind.YESNO
    name = "Yes or no"
    fixed_choices = (Choice("yes", N_("Yes")), Choice("no", N_("No")))


class PromiseRating(QuestionType):
    key = QuestionKind.PROMISE
    name = "Promise kept?"
    fixed_choices = (
        Choice("kept", N_("Yes, it is kept")), Choice("sometimes", N_("Sometimes")),
        Choice("not-yet", N_("Not yet")), Choice("dont-know", N_("I don't know")),
    )


class FreeText(QuestionType):
    key = QuestionKind.TEXT
    name = "Write an answer"
    widget = "textarea"
    required_message = N_("Write an answer for “%(question)s”.")

    def field(self, question, max_text: int):
        return TextAreaField(
            question.text,
            filters=[clean_text],
            validators=[self._presence_text(question), _not_too_long(max_text)],
        )

    def _presence_text(self, question):
        if not question.required:
            return Optional()

        def check(form, field) -> None:
            if not field.data:
                raise StopValidation(self.missing(question))

        return check

    def describe(self, question, value: Any) -> str:
        return value or ""

    def stored(self, value: Any) -> list[tuple[str | None, str | None]]:
        return [(None, value)] if value else []


def _not_too_long(limit: int):
    """Validator: free text must fit the limit; the message says by how much it is over."""

    def check(form, field) -> None:
        if field.data and len(field.data) > limit:
            raise ValidationError(_("Your answer is too long. Use %(limit)s characters or fewer. You have used %(used)s.",
                                    limit="{:,}".format(limit), used="{:,}".format(len(field.data))))

    return check


#: Every question type by its key, in the order the builder offers them.
QUESTION_TYPES: dict[str, QuestionType] = {
    t.key: t for t in (
        SingleChoice(), SeveralChoices(), Scale(), Faces(), YesNo(), FreeText(), PromiseRating()
    )
}


def question_type(question) -> QuestionType:
    """Return the type object for a question."""
    return QUESTION_TYPES[question.kind]
