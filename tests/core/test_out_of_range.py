"""Ids and page numbers far past any real one and dates at the ends of the calendar get a 404 or a plain
page, never a server error: a sweep of every route, as an administrator and as a young person."""

from __future__ import annotations

import pytest
from werkzeug.routing import IntegerConverter

from tests.auth.helpers import every_rule, url_values
from tests.helpers import csrf_token

HUGE = [2 ** 31, 2 ** 63, 2 ** 64, 10 ** 30]
#: Every query value a staff page reads, each set past any real value.
QUERIES = [f"page={n}&survey={n}&promise_id={n}&theme={n}" for n in HUGE] + [
    "start=0001-01-01&end=0001-01-02", "start=9999-12-30&end=9999-12-31", "start=0001-01-01&end=9999-12-31",
    "start=9999-12-31", "end=0001-01-01", "page=-9223372036854775809", "page=0"]


def _swept(reply, where: str) -> None:
    assert reply.status_code < 500, where


@pytest.fixture
def admin(app, demo, login_as):
    return login_as("administrator")


def test_every_route_with_an_id_or_number_past_any_real_one_is_not_found(app, admin):
    token = csrf_token(admin.get("/s/demo/1").text)
    failures, tried = [], 0
    for rule, method in every_rule(app):
        numbers = [name for name in rule.arguments if isinstance(rule._converters.get(name), IntegerConverter)]
        if not numbers or rule.endpoint == "auth.logout":
            continue
        for value in HUGE:
            tried += 1
            url = rule.build({**url_values(app, rule), **{name: value for name in numbers}}, append_unknown=False)[1]
            try:
                reply = admin.get(url) if method == "GET" else admin.post(url, data={"csrf_token": token})
            except Exception as error:  # the test client raises what a browser would see as a 500
                failures.append(f"{method} {url}: {type(error).__name__}")
                continue
            if reply.status_code >= 500 or (method == "GET" and reply.status_code != 404):
                failures.append(f"{method} {url}: {reply.status_code}")
    assert not failures, "\n".join(failures)
    assert tried >= 40 * len(HUGE)


def test_every_page_with_huge_page_numbers_or_dates_at_the_ends_of_the_calendar_answers(app, admin):
    failures = []
    for rule, method in every_rule(app):
        if method != "GET" or rule.endpoint in ("static", "auth.logout"):
            continue
        base = rule.build(url_values(app, rule), append_unknown=False)[1]
        for query in QUERIES:
            try:
                reply = admin.get(f"{base}?{query}")
            except Exception as error:
                failures.append(f"GET {base}?{query}: {type(error).__name__}: {str(error)[:80]}")
                continue
            if reply.status_code >= 500:
                failures.append(f"GET {base}?{query}: {reply.status_code}")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("field", ["source_survey_id", "source_question_id", "source_promise_id"])
def test_a_tampered_hidden_id_in_a_staff_form_gets_a_plain_message_and_keeps_what_was_typed(app, admin, field):
    from sqlalchemy import func, select

    from participation.db import db
    from participation.tracker.models import YouSaid

    with app.app_context():
        before = db.session.scalar(select(func.count()).select_from(YouSaid))
    page = admin.get("/tracker/new")
    reply = admin.post("/tracker/new", data={
        "csrf_token": csrf_token(page.text), "step": "save", "summary": "We want to see our sisters more",
        "source": "survey", field: "987654"})
    assert reply.status_code == 200
    assert "this came from is no longer there" in reply.text and "We want to see our sisters more" in reply.text
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(YouSaid)) == before


def test_ids_past_any_real_one_in_a_posted_list_are_left_out(app, admin):
    page = admin.get("/comments/")
    reply = admin.post("/tracker/new", data={"csrf_token": csrf_token(page.text),
                                             "selected": [str(2 ** 63), str(10 ** 30), "1"]})
    assert reply.status_code == 200 and "What young people said" in reply.text
