"""A council renames, adds and archives themes, and the tagger works with what the database holds."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from participation.analysis.taxonomy import DEFAULT_KEYWORDS
from participation.auth.models import AuditEntry
from participation.comments.models import CommentAnalysis
from participation.db import db
from participation.themes.models import Theme
from tests.comments.helpers import send_two_comments, stored_comments
from tests.helpers import post_form


def _theme(app, key: str) -> Theme:
    with app.app_context():
        return db.session.scalar(select(Theme).where(Theme.key == key))


def test_renaming_a_theme_keeps_its_key_and_shows_the_new_name_to_officers(app, demo, login_as):
    officer = login_as("officer")
    theme = _theme(app, "involve-me")
    reply = post_form(officer, f"/themes/{theme.id}", {"name": "Listen to me", "description": theme.description,
                                                       "keywords": "", "examples": ""})
    assert reply.status_code == 302
    send_two_comments(app, "nobody listens to me at my reviews", "idk")
    page = officer.get("/comments/").text
    assert "Listen to me" in page and "Involve me" not in page
    assert _theme(app, "involve-me").name == "Listen to me"
    assert "involve-me" in stored_comments(app)[0][2]
    with app.app_context():
        assert "theme.changed" in db.session.scalars(select(AuditEntry.action)).all()


def test_a_new_theme_with_words_and_examples_is_suggested_for_comments(app, demo, login_as, runner):
    send_two_comments(app, "I want to learn to drive and get my provisional licence", "idk")
    assert "driving" not in str(stored_comments(app))
    officer = login_as("officer")
    reply = post_form(officer, "/themes/new", {
        "name": "Driving", "description": "Lessons, tests and licences.",
        "keywords": "driving lessons\nprovisional licence\ndriving test\nlearn to drive",
        "examples": "can the council pay for my driving lessons\nI passed my driving test\nI want to learn to drive"},
        form_page="/themes/new")
    assert reply.status_code == 302
    assert "Driving" in officer.get("/themes/").text
    post_form(officer, "/themes/retag", {}, form_page="/themes/")
    assert "driving" in stored_comments(app)[0][2]
    send_two_comments(app, "help me pay for driving lessons please", "idk")
    # Answers carry random ids, so the new comment is found by its words, not by its place.
    new = [themes for _, _, themes, _, text in stored_comments(app) if text == "help me pay for driving lessons please"]
    assert len(new) == 1 and "driving" in new[0]
    assert "Driving" in officer.get("/comments/").text  # officers can choose it in the queue


def test_an_archived_theme_is_no_longer_suggested_or_offered_and_can_come_back(app, demo, login_as):
    officer = login_as("officer")
    theme = _theme(app, "adult-life")
    post_form(officer, f"/themes/{theme.id}/archive", {}, form_page="/themes/")
    assert _theme(app, "adult-life").archived
    send_two_comments(app, "my PA helped me with my flat and my benefits", "idk")
    assert "adult-life" not in stored_comments(app)[0][2]
    assert ">Support me to move to adult life</label>" not in officer.get("/comments/").text
    post_form(officer, f"/themes/{theme.id}/archive", {}, form_page="/themes/")
    assert not _theme(app, "adult-life").archived


def test_theme_mistakes_get_plain_messages_and_keep_what_was_typed(app, demo, login_as):
    officer = login_as("officer")
    reply = post_form(officer, "/themes/new", {"name": "keep me healthy", "keywords": "gym\nswimming"},
                      form_page="/themes/new")
    assert reply.status_code == 200
    assert "There is already a theme called “Keep me healthy”." in reply.text
    assert "swimming" in reply.text
    blank = post_form(officer, "/themes/new", {"name": "  "}, form_page="/themes/new")
    assert "Give the theme a name." in blank.text
    with app.app_context():
        assert db.session.query(Theme).count() == 5


def test_the_last_theme_cannot_be_archived(app, demo, login_as):
    officer = login_as("officer")
    with app.app_context():
        ids = list(db.session.scalars(select(Theme.id).order_by(Theme.id)))
    for theme_id in ids:
        reply = post_form(officer, f"/themes/{theme_id}/archive", {}, form_page="/themes/")
    assert "Keep at least one theme." in officer.get(reply.headers["Location"]).text
    with app.app_context():
        assert db.session.query(Theme).filter_by(archived=False).count() == 1


def test_hostile_theme_text_is_shown_escaped(app, demo, login_as):
    officer = login_as("officer")
    post_form(officer, "/themes/new", {"name": "<script>alert(1)</script>", "keywords": "<img src=x onerror=alert(1)>"},
              form_page="/themes/new")
    page = officer.get("/themes/").text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in officer.get("/comments/").text


def test_accept_the_rest_on_the_page_leaves_flags_and_fixed_comments_alone(app, demo, login_as):
    send_two_comments(app, "my carer hits me", "my flat is cold")
    send_two_comments(app, "I love my foster mum", "more trips")
    officer = login_as("officer")
    reply = post_form(officer, "/comments/accept", {"all": "page", **_on_page(officer)}, form_page="/comments/")
    assert "Accepted the suggested themes for 3 comments." in officer.get(reply.headers["Location"]).text
    with app.app_context():
        rows = db.session.scalars(select(CommentAnalysis)).all()
        assert sorted(c.status for c in rows) == ["confirmed"] * 3 + ["suggested"]
        assert [c.status for c in rows if c.flag_status == "open"] == ["suggested"]


def _on_page(client) -> dict:
    import re
    return {"on_page": re.findall(r'name="on_page" value="(\d+)"', client.get("/comments/").text)}


def _row(page: str, name: str) -> str:
    """The themes table's row for one theme, as text with the markup taken out."""
    row = next(r for r in page.split("<tr>") if f">{name}</a>" in r)
    return " ".join(re.sub(r"<[^>]+>", " ", row).split())


def test_the_themes_page_counts_the_built_in_words_and_examples_beside_the_councils_own(app, demo, login_as):
    shipped = Path(__file__).resolve().parents[2] / "participation" / "analysis" / "data"
    examples = Counter(key for name in ("themes_train.jsonl", "themes_dev.jsonl", "themes_test.jsonl")
                       for line in (shipped / name).read_text(encoding="utf-8").splitlines() if line.strip()
                       for key in json.loads(line)["themes"])
    officer = login_as("officer")
    theme = _theme(app, "adult-life")
    post_form(officer, f"/themes/{theme.id}", {"name": theme.name, "description": theme.description,
                                               "keywords": "care leaver covenant\nsetting up home grant",
                                               "examples": "my PA helped me get a bank account"})
    post_form(officer, "/themes/new", {"name": "Driving", "description": "", "keywords": "driving lessons",
                                       "examples": "I want to learn to drive\nCan the council pay for lessons"},
              form_page="/themes/new")
    page = officer.get("/themes/").text
    assert "Words and phrases" in page and "Example comments" in page
    for key, name in (("involve-me", "Involve me"), ("safe-home", "Provide me with a good, safe home"),
                      ("healthy", "Keep me healthy"), ("achieve", "Help me to achieve")):
        words = len(set(DEFAULT_KEYWORDS[key]))
        assert words > 40 and examples[key] > 50  # never "0" for a built-in theme
        assert f"{words} built in, 0 added by you {examples[key]} built in, 0 added by you" in _row(page, name)
    assert (f"{len(set(DEFAULT_KEYWORDS['adult-life']))} built in, 2 added by you "
            f"{examples['adult-life']} built in, 1 added by you") in _row(page, "Support me to move to adult life")
    assert "1 yours 2 yours" in _row(page, "Driving")  # a council's own theme knows only its own
