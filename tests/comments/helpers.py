"""Helpers the comment tests share: answering the demo with comments, reading what was stored."""

from __future__ import annotations

from sqlalchemy import select

from participation.comments.models import CommentAnalysis
from participation.db import db
from tests.respond.helpers import DEMO_ANSWERS, field_names, post_page, send


def send_two_comments(app, best: str, change: str):
    """Answer the demo with two comments; return the reply to pressing send."""
    client = app.test_client()
    names = field_names(app, "demo")
    for number, answers in enumerate(DEMO_ANSWERS[:3], start=1):
        post_page(client, "demo", number, {names[i]: v for i, v in answers.items()})
    post_page(client, "demo", 4, {names[7]: best, names[8]: change})
    return client, send(client, "demo", client.get("/s/demo/check").text)


def stored_comments(app):
    with app.app_context():
        rows = db.session.scalars(select(CommentAnalysis).order_by(CommentAnalysis.question_id)).all()
        return [(c.safeguarding, c.flag_status, [t.theme.key for t in c.themes], c.sentiment, c.redacted) for c in rows]


HELP = "If something is worrying you, you can talk to someone now"
