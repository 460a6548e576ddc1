"""Committee members land on read-only summaries where small numbers are suppressed."""

from __future__ import annotations

import re

from participation.core.suppression import suppress_small_count
from tests.helpers import PASSWORD, csrf_token
from tests.respond.helpers import answer_demo, send


def test_small_counts_are_suppressed_unless_exact_figures_are_allowed():
    assert suppress_small_count(0) == 0
    assert [suppress_small_count(n) for n in (1, 2, 3, 4)] == ["fewer than 5"] * 4
    assert suppress_small_count(5) == 5 and suppress_small_count(3, exact=True) == 3


def _responses(app, n):
    for _ in range(n):
        young_person = app.test_client()
        send(young_person, "demo", answer_demo(young_person, app))


def test_a_committee_member_signs_in_to_the_reports_and_never_sees_a_count_under_5(app, client, demo, make_user):
    _responses(app, 3)
    make_user("committee", email="cllr@council.example")
    page = client.get("/login")
    reply = client.post("/login", data={"csrf_token": csrf_token(page.text), "email": "cllr@council.example",
                                        "password": PASSWORD})
    assert reply.headers["Location"] == "/reports/"
    report = client.get("/reports/").text
    assert "Your life, your say" in report
    # The council's scorecard also counts its own actions, which are not people (tests/scorecard covers it).
    report = re.sub(r'<section aria-labelledby="scorecard-heading".*?</section>', "", report, flags=re.S)
    # So is the "You said, we did: actions" table: counts of actions are shown as they are (issue 19).
    report = re.sub(r'<section aria-labelledby="actions".*?</section>', "", report, flags=re.S)
    assert re.search(r'<td class="num">fewer than 5</td>', report)
    assert not re.search(r'<td class="num">[1-4]</td>', report)


def test_administrators_see_exact_counts(app, demo, login_as):
    _responses(app, 3)
    client = login_as("administrator")
    assert re.search(r'<td class="num">3</td>', client.get("/reports/").text)
