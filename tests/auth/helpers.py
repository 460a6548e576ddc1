"""Helpers the sign-in and access tests share: signing in, the error shown, a value for every URL rule."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from participation.auth.models import StaffUser
from participation.db import db
from participation.pledges.models import Pledge, PledgeVersion, Promise
from participation.reports.models import CommitteePaper
from participation.respond.models import Answer
from participation.scorecard.models import Measure
from participation.surveys.models import Question, Survey
from participation.themes.models import Theme
from participation.tracker.models import Action, YouSaid
from tests.helpers import csrf_token


def url_values(app, rule) -> dict:
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == "demo"))
        question = db.session.scalar(select(Question).where(Question.survey_id == survey.id))
        text_question = db.session.scalar(select(Question).where(Question.survey_id == survey.id,
                                                                 Question.kind == "text"))
        user = db.session.scalar(select(StaffUser))
        # The first of each kind the demo made (ids are not 1 when an earlier test used the numbers).
        first = {name: db.session.scalar(select(func.min(column)))
                 for name, column in (("item_id", YouSaid.id), ("action_id", Action.id), ("theme_id", Theme.id),
                                      ("pledge_id", Pledge.id), ("version_id", PledgeVersion.id),
                                      ("promise_id", Promise.id), ("answer_id", Answer.id), ("measure_id", Measure.id),
                                      ("paper_id", CommitteePaper.id))}
    known = {**{name: value or 1 for name, value in first.items()}, "survey_id": survey.id,
             "question_id": question.id, "text_question_id": text_question.id, "user_id": user.id, "number": 1,
             "slug": "demo", "audience": "care-leavers", "language": "cy", "filename": "css/respond.css",
             "request_id": "0" * 32, "token": "not-a-link"}
    values = {}
    for name in rule.arguments:
        if name in known:
            values[name] = known[name]
        elif name in rule._converters and hasattr(rule._converters[name], "items"):
            values[name] = sorted(rule._converters[name].items)[0]
        else:
            raise AssertionError(f"no test value for <{name}> in {rule.rule}: add one")
    return values


def every_rule(app):
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            yield rule, method


def sign_in(client, email, password, next_=None):
    page = client.get("/login" + (f"?next={next_}" if next_ else ""))
    return client.post("/login" + (f"?next={next_}" if next_ else ""),
                       data={"csrf_token": csrf_token(page.text), "email": email, "password": password})


def error_message(reply) -> str:
    return re.search(r'<div class="error-summary".*?<p>(.*?)</p>', reply.text, re.S).group(1)
