"""Every URL rule, tried as a stranger, a committee member, an officer and an administrator."""

from __future__ import annotations

import pytest

from tests.auth.helpers import every_rule, url_values
from tests.helpers import PASSWORD, csrf_token

PUBLIC = {"static", "core.healthz", "auth.login", "auth.logout", "auth.new_browser", "auth.trust_browser"}
#: Sends everyone on: strangers to sign in, staff to their first page.
SIGNPOSTS = {"core.home"}
PUBLIC_PREFIXES = ("respond.", "board.", "help.")
#: Which roles may use each staff blueprint.
STAFF = {"auth.change_password": {"committee", "officer", "administrator"}, "surveys.": {"officer", "administrator"}, "admin.": {"administrator"},
         "comments.": {"officer", "administrator"}, "themes.": {"officer", "administrator"},
         "pledges.": {"officer", "administrator"}, "tracker.": {"officer", "administrator"},
         "scorecard.": {"officer", "administrator"}, "results.": {"committee", "officer", "administrator"},
         "responses.": {"officer", "administrator"},
         "reports.": {"committee", "officer", "administrator"}, "help_requests.": {"officer", "administrator"},
         "papers.": {"committee", "officer", "administrator"}, "paper_writing.": {"officer", "administrator"}}


#: POSTs that take away what the other URLs are built from, tried after every other one.
DELETES_THE_SURVEY = {"surveys.delete"}


def _last_changes_first(item) -> tuple[bool, bool]:
    """GETs first, then POSTs, with the ones that delete the demo survey at the very end."""
    rule, method = item
    return method != "GET", method != "GET" and rule.endpoint in DELETES_THE_SURVEY


def _expected_allowed(endpoint: str, role: str | None) -> bool | None:
    """True if the role may use it, False if not, None for public pages."""
    if endpoint in PUBLIC or endpoint.startswith(PUBLIC_PREFIXES):
        return None
    for prefix, roles in STAFF.items():
        if endpoint.startswith(prefix):
            return role in roles
    raise AssertionError(f"{endpoint} is not in the access matrix: decide who may use it")


@pytest.mark.parametrize("role", [None, "committee", "officer", "administrator"])
def test_every_url_answers_as_the_role_allows(app, demo, make_user, role):
    make_user("administrator", email="first-admin@council.example")
    client = app.test_client()
    if role:
        make_user(role, email=f"{role}-matrix@council.example")
        page = client.get("/login")
        client.post("/login", data={"csrf_token": csrf_token(page.text),
                                    "email": f"{role}-matrix@council.example", "password": PASSWORD})
    token = csrf_token(client.get("/login" if role is None else "/s/demo/1").text)
    checked = 0
    # GETs first, so POSTs that change or delete things cannot affect them, and deleting the survey last.
    for rule, method in sorted(every_rule(app), key=_last_changes_first):
        url = rule.build(url_values(app, rule), append_unknown=False)[1]
        if rule.endpoint == "auth.logout":
            continue  # signs the client out; covered in test_sign_in
        reply = client.get(url) if method == "GET" else client.post(url, data={"csrf_token": token})
        if rule.endpoint in SIGNPOSTS:
            expected = "/login" if role is None else ("/reports/" if role == "committee" else "/surveys/")
            assert reply.status_code == 302 and reply.headers["Location"] == expected, rule.endpoint
            checked += 1
            continue
        allowed = _expected_allowed(rule.endpoint, role)
        where = f"{method} {url} as {role or 'a stranger'}"
        if allowed is None:
            assert reply.status_code not in (401, 403), where
            assert "/login" not in reply.headers.get("Location", ""), where
        elif role is None:
            assert reply.status_code == 302 and reply.headers["Location"].startswith("/login?next="), where
        elif not allowed:
            assert reply.status_code == 403, where
        elif method == "GET":
            assert reply.status_code == 200, where
        else:
            assert reply.status_code in (200, 302) and "/login" not in reply.headers.get("Location", ""), where
        checked += 1
    assert checked >= 20


@pytest.mark.parametrize("role", ["committee", "administrator"])
def test_no_staff_page_or_download_is_ever_kept_by_a_browser_or_proxy(app, demo, make_user, role):
    """Every answer to a staff route, allowed or refused, GET or POST, says no-store; only static files may be kept."""
    make_user(role, email=f"{role}-cache@council.example")
    client = app.test_client()
    page = client.get("/login")
    assert page.headers["Cache-Control"] == "no-store"
    client.post("/login", data={"csrf_token": csrf_token(page.text), "email": f"{role}-cache@council.example",
                                "password": PASSWORD})
    token = csrf_token(client.get("/s/demo/1").text)
    checked = set()
    for rule, method in sorted(every_rule(app), key=_last_changes_first):
        if rule.endpoint == "auth.logout":
            continue
        url = rule.build(url_values(app, rule), append_unknown=False)[1]
        reply = client.get(url) if method == "GET" else client.post(url, data={"csrf_token": token})
        where = f"{method} {url} as {role}: {reply.status_code}"
        if rule.endpoint == "static":
            assert "no-store" not in reply.headers.get("Cache-Control", ""), where
            continue
        assert reply.headers.get("Cache-Control") == "no-store", where
        checked.add(rule.endpoint)
    if role == "administrator":
        assert {"admin.export_everything", "reports.export", "tracker.export", "help_requests.index"} <= checked
    # The young person's page that repeats a typed phone number, refused or with a mistake, is never kept.
    typed = client.post("/get-help", data={"csrf_token": token, "contact": "07700 900123", "message": "m" * 1001})
    assert "07700 900123" in typed.text and typed.headers["Cache-Control"] == "no-store"
