"""Designated safeguarding leads are emailed that flags are waiting: through a real SMTP server on
127.0.0.1, once for all new flags, never with what a young person wrote."""

from __future__ import annotations

import re

from sqlalchemy import select

from participation.alerts.safeguarding import sweep
from participation.auth.models import StaffUser
from participation.comments.models import CommentAnalysis
from participation.core import golive
from participation.db import db
from tests.comments.helpers import send_two_comments
from tests.helpers import free_port

WORRYING = "my carer hits me when she is angry"
ALSO_WORRYING = "i wanna kms tbh"


def _body(message) -> str:
    return message.get_body(("plain",)).get_content()


def test_every_lead_is_emailed_once_for_all_new_flags_without_the_comment(app, demo, make_user, smtp_server):
    make_user("officer", email="lead@council.example", safeguarding_lead=True, name="Priya Lead")
    make_user("administrator", email="second-lead@council.example", safeguarding_lead=True)
    make_user("officer", email="not-a-lead@council.example")
    gone = make_user("officer", email="gone@council.example", safeguarding_lead=True)
    with app.app_context():
        db.session.get(StaffUser, gone).active = False  # switched off: no longer told
        db.session.commit()
    send_two_comments(app, "idk", WORRYING)
    send_two_comments(app, ALSO_WORRYING, "school is ok")
    assert smtp_server.messages == []  # nothing is sent as the answers are stored

    assert sweep(app) == 2
    [message] = smtp_server.messages
    [(sender, recipients)] = smtp_server.envelopes
    assert sender == "participation@council.example"
    assert sorted(recipients) == ["lead@council.example", "second-lead@council.example"]
    assert message["Subject"] == "A safeguarding flag is waiting for you"
    text = _body(message)
    assert "2 flags are open in all" in text
    # The only link is to the open flags: it names no comment, survey or question.
    assert re.findall(r"https?://\S+", text) == ["https://have-your-say.council.example/comments/?flag=open"]
    for words in (WORRYING, "hits me", "kms", "physical abuse", "suicidal", "How was the survey"):
        assert words.lower() not in text.lower()

    assert sweep(app) == 0 and len(smtp_server.messages) == 1  # the same flags are never mailed twice
    send_two_comments(app, "the wifi is rubbish", "theres no food in the house")
    assert sweep(app) == 1
    assert "3 flags are open in all" in _body(smtp_server.messages[1])


def test_ordinary_comments_send_nothing(app, demo, make_user, smtp_server):
    make_user("officer", email="lead@council.example", safeguarding_lead=True)
    send_two_comments(app, "my carers are kind", "more trips out")
    assert sweep(app) == 0 and smtp_server.messages == []


def test_a_failed_send_leaves_the_flags_for_the_next_sweep(app, demo, make_user, smtp_server):
    make_user("officer", email="lead@council.example", safeguarding_lead=True)
    send_two_comments(app, "idk", WORRYING)
    working = app.config["MAIL_PORT"]
    app.config["MAIL_PORT"] = free_port()  # nothing listens there
    try:
        sweep(app)
        raise AssertionError("a send to a closed port should fail")
    except OSError:
        pass
    with app.app_context():
        assert db.session.scalars(select(CommentAnalysis.flag_alerted).where(
            CommentAnalysis.flag_status == "open")).all() == [False]
    app.config["MAIL_PORT"] = working
    assert sweep(app) == 1 and len(smtp_server.messages) == 1


def test_flags_wait_until_there_is_a_lead_to_tell(app, demo, make_user, smtp_server):
    send_two_comments(app, "idk", WORRYING)
    assert sweep(app) == 0 and smtp_server.messages == []
    make_user("officer", email="lead@council.example", safeguarding_lead=True)
    assert sweep(app) == 1
    assert smtp_server.envelopes[0][1] == ["lead@council.example"]


def test_without_mail_settings_nothing_is_sent_and_the_go_live_list_says_so(app, demo, make_user):
    make_user("officer", email="lead@council.example", safeguarding_lead=True)
    send_two_comments(app, "idk", WORRYING)
    assert sweep(app) == 0
    todo = " ".join(golive.gaps(app.config, leads=1))
    assert "Set MAIL_SERVER" in todo and "Set MAIL_DEFAULT_SENDER" in todo
    ready = " ".join(golive.gaps({**app.config, "MAIL_SERVER": "smtp.council.example",
                                  "MAIL_DEFAULT_SENDER": "participation@council.example"}, leads=1))
    assert "MAIL_SERVER" not in ready and "MAIL_DEFAULT_SENDER" not in ready


def test_flask_check_lists_the_mail_settings(app, runner):
    app.config.update(MAIL_SERVER="smtp.council.example", MAIL_PORT=587, MAIL_USE_TLS=True,
                      MAIL_USERNAME="participation", MAIL_PASSWORD="hunter2-secret",
                      MAIL_DEFAULT_SENDER="participation@council.example")
    shown = runner.invoke(args=["check"]).output
    assert "Mail: smtp.council.example port 587, STARTTLS, signing in as participation, " \
           "from participation@council.example." in shown
    assert "hunter2-secret" not in shown
    app.config.update(MAIL_SERVER="", MAIL_DEFAULT_SENDER="")
    shown = runner.invoke(args=["check"]).output
    assert "Mail: not set up" in shown and "Set MAIL_SERVER" in shown


def test_send_alerts_command_runs_one_sweep(app, demo, make_user, runner, smtp_server):
    make_user("officer", email="lead@council.example", safeguarding_lead=True)
    send_two_comments(app, "idk", WORRYING)
    done = runner.invoke(args=["send-alerts"])
    assert done.exit_code == 0 and "Told the safeguarding leads about 1 new flag." in done.output
    assert len(smtp_server.messages) == 1
    assert "No new safeguarding flags" in runner.invoke(args=["send-alerts"]).output


def test_an_officer_who_is_not_a_lead_sees_who_the_lead_is_and_how_to_reach_them(app, demo, make_user, login_as):
    send_two_comments(app, "idk", WORRYING)
    officer = login_as("officer")
    page = officer.get("/comments/").text
    assert "Nobody is a designated safeguarding lead yet" in page
    # The queue shows the longest-waiting flags first; the new one is found by its words.
    assert "flag came in today" in officer.get("/comments/", query_string={"q": WORRYING}).text
    make_user("officer", email="lead@council.example", safeguarding_lead=True, name="Priya Shah")
    page = re.sub(r"\s+", " ", officer.get("/comments/").text)
    assert 'The designated safeguarding lead will handle this flag: Priya Shah (<a href="mailto:lead@council.example">' \
           in page
    assert "They are not emailed yet, so tell them it is here." in page
    app.config.update(MAIL_SERVER="smtp.council.example", MAIL_DEFAULT_SENDER="participation@council.example")
    assert "They are emailed when new flags come in." in officer.get("/comments/").text
