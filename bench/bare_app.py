"""A bare Flask app to measure against: one text endpoint and one endpoint doing one insert."""

from __future__ import annotations

import os
import sqlite3

from flask import Flask

app = Flask(__name__)
DB = os.environ.get("BARE_DB", "/tmp/bare.db")
#: postgresql://... to insert into PostgreSQL instead of a SQLite file.
PG = os.environ.get("BARE_PG", "")


def _connect():
    if PG:
        import psycopg

        return psycopg.connect(PG, autocommit=True)
    connection = sqlite3.connect(DB, timeout=10, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA busy_timeout=10000")
    return connection


_setup = _connect()
_setup.execute("CREATE TABLE IF NOT EXISTS rows (id " + ("SERIAL" if PG else "INTEGER") + " PRIMARY KEY, value TEXT)")
_setup.close()


@app.get("/")
def hello():
    return "hello"


_connection = None


@app.post("/insert")
def insert():
    """One insert on the worker's own connection, as a pooled app would do it; a dropped
    connection (a database restart) is opened again once, as a pool's pre-ping would."""
    global _connection
    for attempt in range(2):
        try:
            if _connection is None:
                _connection = _connect()
            _connection.execute("INSERT INTO rows (value) VALUES (" + ("%s" if PG else "?") + ")", ("x",))
            return "ok"
        except Exception:
            _connection = None
            if attempt:
                raise
