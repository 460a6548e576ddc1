"""An officer stars a comment as a quote for the committee from the survey's results or from the comments
list; the committee paper then quotes it, redacted; committee members see no stars to give."""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from participation.db import db
from participation.reports.models import CommitteeQuote
from participation.respond.models import Answer
from tests.helpers import csrf_token
from tests.reports.helpers import quotable_comments, signed_in_again


def _star_forms(page: str) -> dict[int, tuple[str, str, str]]:
    """Each star form on the page: answer id -> (action, next, button value)."""
    forms = {}
    for match in re.finditer(r'<form method="post" action="/reports/papers/quotes/(\d+)" class="inline-form">(.*?)</form>',
                             page, re.S):
        body = match.group(2)
        forms[int(match.group(1))] = (f"/reports/papers/quotes/{match.group(1)}",
                                      html.unescape(re.search(r'name="next" value="([^"]*)"', body).group(1)),
                                      re.search(r'name="quote" value="(on|off)"', body).group(1))
    return forms


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text))


def test_an_officer_stars_a_quote_from_the_results_and_the_paper_prints_it(app, seeded, client, login_as):
    with app.app_context():
        comment = quotable_comments(app)[0]
        answer_id, survey_id, question_id, redacted = (comment.answer_id, comment.survey_id, comment.question_id,
                                                       comment.redacted)
        words = db.session.get(Answer, answer_id).text
    officer = signed_in_again(client, login_as, "officer")
    address = f"/surveys/{survey_id}/results/comments/{question_id}?q={quote(words[:40])}"
    page = officer.get(address).text
    forms = _star_forms(page)
    assert answer_id in forms, page
    action, back, value = forms[answer_id]
    assert value == "on" and back.endswith(f"#c{answer_id}")
    reply = officer.post(action, data={"csrf_token": csrf_token(page), "next": back, "quote": "on"})
    assert reply.status_code == 302 and reply.headers["Location"].endswith(back)
    with app.app_context():
        assert db.session.get(CommitteeQuote, answer_id) is not None
    again = officer.get(address).text
    assert _star_forms(again)[answer_id][2] == "off" and "Quoted to the committee" in again
    paper = officer.get("/reports/print").text
    told = paper[paper.index("Our young people told us"):paper.index('aria-labelledby="promises"')]
    assert _words(redacted) in _words(told)

    # The survey's own results page offers the same star on its newest comments.
    results = officer.get(f"/surveys/{survey_id}/results").text
    assert _star_forms(results)

    committee = signed_in_again(client, login_as, "committee").get(f"/surveys/{survey_id}/results").text
    assert "Our young people" not in committee and not _star_forms(committee)
    assert "to the committee</button>" not in committee


def test_an_officer_stars_a_quote_from_the_comments_list(app, seeded, client, login_as):
    officer = signed_in_again(client, login_as, "officer")
    page = officer.get("/reports/comments").text
    forms = _star_forms(page)
    assert forms
    answer_id, (action, back, value) = next(iter(forms.items()))
    assert value == "on"
    reply = officer.post(action, data={"csrf_token": csrf_token(page), "next": back, "quote": "on"})
    assert reply.status_code == 302
    with app.app_context():
        assert db.session.get(CommitteeQuote, answer_id) is not None
    assert _star_forms(officer.get("/reports/comments").text)[answer_id][2] == "off"
    reply = officer.post(action, data={"csrf_token": csrf_token(page), "next": back, "quote": "off"})
    with app.app_context():
        assert db.session.get(CommitteeQuote, answer_id) is None

    committee = signed_in_again(client, login_as, "committee").get("/reports/comments").text
    assert "No comments yet." not in committee and not _star_forms(committee)
