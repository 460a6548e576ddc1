"""A survey only 2 young people answered shows a committee member no figures and no comments, on every page
and in every download they can open; an officer sees them. Counts of the council's own actions are not
people and are never hidden."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import timedelta

from flask import url_for
from sqlalchemy import select

from participation.db import db, today
from participation.pledges.models import PledgeVersion
from participation.reports.models import CommitteePaper
from participation.respond.storing import AnswerRow, Sent, store
from tests.factories import make_action, make_survey, make_you_said
from tests.reports.helpers import signed_in_again

#: The blueprints a committee member may open (tests/auth/test_access_matrix.py).
COMMITTEE = ("results.", "reports.", "papers.")
#: The dashboard, its printed report and its downloads, which can be narrowed to one survey.
FILTERED_BY_SURVEY = {"reports.index", "reports.printable", "reports.export"}
SECRET = "zebra crossing near my foster home"


def _two_answered(app) -> tuple[int, int]:
    with app.app_context():
        survey = make_survey(db.session, "two-answered", title="Two answered", sections=[{"title": "You", "questions": [
            {"kind": "yesno", "text": "Do you feel safe where you live?", "theme": "safe-home"},
            {"kind": "scale", "text": "Do adults listen to you?", "theme": "involve-me"},
            {"kind": "text", "text": "Tell us more"}]}])
        safe, listen, more = (q.id for q in survey.ordered_questions)
        store(db.session, survey.id, [
            Sent(today(), [AnswerRow(safe, choice="yes"), AnswerRow(listen, choice="4"),
                           AnswerRow(more, text=f"the {SECRET} is scary, I feel unsafe")]),
            Sent(today(), [AnswerRow(safe, choice="no"), AnswerRow(listen, choice="2"),
                           AnswerRow(more, text=f"I walk past the {SECRET} every day and I hate it")])])
        db.session.commit()
        return survey.id, more


def _urls(app, survey: int, text_question: int) -> list[str]:
    """Every page and download a committee member can open, pointed at the small survey where it can be."""
    out = []
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith(COMMITTEE) or "GET" not in (rule.methods or ()):
            continue
        options: list[dict] = [{}]
        for name in rule.arguments:
            if name == "survey_id":
                values = [survey]
            elif name == "text_question_id":
                values = [text_question]
            elif name in rule._converters and hasattr(rule._converters[name], "items"):
                values = sorted(rule._converters[name].items)
            elif name in ("paper_id", "version_id"):
                values = _ids(app, CommitteePaper if name == "paper_id" else PledgeVersion)
            else:
                raise AssertionError(f"no value for <{name}> in {rule.rule}: say what it shows a committee member")
            options = [{**o, name: v} for o in options for v in values]
        for values in options:
            with app.test_request_context():
                url = url_for(rule.endpoint, **values)
            out.append(url)
            if rule.endpoint in FILTERED_BY_SURVEY:
                out.append(f"{url}?survey={survey}")
    return out


def _ids(app, model) -> list[int]:
    with app.app_context():
        return db.session.scalars(select(model.id)).all()


def _text(reply) -> str:
    if reply.data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(reply.data)) as book:
            return "".join(book.read(name).decode("utf-8", "replace") for name in book.namelist())
    return reply.data.decode("utf-8-sig", "replace")


def test_a_2_response_survey_shows_a_committee_member_nothing_anywhere(app, demo, client, login_as):
    survey, more = _two_answered(app)
    committee = signed_in_again(client, login_as, "committee")
    urls = _urls(app, survey, more)
    assert len(urls) > 15
    for url in urls:
        reply = committee.get(url)
        if "/responses." in url:
            assert reply.status_code == 403, url
            continue
        assert reply.status_code == 200, (url, reply.status_code)
        body = _text(reply)
        assert SECRET not in body and "zebra" not in body, url
        if url.startswith(f"/surveys/{survey}/results"):
            if url.endswith((".csv", ".xlsx")):
                # The header row only.
                assert not re.search(r"Do you feel safe|Do adults listen|scary", body), url
            else:
                assert "Too few young people answered" in body and '<td class="num">' not in body, url
        elif f"survey={survey}" in url:
            # The dashboard, its printed report and downloads for the small survey: no figure about them.
            assert "Comments by theme" not in body and "Responses each" not in body, url
            if not url.split("?")[0].endswith((".csv", ".xlsx")):
                assert "Too few young people answered in this period" in body, url
            if ".csv" in url:
                rows = [line for line in body.splitlines() if line.startswith(("Themes,", "Responses each"))]
                assert not rows, (url, rows)
    officer = signed_in_again(client, login_as, "officer").get(f"/surveys/{survey}/results").text
    assert "2 responses from young people" in officer and SECRET in officer


def test_counts_of_the_councils_own_actions_are_never_hidden(app, client, login_as):
    with app.app_context():
        item = make_you_said(db.session, "More trips in the holidays", raised_on=today() - timedelta(days=60))
        for i in range(2):
            make_action(db.session, item, what=f"Plan trip {i}", status="in-progress",
                        due_on=today() - timedelta(days=5))
        make_action(db.session, item, what="Ask the youth club", status="done", done_on=today() - timedelta(days=3))
        db.session.commit()
    page = signed_in_again(client, login_as, "committee").get("/reports/").text
    assert "In “you said, we did”, 1 actions are done and 2 are overdue." in page
    assert re.search(r'Actions overdue</th><td>Low</td>\s*<td class="num">0</td>\s*<td class="num">2</td>', page)
    csv_text = signed_in_again(client, login_as, "committee").get("/reports/export.csv").data.decode("utf-8-sig")
    assert "Scorecard,Actions overdue,2," in csv_text
