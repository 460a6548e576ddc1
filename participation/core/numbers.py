"""Numbers and dates read from an address: anything past what the database can hold, or past the calendar's
ends, is treated as not there, so it gives a 404 or the default rather than a server error."""

from __future__ import annotations

from datetime import date

from werkzeug.routing import IntegerConverter

#: The largest id any table can hold: ids are 32-bit integers on PostgreSQL...
LARGEST_ID = 2 ** 31 - 1
#: ...except responses and answers, whose ids are drawn at random up to this (participation.db.random_id).
LARGEST_RANDOM_ID = 2 ** 62
#: Far past the last page of any list; a page number beyond it shows that list's last (empty) page.
LAST_PAGE = 100_000
#: Reports and filters cover these years; a date outside them is read as no date.
EARLIEST_DAY, LATEST_DAY = date(1900, 1, 1), date(2999, 12, 31)


class IdConverter(IntegerConverter):
    """`<int:...>` in every route: a number past LARGEST_ID matches no route, so it is a 404."""

    def __init__(self, map, fixed_digits: int = 0, min: int | None = None, max: int | None = LARGEST_ID,
                 signed: bool = False) -> None:
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


class AnswerIdConverter(IntegerConverter):
    """`<answer:...>`: an answer's random id; past LARGEST_RANDOM_ID matches no route, so it is a 404."""

    def __init__(self, map, fixed_digits: int = 0, min: int | None = None, max: int | None = LARGEST_RANDOM_ID,
                 signed: bool = False) -> None:
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def id_from(value: object, largest: int = LARGEST_ID) -> int | None:
    """A positive id from text, or None when it is not one or is past any id the database can hold."""
    text = str(value or "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > len(str(largest)):
        return None
    number = int(text)
    return number if 0 < number <= largest else None


def answer_id_from(value: object) -> int | None:
    """An answer's random id from text, or None."""
    return id_from(value, LARGEST_RANDOM_ID)


def page_from(value: object) -> int:
    """A page number from text: 1 when unreadable, never more than LAST_PAGE."""
    text = str(value or "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > 9:
        return 1 if not (text.isascii() and text.isdigit()) else LAST_PAGE
    return max(1, min(int(text), LAST_PAGE))


def day_from(value: object) -> date | None:
    """A date from YYYY-MM-DD text, or None when unreadable or outside EARLIEST_DAY to LATEST_DAY."""
    try:
        day = date.fromisoformat(str(value or ""))
    except ValueError:
        return None
    return day if EARLIEST_DAY <= day <= LATEST_DAY else None
