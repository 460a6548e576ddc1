"""RAG ratings and the statuses and dates councils write in their trackers. Pure: no Flask, no database.

Council trackers are tables typed by hand over years: "Completed", "Completed on 12/03/2014",
"Target date May 2014", "Not yet progressed", "Agreed in Principle", "In place since late
2012". `read_status` turns such text into a status, a date and, for words it does not know,
a note that keeps the text, so no row is ever rejected for its wording.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class ActionStatus(StrEnum):
    """Where an action stands; stored as the plain word (its value)."""

    NOT_STARTED = "not-started"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    NOT_PROGRESSED = "not-progressed"
    WONT_DO = "wont-do"


class Rag(StrEnum):
    """Red, amber or green; stored as the plain word (its value)."""

    RED = "red"
    AMBER = "amber"
    GREEN = "green"


#: Action statuses, in the order officers meet them, with their names for staff.
STATUSES: dict[str, str] = {
    ActionStatus.NOT_STARTED: "Not started",
    ActionStatus.IN_PROGRESS: "In progress",
    ActionStatus.DONE: "Done",
    ActionStatus.NOT_PROGRESSED: "Not progressed",
    ActionStatus.WONT_DO: "Won't do",
}
RAGS: tuple[str, ...] = tuple(Rag)
#: An action due within this many days, and not done, is amber.
AMBER_DAYS = 30


#: Statuses that are still open: an open action past its due date is overdue.
OPEN_STATUSES: tuple[str, ...] = (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS, ActionStatus.NOT_PROGRESSED)
#: Statuses that close an action: every status that is not open.
CLOSED_STATUSES: tuple[str, ...] = tuple(s for s in STATUSES if s not in OPEN_STATUSES)


@dataclass(frozen=True)
class RagRule:
    """One line of the RAG rule: when it applies, and the colour it gives.

    The rule is written once, as data, so the same lines serve Python (`rag`) and SQL
    (`tracker.models.rag_expression`, which builds a CASE from them for the reports).
    """

    #: The colour given; None means "the officer's override".
    colour: str | None
    #: Applies when the officer set a RAG that is red, amber or green.
    override: bool = False
    #: Applies when the action is done (by the day asked about).
    done: bool = False
    #: Applies when the status is one of these.
    statuses: tuple[str, ...] = ()
    #: Applies when the due date is before the day asked about plus this many days.
    due_before: int | None = None
    #: Applies when there is no due date (to an action still open, since done and won't do come first).
    undated: bool = False


#: Red, amber or green, first line that applies wins; none applies means green.
RAG_RULES: tuple[RagRule, ...] = (
    RagRule(None, override=True),                      # an officer's override wins
    RagRule(Rag.GREEN, done=True),                     # done, even if it was late
    RagRule("", statuses=(ActionStatus.WONT_DO,)),     # closed as won't do: no colour
    RagRule(Rag.RED, statuses=(ActionStatus.NOT_PROGRESSED,)),
    RagRule(Rag.RED, due_before=0),                    # overdue
    RagRule(Rag.AMBER, undated=True),                  # open with no date: nothing says it is on track
    RagRule(Rag.AMBER, due_before=AMBER_DAYS + 1),     # due within 30 days
)
RAG_OTHERWISE: str = Rag.GREEN


def _applies(rule: RagRule, status: str, due_on: date | None, today: date, override: str,
             done_on: date | None) -> bool:
    if rule.override:
        return override in RAGS
    if rule.done:
        return status == ActionStatus.DONE and (done_on is None or done_on <= today)
    if rule.statuses:
        return status in rule.statuses
    if rule.undated:
        return due_on is None
    assert rule.due_before is not None
    return due_on is not None and due_on < today + timedelta(days=rule.due_before)


def rag(status: str, due_on: date | None, today: date, override: str = "", done_on: date | None = None) -> str:
    """Red, amber or green for an action, or "" when it is closed as won't do.

    Red when overdue or not progressed; amber when due within 30 days, or open with no due date; green
    when on track or done. An officer's override wins when it is red, amber or green. An action done
    after `today` was not done yet on `today` (for month-end histories).
    """
    for rule in RAG_RULES:
        if _applies(rule, status, due_on, today, override, done_on):
            return override if rule.colour is None else rule.colour
    return RAG_OTHERWISE


def overdue(status: str, due_on: date | None, today: date, done_on: date | None = None) -> bool:
    """Open on `today` and past its due date.

    Given its done date, an action done after `today` was still open on `today`: so the count at the end
    of a past period (the scorecard's) includes actions done since. `tracker.models.overdue_expression`
    is the same rule in SQL.
    """
    still_open = status in OPEN_STATUSES or (status == ActionStatus.DONE and done_on is not None and done_on > today)
    return still_open and due_on is not None and due_on < today


_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))

_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.I)
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\.?,?\s+(\d{{4}})\b", re.I)
_SEASON_YEAR = re.compile(r"\b(early|spring|summer|mid|autumn|late|end of|winter)\s+(\d{4})\b", re.I)
_YEAR = re.compile(r"\b(20\d{2}|19\d{2})\b")
#: A council's financial year runs April to March: "Q2 2027/28" ends 30 September 2027, "2016-17" on
#: 31 March 2017.
_QUARTER = re.compile(r"\bQ([1-4])\s*(?:of\s+)?(?:FY\s*)?((?:19|20)\d{2})\s*[/-]\s*(\d{2}|\d{4})\b", re.I)
_FINANCIAL_YEAR = re.compile(r"\b((?:19|20)\d{2})\s*[/-]\s*(\d{2}|(?:19|20)\d{2})\b(?![/-]\d)")


def _quarter_end(start_year: int, quarter: int) -> date:
    year, month = (start_year, 3 + 3 * quarter) if quarter < 4 else (start_year + 1, 3)
    return _end_of_month(year, month)


def _financial_year_end(first: str, second: str) -> date:
    start = int(first)
    end = int(second) if len(second) == 4 else start // 100 * 100 + int(second)
    if end != start + 1:
        raise ValueError("not a financial year")
    return date(end, 3, 31)
_SEASON_MONTH = {"early": 3, "spring": 4, "mid": 6, "summer": 7, "autumn": 10, "late": 11, "end of": 12,
                 "winter": 12}


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def read_date(text: str) -> date | None:
    """The first date in a piece of text, as councils write them; a month alone means its last day.

    Understands 31/05/2014, 31.5.14, 2014-05-31, 31 May 2014, May 2014, "late 2012", a bare year and
    financial quarters and years ("Q2 2027/28" is 30 September 2027, "2016-17" is 31 March 2017).
    """
    return _read_date(text)[0]


def rough_date(text: str) -> bool:
    """True when the date `read_date` finds is only a season or a year ("late 2012", "2013"), so its day is a guess."""
    return _read_date(text)[1] in (_SEASON_YEAR, _YEAR)


def _read_date(text: str) -> tuple[date | None, re.Pattern | None]:
    """The first date in the text and the pattern that found it."""
    text = text or ""
    for pattern, build in (
        (_QUARTER, lambda m: _quarter_end(int(m[2]), int(m[1]))),
        (_FINANCIAL_YEAR, lambda m: _financial_year_end(m[1], m[2])),
        (_ISO, lambda m: date(int(m[1]), int(m[2]), int(m[3]))),
        (_NUMERIC, lambda m: date(int(m[3]) + (2000 if len(m[3]) == 2 else 0), int(m[2]), int(m[1]))),
        (_DAY_MONTH_YEAR, lambda m: date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))),
        (_MONTH_YEAR, lambda m: _end_of_month(int(m[2]), _MONTHS[m[1].lower()])),
        (_SEASON_YEAR, lambda m: _end_of_month(int(m[2]), _SEASON_MONTH[m[1].lower()])),
        (_YEAR, lambda m: date(int(m[1]), 12, 31)),
    ):
        match = pattern.search(text)
        if match:
            try:
                return build(match), pattern
            except ValueError:  # 31/02/2014 and the like: not a date, so no guess either
                return None, None
    return None, None


@dataclass(frozen=True)
class ReadStatus:
    """What a tracker's status cell says: a status, the dates in it, a RAG override and a note."""

    status: str
    due_on: date | None = None
    done_on: date | None = None
    rag_override: str = ""
    #: The original words, kept whenever they say more than the status does.
    note: str = ""
    #: Why the reading may be wrong, for an officer to confirm before it is stored; "" when it is plain.
    doubt: str = ""


_DONE = re.compile(r"\b(complete[d]?|done|achieved|finished|in place|implemented|delivered|closed)\b", re.I)
_NOT_PROGRESSED = re.compile(r"\bnot\s+(?:yet\s+)?(?:been\s+)?progressed\b|\bstalled\b|\bno progress\b", re.I)
_WONT_DO = re.compile(r"\b(won'?t do|will not (?:be )?(?:do|done|progressed)|not agreed|declined|rejected|"
                      r"not accepted|withdrawn)\b", re.I)
_IN_PROGRESS = re.compile(r"\b(in progress|on ?going|underway|under way|on track|(?<!not )started|being|developing|"
                          r"target date|timescale|due)\b", re.I)
_NOT_STARTED = re.compile(r"\b(not started|agreed in principle|agreed|to be|planned|proposed)\b", re.I)
_RAG_WORD = re.compile(r"^\s*(red|amber|green|r|a|g)\s*[.!]?\s*$", re.I)
#: Words that say a thing may not happen, or has not: never read as done.
_AT_RISK = re.compile(r"\brisk\b.{0,40}\bnot\b|\bnot\s+(?:yet\s+)?(?:been\s+|being\s+)?(?:achieved|complete[d]?|done|"
                      r"in place|implemented|delivered|finished)\b", re.I)
_OVERDUE = re.compile(r"\boverdue\b", re.I)
_RAG_LETTER = {"r": Rag.RED, "a": Rag.AMBER, "g": Rag.GREEN}


def read_status(text: str, due_text: str = "") -> ReadStatus:
    """Read a status cell (and, if given, a separate due-date cell) as a council wrote them."""
    text = " ".join((text or "").split())
    due_text = " ".join((due_text or "").split())
    due_on = read_date(due_text) if due_text else None
    if not text:
        return ReadStatus(ActionStatus.NOT_STARTED, due_on)
    word = _RAG_WORD.match(text)
    if word:
        colour = word[1].lower()
        return ReadStatus(ActionStatus.IN_PROGRESS, due_on, rag_override=_RAG_LETTER.get(colour, colour), note=text)
    if _WONT_DO.search(text):
        return ReadStatus(ActionStatus.WONT_DO, due_on, note=text)
    if _NOT_PROGRESSED.search(text):
        return ReadStatus(ActionStatus.NOT_PROGRESSED, due_on, note=_note(text, "not progressed", "not yet progressed"))
    if _OVERDUE.search(text):
        # Overdue counts as not done; without a due date to show it, it is marked red.
        return ReadStatus(ActionStatus.IN_PROGRESS, due_on, rag_override="" if due_on else Rag.RED, note=text)
    if _AT_RISK.search(text):
        # "There is a real risk of this not being achieved": open, and flagged for attention.
        return ReadStatus(ActionStatus.IN_PROGRESS, due_on or read_date(text), rag_override=Rag.AMBER, note=text,
                          doubt="It says this may not happen, so it is read as in progress and amber.")
    if _DONE.search(text):
        still_going = _IN_PROGRESS.search(text) or _NOT_STARTED.search(text)
        return ReadStatus(ActionStatus.DONE, due_on, done_on=read_date(text), note=_note(text, "completed", "complete", "done"),
                          doubt="It says it is done but also that it is still going or planned, so check it is done."
                          if still_going else "")
    if _IN_PROGRESS.search(text):
        return ReadStatus(ActionStatus.IN_PROGRESS, due_on or read_date(text), note=_note(text, "in progress"))
    if _NOT_STARTED.search(text):
        # "Agreed in Principle" with no date is amber by the rule, as every open action with no date is.
        return ReadStatus(ActionStatus.NOT_STARTED, due_on or read_date(text), note=text)
    found = read_date(text)
    if found is not None:
        # A bare date in a status column is a target.
        return ReadStatus(ActionStatus.IN_PROGRESS, due_on or found, note=text,
                          doubt="It gives only a date, so it is read as in progress with that target date.")
    return ReadStatus(ActionStatus.NOT_STARTED, due_on, note=text,
                      doubt="These words are not ones we know, so it is read as not started. They are kept as a note.")


def _note(text: str, *plain: str) -> str:
    """Keep the text as a note unless it only repeats the status."""
    return "" if text.strip(" .").lower() in plain else text


_CHUNK = re.compile(r"\d+|[^\d\s.,:;/-]+")


def natural_key(reference: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key for references as councils number them: 1a < 1b < 2a < 10a, 13.1 < 13.2 < 13.10."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.lower())
                 for part in _CHUNK.findall(reference or ""))
