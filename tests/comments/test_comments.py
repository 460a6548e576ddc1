"""Comments are tagged as they are stored; officers review them; committee members read them redacted."""

from __future__ import annotations

import re

from sqlalchemy import select

from participation.auth.models import AuditEntry
from participation.comments.models import CommentAnalysis, TaggerModel
from participation.core.transaction import transaction
from participation.db import db
from tests.comments.helpers import HELP, send_two_comments, stored_comments
from tests.helpers import post_form


def test_each_comment_is_tagged_as_it_is_stored(app, demo):
    _, sent = send_two_comments(app, "My foster mum is amazing and I love living here",
                      "My sw is Dave and he never rings me back, call me on 07700 900123")
    assert sent.status_code == 302
    (flag1, _, themes1, sentiment1, _), (flag2, _, themes2, _, redacted2) = stored_comments(app)
    assert "safe-home" in themes1 and sentiment1 > 0 and not flag1
    assert "involve-me" in themes2 and not flag2
    assert redacted2 == "My sw is [name] and he never rings me back, call me on [phone]"


def _help_comes_first(html: str) -> bool:
    return html.index(HELP) < html.index("We got your answers")


def test_a_worrying_comment_brings_help_to_the_top_of_the_thank_you_page(app, demo):
    """Before, such a send answered 200 where others answer 302, marking it in any proxy's log."""
    worried, sent = send_two_comments(app, "nothing really", "i dont want to be here anymore")
    calm, calm_sent = send_two_comments(app, "my carers are kind", "more trips out")
    assert (sent.status_code, sent.headers["Location"]) == (calm_sent.status_code, calm_sent.headers["Location"])
    assert sent.status_code == 302 and sent.data == calm_sent.data
    assert len(sent.headers["Set-Cookie"]) == len(calm_sent.headers["Set-Cookie"])
    first = worried.get(sent.headers["Location"]).text
    assert _help_comes_first(first) and "0800 1111" in first and "flag" not in first.lower()
    ordinary = calm.get(calm_sent.headers["Location"]).text
    assert not _help_comes_first(ordinary) and HELP in ordinary
    assert len(first) == len(ordinary)  # the same page, the help in another place
    assert not _help_comes_first(worried.get(sent.headers["Location"]).text)  # shown first once, then as usual
    (flagged, status, _, _, _), = [c for c in stored_comments(app) if c[0]]
    assert status == "open"


def test_queue_puts_safeguarding_flags_first_and_officers_confirm_themes(app, demo, login_as):
    send_two_comments(app, "I love my foster family", "school is ok")
    send_two_comments(app, "my carer hits me when she is angry", "idk")
    client = login_as("officer")
    page = client.get("/comments/").text
    assert "1 safeguarding flag" in page
    first = re.search(r'id="c(\d+)-title">(.*?)</h2>', page, re.S)
    assert "Safeguarding: physical abuse" in first.group(2)
    answer_id = int(first.group(1))
    reply = post_form(client, f"/comments/{answer_id}", {f"themes-{answer_id}": ["safe-home", "involve-me"]},
                      form_page="/comments/")
    assert reply.status_code == 302
    with app.app_context():
        comment = db.session.get(CommentAnalysis, answer_id)
        assert comment.status == "confirmed"
        assert [t.theme.key for t in comment.themes] == ["safe-home", "involve-me"]
        assert db.session.scalars(select(AuditEntry.action)).all().count("comment.tagged") == 1


def test_bulk_accept_and_only_the_safeguarding_lead_handles_flags(app, demo, login_as, make_user):
    send_two_comments(app, "my carer hits me", "more trips out in the holidays please")
    with app.app_context():
        ids = [c.answer_id for c in db.session.scalars(select(CommentAnalysis))]
        flagged = db.session.scalars(select(CommentAnalysis.answer_id).where(CommentAnalysis.safeguarding)).one()
    officer = login_as("officer")
    post_form(officer, "/comments/accept", {"selected": [str(i) for i in ids]}, form_page="/comments/")
    refused = post_form(officer, f"/comments/{flagged}/handled", {"note": "spoke to the team"}, form_page="/comments/")
    assert "Only a designated safeguarding lead" in officer.get(refused.headers["Location"]).text
    lead_client = app.test_client()
    make_user("officer", email="lead@council.example", safeguarding_lead=True)
    from tests.helpers import PASSWORD, csrf_token
    page = lead_client.get("/login")
    lead_client.post("/login", data={"csrf_token": csrf_token(page.text), "email": "lead@council.example",
                                     "password": PASSWORD})
    post_form(lead_client, f"/comments/{flagged}/handled", {"note": "Referred to the child's social worker today"},
              form_page="/comments/")
    with app.app_context():
        comment = db.session.get(CommentAnalysis, flagged)
        assert comment.flag_status == "handled" and comment.flag_note.startswith("Referred")
        assert all(c.status == "confirmed" for c in db.session.scalars(select(CommentAnalysis)))
    assert "safeguarding flag" not in lead_client.get("/comments/").text.split("<main")[0]


def test_committee_members_read_only_redacted_text(app, demo, login_as):
    # Five young people answer: committee members read comments only from groups of 5 or more.
    for n in range(4):
        send_two_comments(app, f"my carers are kind {n}", "more trips out")
    send_two_comments(app, "my PA is called Priya and she is great", "ring me on 07700 900123")
    committee = login_as("committee", email="cllr@council.example")
    page = committee.get("/reports/comments").text
    assert "Priya" not in page and "07700" not in page
    assert "my PA is called [name] and she is great" in page and "ring me on [phone]" in page
    officer = app.test_client()
    from tests.helpers import PASSWORD, csrf_token
    from participation.auth.services import create_user
    with app.app_context(), transaction(db.session):
        create_user(db.session, None, "off@council.example", PASSWORD, "officer")
    page = officer.get("/login")
    officer.post("/login", data={"csrf_token": csrf_token(page.text), "email": "off@council.example",
                                 "password": PASSWORD})
    assert "Priya" in officer.get("/reports/comments").text


def test_retraining_from_confirmed_comments_improves_the_next_suggestions(app, demo, login_as):
    for n in range(6):
        send_two_comments(app, f"zorbing and parkour at the weekend {n}", "idk")
    officer = login_as("officer")
    with app.app_context():
        ids = [c.answer_id for c in db.session.scalars(select(CommentAnalysis)) if "zorbing" in c.redacted]
    for answer_id in ids:
        post_form(officer, f"/comments/{answer_id}", {f"themes-{answer_id}": ["healthy"]}, form_page="/comments/")
    post_form(officer, "/comments/retrain", {}, form_page="/comments/")
    with app.app_context():
        assert db.session.scalars(select(TaggerModel)).one().confirmed >= 6
    send_two_comments(app, "zorbing and parkour are the best", "idk")
    (newest,) = [c for c in stored_comments(app) if c[4] == "zorbing and parkour are the best"]
    assert "healthy" in newest[2]


def test_tag_comments_command_retags_suggestions_and_keeps_confirmed(app, demo, runner, login_as):
    send_two_comments(app, "my foster carers are lovely", "uni is expensive")
    result = runner.invoke(args=["tag-comments"])
    assert result.exit_code == 0 and "Tagged 2 comments." in result.output
    assert "Tagged 2 comments." in runner.invoke(args=["tag-comments", "--all"]).output
