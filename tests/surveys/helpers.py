"""Helpers the survey builder tests share: creating a survey and adding questions through the pages."""

from __future__ import annotations

from sqlalchemy import select

from participation.db import db
from participation.surveys.models import Survey
from tests.helpers import post_form


def stored_survey(app, **where) -> Survey:
    with app.app_context():
        survey = db.session.scalars(select(Survey).filter_by(**where)).one()
        db.session.expunge(survey)
        return survey


def create_survey(client, title, starter=""):
    reply = post_form(client, "/surveys/new", {"title": title, "starter": starter})
    assert reply.status_code == 302, reply.text
    return int(reply.headers["Location"].rsplit("/", 1)[1])


def section_id_of(app, survey_id, index=0):
    with app.app_context():
        return db.session.get(Survey, survey_id).sections[index].id


def add_question(client, app, survey_id, **fields):
    data = {"kind": "yesno", "text": "Do you feel safe?", "section": str(section_id_of(app, survey_id)),
            "theme_id": "", "show_if": "", **fields}
    return post_form(client, f"/surveys/{survey_id}/questions/new", data)
