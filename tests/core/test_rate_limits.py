"""Rate limits slow guessing and flooding without ever using a client's address or browser."""

from __future__ import annotations

import re

from participation import ROOT
from participation.db import db
from tests.conftest import PASSWORD, csrf_token
from tests.factories import make_survey

#: Anything that reads who or where a client is. None of it may appear in the application.
IDENTIFYING = re.compile(r"remote_addr|access_route|user_agent|HTTP_USER_AGENT|X-Forwarded-For|X-Real-IP|"
                         r"get_remote_address|get_ipaddr", re.I)


def test_the_application_never_reads_a_client_address_or_browser():
    found = []
    for folder in ("participation", "templates"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in (".py", ".html") and IDENTIFYING.search(path.read_text()):
                found.append(str(path.relative_to(ROOT)))
    assert found == []


def _guess(client, slug, code="wrong", **identity):
    token = csrf_token(client.get(f"/s/{slug}", **identity).text)
    return client.post(f"/s/{slug}/code", data={"csrf_token": token, "code": code}, **identity)


def test_a_limit_follows_the_phone_not_the_address(app):
    with app.app_context():
        make_survey(db.session, "guarded", access_code="Tigers7")
    same_wifi = {"environ_base": {"REMOTE_ADDR": "198.51.100.7"}}
    guesser, friend = app.test_client(), app.test_client()
    assert [_guess(guesser, "guarded", **same_wifi).status_code for _ in range(10)] == [200] * 10
    assert _guess(guesser, "guarded", **same_wifi).status_code == 429
    assert _guess(guesser, "guarded", environ_base={"REMOTE_ADDR": "203.0.113.9"}).status_code == 429
    # Someone else on the same school wifi is not held up, and gets in with the right code.
    assert _guess(friend, "guarded", **same_wifi).status_code == 200
    assert _guess(friend, "guarded", code="Tigers7", **same_wifi).status_code == 302


def test_wrong_codes_from_everyone_together_are_limited_for_that_survey(app):
    with app.app_context():
        make_survey(db.session, "shared", access_code="Tigers7")
        make_survey(db.session, "other", access_code="Lions9")
    replies = [_guess(app.test_client(), "shared").status_code for _ in range(101)]
    assert replies[:100] == [200] * 100 and replies[100] == 429
    assert "Too many tries. Wait 10 minutes" in _guess(app.test_client(), "shared").text
    assert _guess(app.test_client(), "other").status_code == 200  # other surveys are not affected


def test_wrong_passwords_for_one_email_are_limited_whoever_types_them(app, make_user):
    make_user("officer", email="target@council.example")
    make_user("officer", email="other@council.example")

    def sign_in(email, password="wrong password here"):
        client = app.test_client()
        return client.post("/login", data={"csrf_token": csrf_token(client.get("/login").text), "email": email,
                                           "password": password})

    replies = [sign_in("target@council.example").status_code for _ in range(21)]
    assert 429 not in replies[:20] and replies[20] == 429
    assert "Too many sign-in attempts" in sign_in("target@council.example").text
    assert sign_in("other@council.example", PASSWORD).status_code == 302


def test_sending_the_same_answers_over_and_over_is_slowed(app, demo):
    from tests.respond.helpers import answer_demo, send
    client = app.test_client()
    check = answer_demo(client, app)
    replies = [send(client, "demo", check).status_code for _ in range(31)]
    assert replies[0] == 302 and 429 not in replies[:30] and replies[30] == 429
