"""Officers turn comments into "you said" items and actions; the public board tells young people back."""

from __future__ import annotations

import io
import re
from datetime import timedelta

from openpyxl import load_workbook
import pytest
from sqlalchemy import delete, select

from participation.auth.models import AuditEntry
from participation.core.transaction import transaction
from participation.db import db, today
from participation.tracker.models import Action, YouSaid
from tests.comments.helpers import send_two_comments
from tests.helpers import csrf_token, post_form


@pytest.fixture
def demo(demo, app):
    """The demo survey, with the demo tracker's items taken away so each test starts from none."""
    with app.app_context():
        db.session.execute(delete(YouSaid))
        db.session.commit()
    return demo


def _new_item_from_queue(app, officer) -> int:
    send_two_comments(app, "I never see my brother", "I want to see my sister more")
    queue = officer.get("/comments/").text
    ids = re.findall(r'name="selected" value="(\d+)"', queue)
    assert len(ids) == 2
    form = officer.post("/tracker/new", data={"csrf_token": csrf_token(queue), "selected": ids})
    assert form.status_code == 200
    assert "I never see my brother" in form.text  # the comments are shown as evidence
    assert re.search(r'id="theme-safe-home"[^>]*checked', form.text)  # themes come from the comments
    saved = officer.post("/tracker/new", data={
        "csrf_token": csrf_token(form.text), "step": "save", "summary": "We want to see our brothers and sisters more.",
        "themes": ["safe-home"], "source": "survey", "evidence": ids,
        "source_survey_id": re.search(r'name="source_survey_id" type="hidden" value="(\d*)"', form.text).group(1)})
    assert saved.status_code == 302, saved.text
    with app.app_context():
        item = db.session.scalars(select(YouSaid)).one()
        assert len(item.evidence) == 2 and item.source == "survey" and item.source_survey_id
        return item.id


def test_an_officer_makes_a_you_said_from_comments_adds_actions_and_publishes(app, demo, login_as):
    officer = login_as("officer")
    item_id = _new_item_from_queue(app, officer)
    due = (today() + timedelta(days=10)).isoformat()
    reply = post_form(officer, f"/tracker/{item_id}/actions/new", {
        "what": "Plan time with brothers and sisters at every review", "owner": "Family time team",
        "owner_user_id": "", "due_on": due, "status": "in-progress"})
    assert reply.status_code == 302
    page = officer.get(f"/tracker/{item_id}").text
    assert "tag-rag-amber" in page  # due within 30 days
    with app.app_context():
        action_id = db.session.scalars(select(Action.id)).one()
    post_form(officer, f"/tracker/actions/{action_id}/progress", {"text": "First sibling day booked."},
              form_page=f"/tracker/{item_id}")
    refused = post_form(officer, f"/tracker/actions/{action_id}/rag", {"colour": "green", "reason": ""},
                        form_page=f"/tracker/{item_id}")
    assert "Say why you are changing the RAG rating." in officer.get(refused.headers["Location"]).text
    post_form(officer, f"/tracker/actions/{action_id}/rag", {"colour": "green", "reason": "Dates agreed with carers"},
              form_page=f"/tracker/{item_id}")
    page = officer.get(f"/tracker/{item_id}").text
    assert "tag-rag-green" in page and "First sibling day booked." in page
    assert "Unpublished" not in page and "This is not on the public board yet." in page
    post_form(officer, f"/tracker/{item_id}/publish", {}, form_page=f"/tracker/{item_id}")
    history = officer.get(f"/tracker/{item_id}").text.split("History")[1]
    for words in ("Added “We want to see", "Added the action", "Progress on", "RAG for", "Published"):
        assert words in history, words
    with app.app_context():
        actions = set(db.session.scalars(select(AuditEntry.action)))
        assert {"tracker.item-added", "tracker.action-added", "tracker.progress", "tracker.rag-override",
                "tracker.published"} <= actions
    assert "We want to see our brothers and sisters more." in app.test_client().get("/you-said-we-did").text


def test_the_filters_find_overdue_red_items(app, demo, login_as, runner):
    officer = login_as("officer")
    item_id = _new_item_from_queue(app, officer)
    post_form(officer, f"/tracker/{item_id}/actions/new", {
        "what": "Late action", "owner": "Team A", "owner_user_id": "",
        "due_on": (today() - timedelta(days=3)).isoformat(), "status": "in-progress"})
    assert "We want to see our brothers" in officer.get("/tracker/?overdue=yes&rag=red").text
    assert "We want to see our brothers" not in officer.get("/tracker/?rag=green").text
    assert "We want to see our brothers" in officer.get("/tracker/?owner=team%20a&theme=safe-home").text
    assert "We want to see our brothers" not in officer.get("/tracker/?status=done").text


def test_wont_do_needs_a_reason_and_publishing_needs_an_action(app, demo, login_as):
    officer = login_as("officer")
    item_id = _new_item_from_queue(app, officer)
    refused = post_form(officer, f"/tracker/{item_id}/publish", {}, form_page=f"/tracker/{item_id}")
    assert "Add at least one action before you publish" in officer.get(refused.headers["Location"]).text
    reply = post_form(officer, f"/tracker/{item_id}/actions/new", {
        "what": "Weekly visits", "owner_user_id": "", "status": "wont-do", "wont_do_reason": ""})
    assert reply.status_code == 200 and "Say why this won&#39;t be done" in reply.text
    assert "Weekly visits" in reply.text  # what was typed is kept


def _published_item_with_markup(app):
    from participation.tracker import services
    with app.app_context(), transaction(db.session):
        item = services.create_item(db.session, None, services.ItemInput(
            summary="<script>alert(1)</script> We want wifi", theme_keys=["adult-life"]))
        services.add_action(db.session, None, item, services.ActionInput(
            what="=HYPERLINK(\"http://evil\") Wifi in every home", owner="Jane Smith, Housing Manager",
            status="done", we_did="<img src=x onerror=alert(1)> Every flat now has wifi"))
        hidden = services.create_item(db.session, None, services.ItemInput(summary="Secret draft item"))
        services.add_action(db.session, None, hidden, services.ActionInput(what="Not ready"))
        services.set_published(db.session, None, item, True)


def test_the_board_shows_published_items_as_text_without_staff_names(app, demo, client):
    _published_item_with_markup(app)
    page = client.get("/you-said-we-did").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; We want wifi" in page and "<script>alert" not in page
    assert "&lt;img src=x onerror=alert(1)&gt; Every flat now has wifi" in page
    assert "Secret draft item" not in page
    assert "Jane Smith" not in page and "Housing Manager" not in page
    assert client.get("/you-said-we-did?theme=healthy").text.count('class="said"') == 0
    assert client.get("/you-said-we-did?theme=adult-life").text.count('class="said"') == 1
    assert client.get("/you-said-we-did?theme=nonsense&page=abc").status_code == 200
    reply = client.get("/you-said-we-did")
    assert reply.headers["Cache-Control"] == "no-store" and "script" not in reply.headers["Content-Security-Policy"].split("script-src")[0]
    assert "<script" not in reply.text  # the board loads no script at all


def test_exports_never_run_a_cell_as_a_formula(app, demo, login_as):
    _published_item_with_markup(app)
    officer = login_as("officer")
    csv_text = officer.get("/tracker/export.csv").data.decode("utf-8-sig")
    assert "'=HYPERLINK" in csv_text and ",=HYPERLINK" not in csv_text
    book = load_workbook(io.BytesIO(officer.get("/tracker/export.xlsx").data))
    cells = [c for row in book.active.iter_rows() for c in row if str(c.value or "").startswith("=")]
    assert cells and all(c.data_type == "s" for c in cells)
    assert officer.get("/tracker/export.pdf").status_code == 404


def test_the_upload_page_checks_then_imports_everything_at_once(app, demo, login_as):
    from pathlib import Path
    officer = login_as("officer")
    data = (Path(__file__).parent.parent / "data" / "messy_tracker.csv").read_bytes()
    page = officer.get("/tracker/import")
    source = {"source_kind": "review", "source_name": "Care Leavers Review 2012", "source_date": "1 November 2012"}
    checked = officer.post("/tracker/import", data={"csrf_token": csrf_token(page.text), "step": "check", **source,
                                                    "upload": (io.BytesIO(data), "messy.csv")},
                           content_type="multipart/form-data")
    assert checked.status_code == 200 and "8 items will be created" in checked.text
    assert 'value="RECOMMENDATION"' in checked.text  # the usual column names were guessed
    with app.app_context():
        assert db.session.query(YouSaid).count() == 0
    fields = dict(re.findall(r'name="(file_data|filename|you_said|we_did|status|due|owner|theme|ref)"'
                             r'[^>]*value="([^"]*)"', checked.text))
    unsure = re.findall(r'name="confirm" value="(\d+)"', checked.text)
    assert unsure  # "Sorted by the team last spring" is not a status we know
    refused = officer.post("/tracker/import", data={"csrf_token": csrf_token(checked.text), "step": "import",
                                                    **source, **fields, "confirm": unsure[1:]})
    assert refused.status_code == 200
    assert f"Confirm the readings marked “Check this” before importing: row {unsure[0]}." in refused.text
    done = officer.post("/tracker/import", data={"csrf_token": csrf_token(checked.text), "step": "import",
                                                 **source, **fields, "confirm": unsure})
    assert done.status_code == 302
    with app.app_context():
        assert db.session.query(YouSaid).count() == 8
        assert {i.origin.name for i in db.session.query(YouSaid)} == {"Care Leavers Review 2012"}


def test_a_promise_at_risk_starts_a_you_said_with_its_results_and_comments(app, login_as):
    from tests.pledges.helpers import reviewed_pledge
    version_id = reviewed_pledge(app)
    officer = login_as("officer")
    results = officer.get(f"/reports/promises/{version_id}").text
    link = re.search(r'href="(/tracker/new\?promise_id=\d+)"[^>]*>Start a “you said” from this promise', results)
    links = re.findall(r'href="(/tracker/new\?promise_id=(\d+))"', results)
    assert link and len(links) == 3
    url = links[2][0]  # the planned and stable education promise, with two comments
    form = officer.get(url).text
    assert "“You will receive a planned and stable education.”: 45% said this promise is kept for them " \
           "(-30 points since last year)." in form
    assert "My sw is Dave and I moved school twice" in form and re.search(r'id="theme-achieve"[^>]*checked', form)
    saved = officer.post(url, data={"csrf_token": csrf_token(form), "step": "save", "source": "pledge",
                                    "summary": "Young people say school is not stable enough.", "themes": ["achieve"],
                                    "source_promise_id": links[2][1],
                                    "evidence": re.findall(r'name="evidence" value="(\d+)"', form)})
    assert saved.status_code == 302
    with app.app_context():
        item = db.session.scalars(select(YouSaid)).one()
        assert item.source == "pledge" and item.source_promise_id == int(links[2][1]) and len(item.evidence) == 2


def test_done_needs_a_we_did_and_the_board_never_shows_the_internal_action(app, demo, login_as, client):
    officer = login_as("officer")
    item_id = _new_item_from_queue(app, officer)
    reply = post_form(officer, f"/tracker/{item_id}/actions/new", {
        "what": "Review contact arrangements under s.34 with IRO oversight", "owner_user_id": "",
        "status": "done", "we_did": ""})
    assert reply.status_code == 200
    assert "Write what we did, in words young people understand, before you mark this done" in reply.text
    assert "Review contact arrangements under s.34" in reply.text  # what was typed is kept
    with app.app_context():
        assert db.session.scalars(select(Action)).all() == []  # nothing half-written stored
        # A done action that arrived from a council's tracker with no words for young people...
        from participation.tracker import services
        item = db.session.get(YouSaid, item_id)
        services.add_action(db.session, None, item, services.ActionInput(
            what="Review contact arrangements under s.34 with IRO oversight", status="done", imported=True))
        db.session.commit()
    # ...keeps the item off the board until an officer writes them.
    refused = post_form(officer, f"/tracker/{item_id}/publish", {}, form_page=f"/tracker/{item_id}")
    assert "is marked done but says nothing young people can read" in officer.get(refused.headers["Location"]).text
    assert "We want to see our brothers" not in client.get("/you-said-we-did").text
    with app.app_context():
        db.session.get(YouSaid, item_id).published = True  # even if it were published some other way
        db.session.commit()
    board = client.get("/you-said-we-did").text
    assert "We want to see our brothers" in board and "s.34" not in board
