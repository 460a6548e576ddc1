"""Random and malformed answers never break a page or store anything invalid."""

from __future__ import annotations

from urllib.parse import quote, quote_from_bytes

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from participation.db import db
from participation.respond.models import Draft
from participation.surveys.models import Question
from participation.surveys.question_types import question_type
from tests.helpers import csrf_token

# Raw bytes, so invalid UTF-8 and NUL bytes reach the app as a phone or an attacker could send them.
junk = st.one_of(
    st.binary(max_size=60),
    st.text(max_size=50).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.text(min_size=900, max_size=1200).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.sampled_from([b"", b"\x00", b"yes", b"no", b"kept", b"3", b"0", b"-1", b"99", b"my-pa", b"\xff\xfe"]),
)
payload = st.dictionaries(st.sampled_from(["q1", "q2", "q3", "q4", "q5", "q8", "q9", "x", "token"]),
                          st.one_of(junk, st.lists(junk, max_size=4)), max_size=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=payload, number=st.integers(min_value=1, max_value=4))
def test_random_answers_never_break_a_page_or_store_invalid_values(app, demo, data, number):
    client = app.test_client()
    page = client.get(f"/s/demo/{number}")
    pairs = [("csrf_token", csrf_token(page.text).encode())]
    for name, value in data.items():
        pairs.extend((name, v) for v in (value if isinstance(value, list) else [value]))
    body = "&".join(f"{quote(k)}={quote_from_bytes(v)}"
                    for k, v in pairs)
    reply = client.post(f"/s/demo/{number}", data=body,
                        content_type="application/x-www-form-urlencoded")
    # 400: a post no page's form sends (a field of another page, one sent twice) is refused whole.
    assert reply.status_code in (200, 302, 400), reply.status_code
    with app.app_context():
        questions = {q.field_name: q for q in db.session.scalars(select(Question))}
        for draft in db.session.scalars(select(Draft)):
            for name, value in draft.answers.items():
                question = questions[name]
                kind = question_type(question)
                allowed = {c.value for c in kind.choices(question)}
                if kind.widget == "textarea":
                    assert value is None or (len(value) <= app.config["MAX_TEXT_ANSWER"] and "\x00" not in value)
                elif kind.multiple:
                    assert set(value or []) <= allowed
                else:
                    assert value in allowed or value is None


help_payload = st.dictionaries(st.sampled_from(["contact", "name", "best_time", "message", "x"]),
                               st.one_of(junk, st.lists(junk, max_size=3)), max_size=6)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=help_payload)
def test_random_requests_to_be_contacted_never_break_the_page_or_store_invalid_values(app, data):
    from participation.help_requests.models import HelpRequest

    client = app.test_client()
    pairs = [("csrf_token", csrf_token(client.get("/get-help").text).encode())]
    for name, value in data.items():
        pairs.extend((name, v) for v in (value if isinstance(value, list) else [value]))
    reply = client.post("/get-help", data="&".join(f"{quote(k)}={quote_from_bytes(v)}" for k, v in pairs),
                        content_type="application/x-www-form-urlencoded")
    assert reply.status_code in (200, 302, 400, 429), reply.status_code
    from participation.help_requests.holding import write_now
    write_now(app)
    with app.app_context():
        for asked in db.session.scalars(select(HelpRequest)):
            assert asked.contact.strip() and len(asked.contact) <= 200 and len(asked.name) <= 80
            assert len(asked.best_time) <= 120 and len(asked.message) <= 1000
            assert not any("\x00" in v for v in (asked.contact, asked.name, asked.best_time, asked.message))
