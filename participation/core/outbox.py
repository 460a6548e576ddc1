"""Mail handed over by a request and sent later by one long-lived thread of the process, never while the
request is answered.

A page that must answer the same whoever asked (a link to sign in on a new browser, asked for an address
that may or may not have an account) posts one letter for every request: a real one, or a blank one
addressed to nobody, built from the same steps. The sender waits a random moment (OUTBOX_DELAY_MIN to
OUTBOX_DELAY_MAX seconds) after each letter was posted, so its SMTP work falls while later requests are
answered, whatever kind they are, then sends the real ones and drops the blank ones. A send that fails is
logged, without the message, and not tried again: the page has already said to ask again if nothing comes.
Letters still waiting when a process stops are lost, and the person asks again.
"""

from __future__ import annotations

import logging
import queue
import random
import threading
import time
from dataclasses import dataclass, field

from flask import Flask

from participation.core import mail

log = logging.getLogger(__name__)
_RANDOM = random.SystemRandom()


@dataclass(frozen=True)
class Letter:
    """One message; `to` is empty for a blank letter, which is dropped unsent."""

    to: tuple[str, ...]
    subject: str
    body: str
    posted: float = field(default_factory=time.monotonic)


class Outbox:
    """The letters this process has been handed, and the one thread that sends them."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.letters: queue.Queue[Letter] = queue.Queue()
        self.thread = threading.Thread(target=self._send_all, name="outbox", daemon=True)
        self.thread.start()

    def post(self, letter: Letter) -> None:
        """Hand a letter over; this never waits on the mail server."""
        self.letters.put(letter)

    def _send_all(self) -> None:
        while True:
            letter = self.letters.get()
            low, high = self.app.config["OUTBOX_DELAY_MIN"], self.app.config["OUTBOX_DELAY_MAX"]
            time.sleep(max(0.0, letter.posted + _RANDOM.uniform(low, high) - time.monotonic()))
            if letter.to:
                try:
                    mail.send(self.app.config, list(letter.to), letter.subject, letter.body)
                except Exception:
                    log.error("A message (%s) could not be emailed", letter.subject, exc_info=True)
            self.letters.task_done()


_STARTING = threading.Lock()


def outbox(app: Flask) -> Outbox:
    """This process's outbox for the app, started the first time anything is posted."""
    found = app.extensions.get("outbox")
    if found is None:
        with _STARTING:
            found = app.extensions.get("outbox")
            if found is None:
                found = app.extensions["outbox"] = Outbox(app)
    return found
