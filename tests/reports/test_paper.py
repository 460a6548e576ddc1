"""The committee paper: officers write its words and choose its quotes; committee members read it."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from participation.comments.models import CommentAnalysis
from participation.core.transaction import Refused, run
from participation.db import db, today
from participation.reports import paper as papers
from participation.reports.models import CommitteePaper, CommitteeQuote
from participation.surveys.builder import response_counts
from participation.tracker.models import Action
from tests.helpers import PASSWORD, csrf_token, post_form
from tests.reports.helpers import quotable_comments


def _paper_form(**changes) -> dict:
    on = today()
    form = {"meeting_on": (on + timedelta(days=20)).isoformat(), "period_start": (on - timedelta(days=364)).isoformat(),
            "period_end": on.isoformat(), "report_of": "Head of Participation",
            "summary": "Most young people feel safe.", "asked_to": "Note the scorecard.\nAgree the next steps.",
            "commentary": "First paragraph.\n\nSecond paragraph."}
    form.update(changes)
    return form


def test_an_officer_writes_the_paper_and_the_committee_reads_it_but_cannot_change_it(app, seeded, login_as,
                                                                                     make_user):
    officer = login_as("officer")
    reply = post_form(officer, "/reports/papers/new", _paper_form())
    assert reply.status_code == 302, reply.text
    paper_id = int(reply.headers["Location"].rstrip("/").split("/")[-1])
    shown = today() + timedelta(days=20)
    assert f"Saved the committee paper for the meeting on {shown.day} {shown:%B %Y}." in officer.get(
        reply.headers["Location"]).text  # a message after the change
    with app.app_context():
        paper = db.session.get(CommitteePaper, paper_id)
        assert paper.requests == ["Note the scorecard.", "Agree the next steps."]
        assert paper.report_of == "Head of Participation"
    # Two papers for one meeting are refused, in words, and what was typed stays.
    again = post_form(officer, "/reports/papers/new", _paper_form(summary="Typed again"))
    assert again.status_code == 200 and "There is already a paper for the meeting on" in again.text
    assert "Typed again" in again.text

    committee = app.test_client()
    make_user("committee", email="cllr@council.example")
    login = committee.get("/login")
    committee.post("/login", data={"csrf_token": csrf_token(login.text), "email": "cllr@council.example",
                                   "password": PASSWORD})
    page = committee.get(f"/reports/papers/{paper_id}").text
    meeting = today() + timedelta(days=20)
    assert f"{meeting.day} {meeting:%B %Y}" in page
    assert "<li>Agree the next steps.</li>" in page and "<p>Second paragraph.</p>" in page
    assert "Committee is asked to" in page and "Officer commentary" in page
    assert f"Generated {today().day} {today():%B %Y}" in page and 'counter(page) " of " counter(pages)' in page
    assert "Change the words on this paper" not in page
    assert committee.get(f"/reports/papers/{paper_id}/edit").status_code == 403
    assert committee.get("/reports/papers/new").status_code == 403


def test_a_starred_comment_is_printed_redacted_under_its_theme(app, seeded, login_as):
    officer = login_as("officer")
    with app.app_context():
        comment = quotable_comments(app)[0]
        answer_id, redacted = comment.answer_id, comment.redacted
        theme = comment.themes[0].theme.name if comment.themes else papers.OTHER_THEME
    # Open safeguarding flags come first in the queue; the officer finds this comment by its words.
    words = {"q": redacted[:60]}
    queue = officer.get("/comments/", query_string={"show": "reviewed", **words}).text + \
        officer.get("/comments/", query_string=words).text
    assert "to the committee" in queue
    reply = post_form(officer, f"/reports/papers/quotes/{answer_id}", {"quote": "on"}, form_page="/comments/")
    assert reply.status_code == 302
    with app.app_context():
        assert db.session.get(CommitteeQuote, answer_id) is not None
    page = officer.get("/reports/print").text
    told = page[page.index("Our young people told us"):page.index('aria-labelledby="promises"')]
    assert theme in told
    assert re.sub(r"\s+", " ", redacted) in re.sub(r"\s+", " ", told.replace("&#39;", "'").replace("&#34;", '"')
                                                   .replace("&amp;", "&"))
    post_form(officer, f"/reports/papers/quotes/{answer_id}", {"quote": "off"}, form_page="/comments/")
    with app.app_context():
        assert db.session.get(CommitteeQuote, answer_id) is None


def test_a_safeguarding_comment_or_one_from_a_small_survey_is_never_quoted(app, seeded, demo):
    with app.app_context():
        flagged = db.session.scalar(select(CommentAnalysis).where(CommentAnalysis.safeguarding.is_(True)).limit(1))
        assert flagged is not None
        with pytest.raises(Refused, match="safeguarding"):
            run(db.session, lambda: papers.star(db.session, None, flagged.answer_id))
        counts = response_counts(db.session)
        small = db.session.scalar(select(CommentAnalysis).where(
            CommentAnalysis.safeguarding.is_(False),
            CommentAnalysis.survey_id.in_([s for s, n in counts.items() if n < 5] or [-1])).limit(1))
        if small is not None:
            with pytest.raises(Refused, match="5 or more"):
                run(db.session, lambda: papers.star(db.session, None, small.answer_id))
        # A starred comment later flagged drops off the paper.
        comment = quotable_comments(app)[0]
        run(db.session, lambda: papers.star(db.session, None, comment.answer_id))
        comment.safeguarding = True
        db.session.flush()
        shown = [q for g in papers.quotes_by_theme(db.session, today() - timedelta(days=364), today())
                 for q in g.quotes]
        assert comment.redacted not in shown
        assert db.session.scalar(select(func.count()).select_from(CommitteeQuote)) == 1


def test_completed_actions_agree_with_the_tracker(app, seeded):
    with app.app_context():
        start, end = today() - timedelta(days=364), today()
        listed, total = papers.completed_actions(db.session, start, end)
        stored = db.session.scalar(select(func.count()).select_from(Action).where(
            Action.status == "done", Action.done_on >= start, Action.done_on <= end))
        assert total == stored and len(listed) == min(stored, 15) and stored > 0


def test_a_period_that_ends_before_it_starts_is_refused(app, seeded, login_as):
    officer = login_as("officer")
    with app.app_context():
        before = db.session.scalar(select(func.count()).select_from(CommitteePaper))
    reply = post_form(officer, "/reports/papers/new", _paper_form(period_start=today().isoformat(),
                                                                  period_end=(today() - timedelta(days=3)).isoformat()))
    assert reply.status_code == 200 and "The period must start on or before the day it ends." in reply.text
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(CommitteePaper)) == before == 1  # the demo's

