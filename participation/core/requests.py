"""Reading what a young person's phone sends, even when some of its bytes are not valid text.

Werkzeug drops a whole form whose body is not UTF-8, which made the page answer "This page timed
out". Here such a body is read with each unreadable byte shown as U+FFFD, and the form is marked
`unreadable`, so the page can say honestly what happened and show back what was typed.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from flask import Request
from werkzeug.datastructures import MultiDict
from werkzeug.formparser import FormDataParser

#: The character shown in place of a byte that could not be read.
UNREADABLE = "\ufffd"


class ReadableForm(MultiDict):
    """A form's fields; `unreadable` is True when some bytes had to be replaced."""

    unreadable = False


class ReadableFormParser(FormDataParser):
    """Parses url-encoded bodies as Werkzeug does, but keeps a body with bytes that are not UTF-8."""

    def _parse_urlencoded(self, stream, mimetype, content_length, options):
        raw = stream.read()
        try:
            body, unreadable = raw.decode(), False
        except UnicodeDecodeError:
            body, unreadable = raw.decode("utf-8", "replace"), True
        form = ReadableForm(parse_qsl(body, keep_blank_values=True, errors="werkzeug.url_quote"))
        form.unreadable = unreadable
        return stream, form, self.cls()


class ReadableRequest(Request):
    """The application's request: forms are read by ReadableFormParser."""

    form_data_parser_class = ReadableFormParser


def unreadable(form) -> bool:
    """True when part of a posted form could not be read as text."""
    return bool(getattr(form, "unreadable", False))
