"""The one place data is committed: services add, change and flush; the caller's transaction is run here.

Every view and command that changes data calls its service through `run` (or, for a command that
does several things, inside one `transaction` block). The change is committed when it returns and
rolled back when it raises, so services compose (one can call another without committing half of
the work), a refused change leaves nothing behind, and the tests can run each test in a transaction
they roll back.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Callable, Iterator, TypeVar

from sqlalchemy.orm import Session

from participation.db import timed_out

T = TypeVar("T")


class Refused(ValueError):
    """A change a service refuses because of something the user can fix; the message says why in plain words.

    `field` names the form field the user must change (the form's name for it, e.g. "options"), so the
    message can sit on that field and the error summary can link to it.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class Undo(Exception):
    """Raised by a change that must leave nothing behind yet still has an answer for its caller.

    `run` rolls the transaction back and returns `result` instead of raising. Sending the same
    answers twice is the example: the second send is rolled back and answers "already stored".
    """

    def __init__(self, result: Any) -> None:
        super().__init__(result)
        self.result = result


@contextmanager
def transaction(session: Session) -> Iterator[Session]:
    """Commit what the block did when it ends normally; roll it all back when it raises."""
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise


def run(session: Session, change: Callable[[], T], *, attempts: int = 1,
        retry_on: tuple[type[BaseException], ...] = ()) -> T:
    """Run a change in its own transaction and return what it returned.

    An error of a kind in `retry_on` (a busy or restarting database) rolls back and tries again, up
    to `attempts` times in all, unless the database timed out (see config.engine_options). `Undo` rolls back and returns its result; anything else rolls back
    and is raised, `Refused` included, for the caller to show.
    """
    for attempt in range(1, attempts + 1):
        try:
            with transaction(session):
                return change()
        except Undo as undone:
            return undone.result
        except retry_on as error:
            if attempt == attempts or timed_out(error):  # after a timeout, another wait would outlast the worker
                raise
    raise ValueError("attempts must be at least 1")
