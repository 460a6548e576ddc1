"""Which young people a survey's results cover: a date range, an audience (for a survey written for more
than one, the link they came through) and one cross-break ("answered X to question Y"), read from the page's address with plain-words errors. Committee members get whole months,
so two nearby ranges cannot be taken from each other to single out a few young people."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from typing import Mapping

from participation.surveys.models import AUDIENCES, QuestionKind, link_audiences
from participation.surveys.question_types import question_type


@dataclass(frozen=True)
class Group:
    """The responses the figures are for: sent from `start` to `end` (days, either open), and, when
    `question_id` is set, whose answer to that question was `choice`."""

    start: date | None = None
    end: date | None = None
    question_id: int | None = None
    choice: str = ""
    #: When set, only responses that came through this audience's link (Response.audience; "" for the
    #: survey's own link).
    audience: str | None = None
    #: In words, for the page: "sent from 1 April 2026 to 30 June 2026", "who answered “Yes” to ...".
    words: tuple[str, ...] = ()

    @property
    def everyone(self) -> bool:
        return not self.words


@dataclass
class GroupForm:
    """What was typed into the filters, kept as typed, and what was wrong with it."""

    start: str = ""
    end: str = ""
    breakdown: str = ""
    audience: str = ""
    errors: dict[str, str] = field(default_factory=dict)


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _long(day: date) -> str:
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def breakdown_choices(survey) -> list[tuple[str, str, str]]:
    """Every answer a cross-break can pick: (value "question:choice", question text, answer label)."""
    out = []
    for question in survey.ordered_questions:
        if question.kind == QuestionKind.TEXT:
            continue
        for choice in question_type(question).choices(question):
            out.append((f"{question.id}:{choice.value}", question.text, choice.label))
    return out


#: The audience filter's value for responses that came through the survey's own link.
OWN_LINK = "own-link"


def audience_choices(survey) -> list[tuple[str, str]]:
    """The audiences a survey's results can be filtered by, (value, words): none for a survey written for
    one audience; otherwise each audience's link, and the survey's own link."""
    within = link_audiences(survey.audience)
    if not within:
        return []
    return [*((a, f"{AUDIENCES[a]} (their link)") for a in within), (OWN_LINK, "The survey's own link")]


def read_group(args: Mapping[str, str], survey, whole_months: bool) -> tuple[Group, GroupForm]:
    """The group the address asks for, or (everyone, the form with its errors) when it is wrong.

    A From after To is an error, never ignored. With `whole_months` the range widens to the first day
    of From's month and the last day of To's month, and the words say so."""
    form = GroupForm(args.get("start", "").strip()[:10], args.get("end", "").strip()[:10],
                     args.get("breakdown", "").strip()[:80], args.get("audience", "").strip()[:40])
    start = end = None
    try:
        start = _day(form.start)
    except ValueError:
        form.errors["start"] = "Enter the From date as a date, for example 2026-04-01."
    try:
        end = _day(form.end)
    except ValueError:
        form.errors["end"] = "Enter the To date as a date, for example 2026-06-30."
    if start and end and start > end:
        form.errors["start"] = "The From date must be the same as or before the To date."
    picked = None
    if form.breakdown:
        picked = next((c for c in breakdown_choices(survey) if c[0] == form.breakdown), None)
        if picked is None:
            form.errors["breakdown"] = "Choose a group from the list."
    audience = None
    if form.audience:
        audience_picked = next((c for c in audience_choices(survey) if c[0] == form.audience), None)
        if audience_picked is None:
            form.errors["audience"] = "Choose who from the list."
        else:
            audience = "" if form.audience == OWN_LINK else form.audience
    if form.errors:
        return Group(), form
    if whole_months:
        start = start.replace(day=1) if start else None
        end = end.replace(day=calendar.monthrange(end.year, end.month)[1]) if end else None
    words = []
    span = (f"from {_long(start)} to {_long(end)}" if start and end else f"from {_long(start)}" if start else
            f"up to {_long(end)}" if end else "")
    if span:
        words.append(f"sent {span}" + (" (committee members see whole months)" if whole_months else ""))
    if audience is not None:
        words.append("from young people who came through the survey's own link" if audience == "" else
                     f"from young people who came through the link for {AUDIENCES[audience].lower()}")
    question_id, choice = None, ""
    if picked:
        qid, choice = picked[0].split(":", 1)
        question_id = int(qid)
        words.append(f"from young people who answered “{picked[2]}” to “{picked[1]}”")
    return Group(start, end, question_id, choice, audience=audience, words=tuple(words)), form
