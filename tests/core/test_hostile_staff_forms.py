"""Random and malformed posts to every staff form never cause a server error or store invalid data."""

from __future__ import annotations

from urllib.parse import quote, quote_from_bytes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from participation.db import db
from participation.pledges.models import Promise
from participation.surveys.models import Question, Survey
from participation.surveys.question_types import QUESTION_TYPES
from participation.tracker.models import Action, YouSaid
from participation.tracker.rules import STATUSES
from tests.helpers import PASSWORD, csrf_token

FIELDS = ["title", "slug", "intro", "audience", "age_band", "opens_on", "closes_on", "starter", "kind", "text", "help",
          "options", "required", "theme_id", "section", "new_section_title", "show_if", "show_if_values", "choose_answers", "code", "name", "description",
          "keywords", "examples", "year", "step", "payload", "we_will", "for_young_people", "for_younger", "theme",
          "tell_us_more", "summary", "themes", "source", "meeting_on", "reference", "raised_on", "evidence", "what",
          "owner", "owner_user_id", "due_on", "status", "we_did", "wont_do_reason", "colour", "reason", "selected",
          "all", "on_page", "note", "email", "role", "password", "password_confirm", "safeguarding_lead", "active",
          "file_data", "filename", "you_said", "publish", "source_survey_id", "source_promise_id", "direction"]
junk = st.one_of(
    st.binary(max_size=40),
    st.text(max_size=40).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.text(min_size=3000, max_size=6000).map(str.encode),
    st.sampled_from([b"", b"\x00", b"-1", b"0", b"99999999999999999999", b"2026-02-31", b"draft", b"open", b"done",
                     b"wont-do", b"red", b"save", b"import", b"single", b"promise", b"involve-me", b"1|yes",
                     b'[["x", "nope"]]', b"<script>alert(1)</script>", b"=HYPERLINK(\"x\")", b"\xff\xfe"]),
)
payload = st.dictionaries(st.sampled_from(FIELDS), st.one_of(junk, st.lists(junk, max_size=3)), max_size=10)


def _post_rules(app):
    rules = []
    for rule in app.url_map.iter_rules():
        if "POST" in (rule.methods or ()) and not rule.endpoint.startswith(("respond.", "auth.")):
            rules.append(rule)
    return sorted(rules, key=lambda r: r.rule)


@pytest.fixture
def admin_client(app, demo, make_user):
    make_user("administrator", email="fuzz@council.example", safeguarding_lead=True)
    client = app.test_client()
    client.post("/login", data={"csrf_token": csrf_token(client.get("/login").text),
                                "email": "fuzz@council.example", "password": PASSWORD})
    return client


def _valid(app) -> None:
    """What the data must always be, whatever was posted."""
    with app.app_context():
        for survey in db.session.scalars(select(Survey)):
            assert survey.status in ("draft", "open", "closed") and survey.title.strip() and survey.slug
        for question in db.session.scalars(select(Question)):
            assert question.kind in QUESTION_TYPES and question.text.strip()
        for action in db.session.scalars(select(Action)):
            assert action.status in STATUSES and action.what.strip()
            assert action.status != "wont-do" or action.wont_do_reason.strip()
        for item in db.session.scalars(select(YouSaid)):
            assert item.summary.strip() and (not item.published or item.actions)
        for promise in db.session.scalars(select(Promise)):
            assert promise.we_will.strip() and len(promise.we_will) <= 500


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=payload, pick=st.integers(min_value=0, max_value=10_000), ids=st.sampled_from([1, 2, 3, 999999]))
def test_random_posts_to_staff_forms_never_break_or_store_invalid_data(app, admin_client, data, pick, ids):
    rules = _post_rules(app)
    rule = rules[pick % len(rules)]
    values = {}
    for name in rule.arguments:
        converter = rule._converters.get(name)
        values[name] = sorted(converter.items)[pick % len(converter.items)] if hasattr(converter, "items") else ids
    url = rule.build(values, append_unknown=False)[1]
    token = csrf_token(admin_client.get("/surveys/").text)
    pairs = [("csrf_token", token.encode())]
    for name, value in data.items():
        pairs.extend((name, v) for v in (value if isinstance(value, list) else [value]))
    body = "&".join(f"{quote(k)}={quote_from_bytes(v)}" for k, v in pairs)
    reply = admin_client.post(url, data=body, content_type="application/x-www-form-urlencoded")
    assert reply.status_code in (200, 302, 400, 403, 404, 405, 413), (url, reply.status_code)
    _valid(app)
