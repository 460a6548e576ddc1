"""Reading what a young person's phone sends, even when some of its bytes are not valid text.

Werkzeug drops a whole form whose body is not UTF-8, which made the page answer "This page timed
out", and it keeps a percent-escape of bytes that are not UTF-8 (`caf%E9`) as those very letters.
Here each field is read as the bytes that were sent, raw or percent-escaped alike: bytes that are
not text are shown as U+FFFD and the form is marked `unreadable`, so the page can say honestly what
happened and show back what was typed. NUL bytes are never part of anything typed and are removed
from every field of every form (a database such as PostgreSQL cannot store them).
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


def _text(latin: str) -> tuple[str, bool]:
    """The text of a field read byte for byte as Latin-1; True with it when some bytes were not UTF-8."""
    raw = latin.encode("latin-1").replace(b"\x00", b"")
    try:
        return raw.decode(), False
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace"), True


class ReadableFormParser(FormDataParser):
    """Parses url-encoded bodies as Werkzeug does, but keeps fields with bytes that are not UTF-8."""

    def _parse_urlencoded(self, stream, mimetype, content_length, options):
        # Latin-1 maps every byte to one character and back, so nothing is lost before each field is decoded.
        pairs = parse_qsl(stream.read().decode("latin-1"), keep_blank_values=True, encoding="latin-1")
        fields, unreadable = [], False
        for name, value in pairs:
            (name, bad_name), (value, bad_value) = _text(name), _text(value)
            unreadable = unreadable or bad_name or bad_value
            fields.append((name, value))
        form = ReadableForm(fields)
        form.unreadable = unreadable
        return stream, form, self.cls()

    def _parse_multipart(self, stream, mimetype, content_length, options):
        stream, form, files = super()._parse_multipart(stream, mimetype, content_length, options)
        return stream, self.cls((name.replace("\x00", ""), value.replace("\x00", ""))
                                for name, value in form.items(multi=True)), files


class ReadableRequest(Request):
    """The application's request: forms are read by ReadableFormParser."""

    form_data_parser_class = ReadableFormParser


def unreadable(form) -> bool:
    """True when part of a posted form could not be read as text."""
    return bool(getattr(form, "unreadable", False))
