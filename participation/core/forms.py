"""What every staff form shares: running a change and showing why it was refused."""

from __future__ import annotations

from typing import Callable, TypeVar

from participation.db import db

T = TypeVar("T")


class Refused(ValueError):
    """A change a service refuses; the message says why in plain words."""


def attempt(form, change: Callable[[], T]) -> T | None:
    """Run a service call; if it is refused, undo it and put the reason at the top of the form.

    Returns what the call returned (services return the thing they changed), or None when refused.
    """
    try:
        return change()
    except Refused as error:
        db.session.rollback()
        form.form_errors.append(str(error))
        return None


def choice_list(pairs) -> list:
    """Choices for a WTForms select or radio field from (value, label) pairs, in the form the
    installed WTForms prefers (SelectChoice from 3.3 on, plain pairs before)."""
    try:
        from wtforms import SelectChoice
    except ImportError:  # WTForms before 3.3
        return [(value, label) for value, label in pairs]
    return [SelectChoice(value, label) for value, label in pairs]


def flash_outcome(change: Callable[[], T], done: str | Callable[[T], str] = "") -> T | None:
    """Run a change a button asked for; flash what happened, or why it was refused (and undo it)."""
    from flask import flash

    try:
        result = change()
    except Refused as error:
        db.session.rollback()
        flash(str(error), "error")
        return None
    message = done(result) if callable(done) else done
    if message:
        flash(message)
    return result
