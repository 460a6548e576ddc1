"""Rate limits slow guessing and flooding without ever using a client's address or browser."""

from __future__ import annotations

import re

from sqlalchemy import select

from participation.help_requests.holding import write_now
from participation import ROOT
from participation.db import db
from participation.surveys.models import Survey
from tests.helpers import PASSWORD, csrf_token
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


def test_the_refusal_after_too_many_wrong_codes_states_the_real_wait(app):
    with app.app_context():
        make_survey(db.session, "guarded", access_code="Tigers7")
    client = app.test_client()
    assert [_guess(client, "guarded").status_code for _ in range(10)] == [200] * 10
    refused = _guess(client, "guarded", code="my typed code")
    assert refused.status_code == 429
    assert "Too many wrong codes have been typed on this phone or computer. Wait 10 minutes" in refused.text
    assert "ask the person who gave you the code" in refused.text and 'value="my typed code"' in refused.text
    # The wait said is the one the limit really keeps, whatever it is set to.
    app.config["ACCESS_CODES_PER_VISITOR"] = "2 per hour"
    other = app.test_client()
    assert [_guess(other, "guarded").status_code for _ in range(2)] == [200] * 2
    assert "Wait 60 minutes, then try again" in _guess(other, "guarded").text


def test_a_flood_of_wrong_codes_from_fresh_cookies_never_keeps_out_a_young_person_with_the_right_code(
        app, login_as):
    """Once, 1,000 wrong codes typed from fresh cookies locked a survey's code for everyone for an hour."""
    with app.app_context():
        survey = make_survey(db.session, "guarded", access_code="otter-lantern-plum-comet")
        survey_id = survey.id
        make_survey(db.session, "other", access_code="maple-kite-walrus-toast")
    for n in range(1001):
        assert _guess(app.test_client(), "guarded", code=f"guess-{n}").status_code == 200
    genuine = app.test_client()
    assert _guess(genuine, "guarded", code="Otter-Lantern-Plum-Comet ").status_code == 302
    assert genuine.get("/s/guarded/1").status_code == 200
    # Staff are told, on the survey's page and where the code is changed; other surveys are not.
    officer = login_as("officer")
    for page in (f"/surveys/{survey_id}", f"/surveys/{survey_id}/share"):
        shown = officer.get(page).text
        assert "1001 wrong access codes were typed for this survey today." in shown
        assert "Young people with the right code still get in" in shown
    with app.app_context():
        other_id = db.session.scalar(select(Survey.id).where(Survey.slug == "other"))
    assert "wrong access codes were typed" not in officer.get(f"/surveys/{other_id}").text


def test_a_few_wrong_codes_do_not_worry_staff(app, login_as):
    with app.app_context():
        survey_id = make_survey(db.session, "guarded", access_code="otter-lantern-plum-comet").id
    for n in range(99):
        _guess(app.test_client(), "guarded", code=f"guess-{n}")
    assert "wrong access codes were typed" not in login_as("officer").get(f"/surveys/{survey_id}").text


def test_the_count_of_wrong_codes_ends_at_a_fixed_moment_whenever_it_began(app, monkeypatch):
    """Its expiry must not say when the first wrong code was typed."""
    import time as clock

    from participation.core import limits
    from participation.extensions import limiter
    day_start = (int(clock.time()) // 86400) * 86400
    ends = set()
    with app.test_request_context():
        for offset in (5, 3600, 50000):
            monkeypatch.setattr(limits.time, "time", lambda: day_start + offset)
            limits.add_to_today("wrong-codes", f"survey-test-{offset}")
            key = f"day/wrong-codes/survey-test-{offset}/{day_start // 86400}"
            ends.add(limiter.storage.expirations[key])
    assert ends == {day_start + 2 * 86400}


def test_a_flood_of_made_up_code_posts_from_fresh_cookies_never_locks_the_code(app):
    """Posts that never opened the form, or leave the code empty, count against nobody; and the
    ceiling for well-formed wrong codes is far above what once locked a code for everyone (100)."""
    with app.app_context():
        make_survey(db.session, "guarded", access_code="Tigers7")
    for n in range(300):
        fresh = app.test_client()
        assert fresh.post("/s/guarded/code", data={"code": f"guess{n}"}).status_code == 200
        assert fresh.post("/s/guarded/code", data={"csrf_token": "made-up", "code": f"guess{n}"}).status_code == 200
    for n in range(150):
        assert _guess(app.test_client(), "guarded", code="").status_code == 200
        assert _guess(app.test_client(), "guarded", code=f"guess{n}").status_code == 200
    assert _guess(app.test_client(), "guarded", code="Tigers7").status_code == 302


def test_sending_the_same_answers_over_and_over_is_slowed(app, demo):
    from tests.respond.helpers import answer_demo, send
    client = app.test_client()
    check = answer_demo(client, app)
    replies = [send(client, "demo", check).status_code for _ in range(31)]
    assert replies[0] == 302 and 429 not in replies[:30] and replies[30] == 429
    # The limit counts a minute at a time, and the refusal says so.
    assert "Too many tries. Wait a minute, then try again." in send(client, "demo", check).text


def _ask(client, **fields):
    token = csrf_token(client.get("/get-help").text)
    reply = client.post("/get-help", data={"csrf_token": token, **fields})
    write_now(client.application)  # what the hold's timer does a few minutes later
    return reply


def test_a_flood_of_help_requests_from_fresh_cookies_never_stops_a_genuine_one(app):
    """Once, 120 empty posts from fresh cookies blocked every request for 10 minutes."""
    from participation.help_requests.models import HelpRequest
    for _ in range(300):
        fresh = app.test_client()
        assert fresh.post("/get-help", data={}).status_code == 200
        assert fresh.post("/get-help", data={"csrf_token": "made-up", "contact": "x"}).status_code == 200
    for _ in range(150):
        assert _ask(app.test_client(), contact="").status_code == 200  # not well formed: nothing counted
    genuine = _ask(app.test_client(), contact="07700 900123", message="please call")
    assert genuine.status_code == 302
    with app.app_context():
        assert [r.contact for r in db.session.scalars(select(HelpRequest))] == ["07700 900123"]


def test_a_refused_help_request_keeps_what_was_typed_and_gives_other_ways_to_get_help(app):
    app.config["COUNCIL_HELP_PHONE"] = "01632 960123"
    client = app.test_client()
    assert [_ask(client, contact=f"0770090012{n}").status_code for n in range(5)] == [302] * 5
    refused = _ask(client, contact="sam@example.org", name="Sam", message="I need to talk")
    assert refused.status_code == 429
    assert "We could not send this just now" in refused.text and "What you wrote is still here" in refused.text
    # No wait is promised: the count is kept in this browser's cookie, not in time.
    assert "You have already asked us 5 times from this phone or computer, so this one was not sent." in refused.text
    assert "minutes" not in refused.text
    assert 'value="sam@example.org"' in refused.text and 'value="Sam"' in refused.text
    assert "I need to talk</textarea>" in refused.text
    assert "Childline free on" in refused.text and "0800 1111" in refused.text and "01632 960123" in refused.text
    # Someone else's phone is not held up by that one.
    assert _ask(app.test_client(), contact="07700 900999").status_code == 302


def test_a_flood_of_well_formed_help_requests_from_fresh_cookies_never_stops_a_genuine_one(app):
    """Once, 600 made-up but well-formed requests from fresh cookies reached a ceiling for everyone and
    every young person asking after them was told to wait 10 minutes."""
    from participation.help_requests.models import HelpRequest
    for n in range(700):
        fresh = app.test_client()
        page = fresh.get("/get-help")
        assert fresh.post("/get-help", data={"csrf_token": csrf_token(page.text),
                                             "contact": f"flood-{n}@example.com"}).status_code == 302
    genuine = _ask(app.test_client(), contact="07700 900123", message="please call")
    assert genuine.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(HelpRequest).where(HelpRequest.contact == "07700 900123")) is not None


def test_no_count_of_help_requests_is_kept_on_the_server(app):
    """A count in the shared store would keep when each request came in."""
    from participation.extensions import limiter
    storage = limiter.storage
    before = set(getattr(storage, "storage", {}) or {})
    assert _ask(app.test_client(), contact="07700 900123").status_code == 302
    after = set(getattr(storage, "storage", {}) or {})
    assert not [k for k in after - before if "help" in k], after - before