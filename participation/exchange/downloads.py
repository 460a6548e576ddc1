"""Downloads sent as they are written: a file's pieces go out as the rows are read, never held whole."""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

from flask import Response, current_app
from sqlalchemy.orm import Session

from participation.db import db
from participation.core.spreadsheets import MIMETYPES, table_chunks


def streamed(pieces_from: Callable[[Session], Iterator[bytes]], mimetype: str, filename: str) -> Response:
    """An attachment sent piece by piece as `pieces_from` writes it, reading with a session of its own.

    The pieces are written only as the server sends them, after the request has ended, so they read the
    database in an app context of their own that lasts until the last piece (or the reader goes away); they
    are given ids or plain values, never rows loaded by the request. Like every answer but static files,
    the download carries Cache-Control: no-store (core.views.security_headers)."""
    app = current_app._get_current_object()  # type: ignore[attr-defined]

    def pieces() -> Iterator[bytes]:
        with app.app_context():
            yield from pieces_from(db.session)

    return Response(pieces(), mimetype=mimetype, headers={"Content-Disposition": f"attachment; filename={filename}"})


def table_download(kind: str, header: Iterable[object], rows_from: Callable[[Session], Iterable[Iterable[object]]],
                   title: str, filename: str) -> Response:
    """A table as a CSV or Excel download, formula-safe (codec.table_chunks), streamed as its rows are read."""
    return streamed(lambda session: table_chunks(kind, header, rows_from(session), title), MIMETYPES[kind], filename)


def ready_rows(rows: Iterable[Iterable[object]]) -> Callable[[Session], Iterable[Iterable[object]]]:
    """For table_download: a short table the view works out, read in full now, while the request lasts."""
    table = [list(row) for row in rows]
    return lambda session: table
