"""A NUL byte in an address (`?theme=%00`) gets a plain page, never a server error. PostgreSQL cannot
compare text with a NUL, so these tests matter most with TEST_DATABASE_URL set."""

from __future__ import annotations

import pytest

from tests.auth.helpers import every_rule, url_values

PLAIN = "This address cannot be read"


@pytest.fixture
def admin(app, demo, login_as):
    return login_as("administrator")


def _named_pages(app) -> list[str]:
    comments = [r for r in app.url_map.iter_rules() if r.rule.endswith("/results/comments/<int:text_question_id>")]
    assert comments, "the results comments page has moved: name it here"
    results = comments[0].build(url_values(app, comments[0]), append_unknown=False)[1]
    return ["/reports/comments?theme=%00", "/comments/?theme=%00", "/comments/?q=%00",
            "/tracker/?owner=%00", "/tracker/?source=%00", "/tracker/?theme=%00", "/tracker/?status=%00",
            f"{results}?q=%00", f"{results}?q=before%00after"]


def test_each_page_that_once_broke_on_a_nul_answers_plainly(app, admin):
    for url in _named_pages(app):
        reply = admin.get(url)
        assert reply.status_code == 400, url
        assert PLAIN in reply.text and "Check the link is right" in reply.text, url


def test_a_committee_member_gets_the_same_plain_page(app, demo, login_as):
    committee = login_as("committee")
    reply = committee.get("/reports/comments?theme=%00")
    assert reply.status_code == 400 and PLAIN in reply.text


def test_every_page_with_a_nul_in_any_query_value_or_name_answers_plainly(app, admin):
    failures = []
    for rule, method in every_rule(app):
        if method != "GET" or rule.endpoint in ("static", "auth.logout"):
            continue
        base = rule.build(url_values(app, rule), append_unknown=False)[1]
        for query in ("q=%00&theme=%00&owner=%00&status=%00&source=%00&page=%00&start=%00&survey=%00",
                      "a%00b=1"):
            try:
                reply = admin.get(f"{base}?{query}")
            except Exception as error:  # the test client raises what a browser would see as a 500
                failures.append(f"GET {base}?{query}: {type(error).__name__}")
                continue
            if reply.status_code != 400 or PLAIN not in reply.text:
                failures.append(f"GET {base}?{query}: {reply.status_code}")
    assert not failures, "\n".join(failures)


def test_a_nul_in_a_young_persons_address_answers_plainly(app, demo):
    client = app.test_client()
    for url in ("/s/%00", "/s/demo%00", "/s/demo/1?change=%00", "/s/%00/check", "/get-help?x=%00"):
        reply = client.get(url)
        assert reply.status_code == 400 and PLAIN in reply.text, url
    assert client.get("/s/demo").status_code == 200  # and the survey still opens
