"""What every staff form shares: running a change and showing why it was refused."""

from __future__ import annotations

from typing import Callable, TypeVar

from flask import flash
from flask_wtf import FlaskForm
from sqlalchemy.orm import Session

try:
    # New in WTForms 3.3; types-WTForms still describes 3.2, which has no SelectChoice.
    from wtforms import SelectChoice  # type: ignore[attr-defined]
except ImportError:  # WTForms before 3.3
    SelectChoice = None

from participation.core.transaction import Refused, run

T = TypeVar("T")


def redraws_when_timed_out(view: Callable[..., T]) -> Callable[..., T]:
    """Mark a staff form's view as safe to run again when its form token has expired or is missing: it changes
    nothing unless its form validates (which needs the token), so it redraws the form with what was typed."""
    view.redraws_when_timed_out = True  # type: ignore[attr-defined]
    return view


def takes_upload(largest: int) -> Callable[[Callable[..., T]], Callable[..., T]]:
    """Mark a staff page that takes a file of at most `largest` bytes: a request too big for the app to take
    is answered with a staff page that names this size and leads back to the page's form."""
    def mark(view: Callable[..., T]) -> Callable[..., T]:
        view.largest_upload = largest  # type: ignore[attr-defined]
        return view
    return mark


class ButtonForm(FlaskForm):
    """A form that is only a button, carrying the CSRF token."""


def attempt(session: Session, form, change: Callable[[], T]) -> T | None:
    """Run a service call in its own transaction; if it is refused, show the reason on the field it names
    (or, naming none, at the top of the form).

    Returns what the call returned (services return the thing they changed), or None when refused.
    Nothing a refused change did is kept.
    """
    try:
        return run(session, change)
    except Refused as error:
        add_error(form, str(error), error.field)
        return None


def add_error(form, message: str, field: str | None = None) -> None:
    """Put a message on a form's field, where the error summary links to it, or on the whole form."""
    target = form._fields.get(field) if field else None
    if target is None:
        form.form_errors.append(message)
        return
    if not isinstance(target.errors, list):  # a field not validated yet has an empty tuple
        target.errors = list(target.errors)
    if message not in target.errors:
        target.errors.append(message)
    form._errors = None  # WTForms caches form.errors


def filled(value: T | None) -> T:
    """A required field's value once its form has validated (its DataRequired let no empty one through)."""
    if value is None:
        raise ValueError("a required field has no value: validate its form first")
    return value


def choice_list(pairs) -> list:
    """Choices for a WTForms select or radio field from (value, label) pairs, in the form the
    installed WTForms prefers (SelectChoice from 3.3 on, plain pairs before)."""
    if SelectChoice is None:
        return [(value, label) for value, label in pairs]
    return [SelectChoice(value, label) for value, label in pairs]


def flash_outcome(session: Session, change: Callable[[], T], done: str | Callable[[T], str] = "") -> T | None:
    """Run a change a button asked for in its own transaction; flash what happened, or why it was refused."""
    try:
        result = run(session, change)
    except Refused as error:
        flash(str(error), "error")
        return None
    message = done(result) if callable(done) else done
    if message:
        flash(message)
    return result
