"""What the application's own log may say: never a young person's answers, a draft key, the values
sent to the database, or which of their pages an error happened on.

SQLAlchemy is told to leave statement parameters out of its errors (`hide_parameters`), but a
database's own message can still quote a row ("Failing row contains (...)", "Key (...)=(...)").
`NoDataInLogs` replaces a database error in any log record with its kind and the statement's first
words, which hold no values because every value is sent as a parameter.
"""

from __future__ import annotations

import logging
import re

from sqlalchemy.exc import StatementError

#: Paths never named in a log: the young people's pages, and the files every page loads.
UNLOGGED = ("/s/", "/get-help", "/static/")
#: Flask's line for an error it did not expect: "Exception on /s/demo/check [POST]".
_EXCEPTION_ON = re.compile(r"^Exception on (\S+) \[")


def logged(path: str) -> bool:
    """True when a log may name this path."""
    return not any(path == prefix.rstrip("/") or path.startswith(prefix) for prefix in UNLOGGED)


def _database_error(exc_info) -> BaseException | None:
    """The database error behind a logged exception, if there is one."""
    error = exc_info[1] if exc_info and exc_info is not True else None
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, StatementError):
            return error
        error = error.__cause__ or error.__context__
    return None


def describe(error: BaseException) -> str:
    """A database error in words that carry no data: its kind, the database's code, the statement's start."""
    original = getattr(error, "orig", None)
    code = getattr(original, "sqlstate", None) or getattr(original, "sqlite_errorname", None) or ""
    statement = " ".join((getattr(error, "statement", "") or "").split()[:6])
    kind = type(original).__name__ if original is not None else type(error).__name__
    return f"database error {kind}{f' ({code})' if code else ''} in: {statement}"


class NoDataInLogs(logging.Filter):
    """Strip the details of a database error from a log record before it is written anywhere."""

    def filter(self, record: logging.LogRecord) -> bool:
        found = _EXCEPTION_ON.match(str(record.msg))
        if found and not logged(found.group(1)):  # an error on a young person's page: never which page
            record.msg, record.args = "Exception on a young person's page", ()
        error = _database_error(record.exc_info)
        if error is not None:
            record.msg = f"{record.getMessage()}: {describe(error)}"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
        return True


def install(app) -> None:
    """Put the filter on the application's logger and on its handlers, where every record passes."""
    keep_out = NoDataInLogs()
    app.logger.addFilter(keep_out)
    for handler in app.logger.handlers + logging.getLogger().handlers:
        handler.addFilter(keep_out)
