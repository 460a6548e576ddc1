"""A bare Flask app to measure against: one text endpoint and one endpoint doing one insert."""

from __future__ import annotations

import os
import sqlite3

from flask import Flask

app = Flask(__name__)
DB = os.environ.get("BARE_DB", "/tmp/bare.db")


def _connect() -> sqlite3.Connection:
    connection = sqlite3.connect(DB, timeout=10, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA busy_timeout=10000")
    return connection


with _connect() as setup:
    setup.execute("CREATE TABLE IF NOT EXISTS rows (id INTEGER PRIMARY KEY, value TEXT)")


@app.get("/")
def hello():
    return "hello"


@app.post("/insert")
def insert():
    connection = _connect()
    connection.execute("INSERT INTO rows (value) VALUES (?)", ("x",))
    connection.close()
    return "ok"
