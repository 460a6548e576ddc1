"""Script typed into any free-text field is shown as text on every staff, committee and public page."""

from __future__ import annotations

from sqlalchemy import select

from participation.core.transaction import transaction
from participation.db import db
from participation.pledges.models import Promise
from participation.surveys.models import Question, Survey
from participation.themes.models import Theme
from participation.tracker import services as tracker
from tests.auth.helpers import every_rule, url_values
from tests.comments.helpers import send_two_comments
from tests.helpers import PASSWORD, csrf_token

PAYLOADS = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(2)>", "<svg onload=alert(3)>",
            "javascript:alert(4)", "<a href=\"javascript:alert(5)\">x</a>", "{{ 7*7 }}"]
DANGEROUS = ["<script>alert(1)", "<img src=x onerror", "<svg onload", "href=\"javascript:", "href=javascript:"]
TEXT = " ".join(PAYLOADS)


def _plant(app):
    """The payloads in every kind of free text: answers, titles, questions, themes, promises, tracker items,
    requests to be contacted."""
    send_two_comments(app, TEXT, "my foster mum " + TEXT)
    with app.app_context():
        survey = db.session.scalar(select(Survey).where(Survey.slug == "demo"))
        survey.title, survey.intro = "Your say " + PAYLOADS[0], TEXT
        question = db.session.scalar(select(Question).where(Question.survey_id == survey.id))
        question.text, question.help = "Home? " + PAYLOADS[1], TEXT
        theme = db.session.scalar(select(Theme).where(Theme.key == "healthy"))
        theme.name, theme.keywords = "Healthy " + PAYLOADS[2], TEXT
        promise = db.session.scalars(select(Promise)).first()
        promise.we_will = promise.for_young_people = "We will " + PAYLOADS[3] + " " + PAYLOADS[4]
        item = tracker.create_item(db.session, None, tracker.ItemInput(summary=TEXT, theme_keys=["healthy"],
                                                                       reference=PAYLOADS[1]))
        tracker.add_action(db.session, None, item, tracker.ActionInput(what=TEXT, owner=PAYLOADS[0], status="done",
                                                                       we_did=TEXT))
        tracker.set_published(db.session, None, item, True)
        db.session.commit()
        from participation.help_requests import services as help_requests
        help_requests.write_held(db.session, [help_requests.new_request(PAYLOADS[0], PAYLOADS[1], PAYLOADS[2], TEXT)])
        db.session.commit()


def _sign_in(app, email, role):
    from participation.auth.services import create_user
    with app.app_context(), transaction(db.session):
        create_user(db.session, None, email, PASSWORD, role)
    client = app.test_client()
    client.post("/login", data={"csrf_token": csrf_token(client.get("/login").text), "email": email,
                                "password": PASSWORD})
    return client


def test_every_page_shows_typed_script_as_text(app, demo):
    _plant(app)
    clients = {"stranger": app.test_client(), "committee": _sign_in(app, "cllr@council.example", "committee"),
               "administrator": _sign_in(app, "admin@council.example", "administrator")}
    seen = 0
    for role, client in clients.items():
        for rule, method in every_rule(app):
            if method != "GET" or rule.endpoint in ("static", "auth.logout"):
                continue
            url = rule.build(url_values(app, rule), append_unknown=False)[1]
            reply = client.get(url, follow_redirects=False)
            if reply.status_code != 200 or not reply.mimetype.startswith("text/html"):
                continue
            body = reply.get_data(as_text=True)
            for bad in DANGEROUS:
                assert bad not in body, f"{bad!r} unescaped on {url} as {role}"
            seen += "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    # The payload was really on the pages checked: the respondent pages, the queue, reports, tracker and board.
    assert seen >= 12, seen
    board = clients["stranger"].get("/you-said-we-did").get_data(as_text=True)
    assert "&lt;svg onload=alert(3)&gt;" in board
    asked = clients["administrator"].get("/help-requests/").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in asked and "&lt;svg onload=alert(3)&gt;" in asked
