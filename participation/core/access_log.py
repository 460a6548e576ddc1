"""Gunicorn's access log, kept to what running the service needs (`make serve` uses it).

- Nothing a young person opens is logged at all: no line for /s/..., /get-help or the files those
  pages load, so the log holds neither their paths nor the order of their visits (a send followed
  by a request to be contacted, for example).
- Every value is written with control characters escaped, so a path holding %0a cannot add a
  line of its own to the log.
"""

from __future__ import annotations

import re

from gunicorn.glogging import Logger

from participation.core.logs import logged

_CONTROL = re.compile(r"[\x00-\x1f\x7f\\]")


def _escaped(value):
    if not isinstance(value, str):
        return value
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", value)


class AccessLog(Logger):
    """Gunicorn's logger, leaving young people's requests out and escaping what it writes."""

    def access(self, resp, req, environ, request_time):
        if logged(environ.get("PATH_INFO") or ""):
            super().access(resp, req, environ, request_time)

    def atoms(self, resp, req, environ, request_time):
        return {key: _escaped(value) for key, value in super().atoms(resp, req, environ, request_time).items()}
