"""Gunicorn's logs, kept to what running the service needs (`make serve` uses this logger class).

The access log:

- Nothing a young person opens is logged at all: no line for /s/..., /get-help or the files those
  pages load, so the log holds neither their paths nor the order of their visits (a send followed
  by a request to be contacted, for example).
- Every value is written with control characters escaped, so a path holding %0a cannot add a
  line of its own to the log.

The error log (gunicorn's own lines: workers starting and stopping, "WORKER TIMEOUT", "Error handling
request /s/demo/check" with its traceback, "Invalid request from ip=..."):

- No line carries a time: a time next to a worker killed during a young person's request would say
  when they were answering. Whatever collects the log (journald, a container's log) keeps its own times.
- Young people's paths are replaced by "a young person's page", and client addresses by "a visitor",
  in the message and in any traceback under it.
"""

from __future__ import annotations

import logging
import re

from gunicorn.glogging import Logger

from participation.core.logs import UNLOGGED, logged

_CONTROL = re.compile(r"[\x00-\x1f\x7f\\]")
#: A path on a young person's page wherever it appears in a line: "/s/demo/check", "/get-help?x=1".
_YOUNG_PERSONS_PATH = re.compile(
    "(?:https?://[^/\\s'\"]+)?(?:"
    + "|".join(re.escape(p) if p.endswith("/") else re.escape(p) + "(?![\\w-])" for p in UNLOGGED)
    + ")[^\\s'\"]*")
#: gunicorn's "Invalid request from ip=203.0.113.7: ..." and any other address written as ip=...
_CLIENT_ADDRESS = re.compile(r"\bip=\S+?(?=:\s|\s|$)")


def _escaped(value):
    if not isinstance(value, str):
        return value
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", value)


def scrubbed(text: str) -> str:
    """An error-log line with young people's paths and client addresses taken out."""
    text = _YOUNG_PERSONS_PATH.sub("a young person's page", text)
    return _CLIENT_ADDRESS.sub("ip=a visitor", text)


class _ScrubbedFormatter(logging.Formatter):
    """Writes a record, traceback included, with young people's paths and client addresses taken out."""

    def format(self, record: logging.LogRecord) -> str:
        return scrubbed(super().format(record))


class AccessLog(Logger):
    """Gunicorn's logger, leaving young people's requests out of the access log, escaping what it
    writes, and keeping times, young people's paths and addresses out of the error log."""

    #: gunicorn's error line without its leading "%(asctime)s".
    error_fmt = r"[%(process)d] [%(levelname)s] %(message)s"

    def setup(self, cfg):
        super().setup(cfg)
        for handler in self.error_log.handlers:  # the error log's file or stream, and syslog when asked for
            shape = getattr(handler.formatter, "_fmt", None) or self.error_fmt
            handler.setFormatter(_ScrubbedFormatter(shape.replace("%(asctime)s", "").strip()))

    def access(self, resp, req, environ, request_time):
        if logged(environ.get("PATH_INFO") or ""):
            super().access(resp, req, environ, request_time)

    def atoms(self, resp, req, environ, request_time):
        return {key: _escaped(value) for key, value in super().atoms(resp, req, environ, request_time).items()}
