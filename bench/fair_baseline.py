"""The fair baseline a send is measured against: a Flask app that pays for the same protections.

One form page and one send endpoint, with what a real send cannot do without: Flask-WTF's CSRF
check, a signed permanent session cookie, a Flask-Limiter limit keyed on a value kept in that
cookie (30 sends a minute, as the real check page), and one response plus 10 answers inserted with
SQLAlchemy Core in one transaction. Nothing else: no survey, no draft, no tagging, no running totals.

    gunicorn --chdir bench fair_baseline:app   (FAIR_DATABASE_URL=sqlite:///... or postgresql+psycopg://...)
"""

from __future__ import annotations

import os
import secrets
from datetime import date, timedelta

from flask import Flask, session
from flask_limiter import Limiter
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFProtect, generate_csrf
from sqlalchemy import (BigInteger, Column, Date, ForeignKey, Integer, MetaData, String, Table, Text, create_engine,
                        event)

app = Flask(__name__)
app.config.update(SECRET_KEY=os.environ.get("SECRET_KEY", "fair-baseline"), WTF_CSRF_TIME_LIMIT=None,
                  PERMANENT_SESSION_LIFETIME=timedelta(days=2), SESSION_COOKIE_HTTPONLY=True,
                  SESSION_COOKIE_SAMESITE="Lax", RATELIMIT_STORAGE_URI="memory://")
CSRFProtect(app)

engine = create_engine(os.environ.get("FAIR_DATABASE_URL", "sqlite:////tmp/fair-baseline.db"))
if engine.dialect.name == "sqlite":
    @event.listens_for(engine, "connect")
    def _wal(connection, record) -> None:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA busy_timeout=10000")

metadata = MetaData()
responses = Table("fair_responses", metadata, Column("id", BigInteger, primary_key=True, autoincrement=False),
                  Column("survey_id", Integer, index=True), Column("submitted_on", Date, index=True))
answers = Table("fair_answers", metadata, Column("id", BigInteger, primary_key=True, autoincrement=False),
                Column("response_id", BigInteger, ForeignKey("fair_responses.id", ondelete="CASCADE"), index=True),
                Column("question_id", Integer), Column("choice", String(60)), Column("text", Text))
metadata.create_all(engine)


def _cookie_key() -> str:
    """The limit counts a random value kept in the session cookie, as the app's does."""
    if "limit_key" not in session:
        session["limit_key"] = secrets.token_hex(16)
    return session["limit_key"]


limiter = Limiter(_cookie_key, app=app)


def _random_id() -> int:
    return secrets.randbits(52) + 1


@app.get("/form")
def form():
    session.permanent = True
    _cookie_key()
    return f'<form method="post"><input name="csrf_token" value="{generate_csrf()}"></form>'


@app.post("/send")
@limiter.limit("30 per minute")
def send():
    if not FlaskForm().validate_on_submit():
        return "refused", 400
    response_id = _random_id()
    with engine.begin() as connection:
        connection.execute(responses.insert(), {"id": response_id, "survey_id": 1, "submitted_on": date.today()})
        connection.execute(answers.insert(), [
            {"id": _random_id(), "response_id": response_id, "question_id": n, "choice": "yes" if n < 8 else None,
             "text": "More time with my PA please" if n >= 8 else None} for n in range(10)])
    return "", 302, {"Location": "/thanks"}
