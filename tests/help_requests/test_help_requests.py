"""A young person asks to be contacted: kept apart from their answers, seen and handled by officers."""

from __future__ import annotations

import re

from sqlalchemy import func, inspect, select

from participation.auth.models import AuditEntry
from participation.db import db
from participation.help_requests.holding import write_now
from participation.help_requests.models import HelpRequest
from tests.helpers import csrf_token, post_form


def _ask(client, **fields):
    page = client.get("/get-help")
    assert page.status_code == 200
    reply = client.post("/get-help", data={"csrf_token": csrf_token(page.text), **fields})
    write_now(client.application)  # what the hold's timer does a few minutes later
    return reply


def test_a_young_person_leaves_a_way_to_reach_them(app, client):
    reply = _ask(client, contact="07700 900123", name="Sam", best_time="after school",
                 message="I want to talk about moving again")
    assert reply.status_code == 302 and reply.headers["Location"] == "/get-help/sent"
    done = client.get("/get-help/sent").text
    assert "We will contact you" in done and "0800 1111" in done
    with app.app_context():
        (asked,) = db.session.scalars(select(HelpRequest)).all()
        assert (asked.contact, asked.name, asked.best_time, asked.message, asked.status) == (
            "07700 900123", "Sam", "after school", "I want to talk about moving again", "open")
        assert re.fullmatch(r"[0-9a-f]{32}", asked.id)  # random: the order of requests says nothing


def test_a_request_can_never_be_matched_to_answers(app, client, demo):
    """Nothing in the table could link it to a survey, a response, a draft or a time of day."""
    with app.app_context():
        columns = {c["name"] for c in inspect(db.engine).get_columns("help_requests")}
        keys = inspect(db.engine).get_foreign_keys("help_requests")
    assert columns == {"id", "asked_on", "name", "contact", "best_time", "message", "status", "handled_by",
                       "handled_on", "note"}
    assert [k["referred_table"] for k in keys] == ["staff_users"]
    # Asking from the thank-you page of a survey carries nothing of the survey or the answers.
    thanks = client.get("/s/demo/thanks").text
    link = re.search(r'href="([^"]+)">ask us to contact you', thanks).group(1)
    assert link == "/get-help"


def test_only_the_way_to_reach_them_is_needed_and_what_was_typed_is_kept(app, client):
    reply = _ask(client, contact="   ", name="Sam", message="please call me")
    assert reply.status_code == 200
    assert "Write a phone number or email so we can reach you." in reply.text
    assert 'value="Sam"' in reply.text and "please call me</textarea>" in reply.text
    assert reply.text.count('class="error-message"') == 1
    too_long = _ask(client, contact="x" * 201, message="m" * 1001)
    assert "Use 200 letters or fewer" in too_long.text and "Use 1,000 letters or fewer" in too_long.text
    with app.app_context():
        assert db.session.scalars(select(HelpRequest)).all() == []


def test_a_timed_out_page_keeps_what_was_typed(app, client):
    reply = client.post("/get-help", data={"csrf_token": "stale", "contact": "sam@example.org", "name": "Sam"})
    assert reply.status_code == 200
    assert "This page timed out. Your answers are still here." in reply.text
    assert 'value="sam@example.org"' in reply.text
    with app.app_context():
        assert db.session.scalars(select(HelpRequest)).all() == []


def test_control_characters_are_dropped(app, client):
    _ask(client, contact="07700\x00 900123\x07", name="S\x1bam")
    with app.app_context():
        asked = db.session.scalars(select(HelpRequest)).one()
        assert (asked.contact, asked.name) == ("07700 900123", "Sam")


def test_an_officer_sees_requests_and_marks_them_contacted(app, client, login_as):
    _ask(client, contact="sam@example.org", message="<script>alert(1)</script>")
    officer = login_as("officer")
    page = officer.get("/help-requests/").text
    assert "sam@example.org" in page and "1 waiting" in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    with app.app_context():
        request_id = db.session.scalar(select(HelpRequest.id))
    refused = post_form(officer, f"/help-requests/{request_id}/contacted", {"note": "  "}, form_page="/help-requests/")
    assert "Write a note of what was done." in officer.get(refused.headers["Location"]).text
    post_form(officer, f"/help-requests/{request_id}/contacted", {"note": "Rang Sam, booked a visit"},
              form_page="/help-requests/")
    page = officer.get("/help-requests/").text
    assert "Rang Sam, booked a visit" in page and "waiting" not in page
    with app.app_context():
        asked = db.session.get(HelpRequest, request_id)
        assert asked.status == "contacted" and asked.handled_on is not None
        entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "help-request.contacted")).one()
        assert "sam@example.org" not in f"{entry.summary} {entry.detail}"  # the log never copies contact details


def test_committee_members_never_see_contact_details(app, client, login_as):
    _ask(client, contact="sam@example.org")
    committee = login_as("committee")
    assert committee.get("/help-requests/").status_code == 403
    assert "Contact requests" not in committee.get("/reports/").text


def test_purge_deletes_requests_dealt_with_before_the_limit(app, client, runner, login_as):
    from datetime import date

    _ask(client, contact="old@example.org")
    _ask(client, contact="waiting@example.org")
    with app.app_context():
        old = db.session.scalars(select(HelpRequest).where(HelpRequest.contact == "old@example.org")).one()
        old.status, old.handled_on, old.note = "contacted", date(2020, 1, 6), "Done"
        db.session.commit()
    dry = runner.invoke(args=["purge", "--older-than", "3y", "--dry-run"])
    assert "Would delete 1 requests to be contacted" in dry.output
    result = runner.invoke(args=["purge", "--older-than", "3y"])
    assert result.exit_code == 0 and "Deleted 1 requests to be contacted" in result.output
    with app.app_context():
        assert db.session.scalars(select(HelpRequest.contact)).all() == ["waiting@example.org"]  # open ones stay
        assert db.session.scalars(select(AuditEntry.action).where(AuditEntry.action == "help-requests.purged")).one()


def test_a_phone_number_or_email_that_cannot_reach_anyone_is_refused_and_kept(app, client):
    for typed in ("abc", "12345", "0000000000", "sam@", "+1 212 555 0100"):
        reply = _ask(client, contact=typed, name="Sam", message="please call me")
        assert reply.status_code == 200, typed
        assert "We cannot use that to reach you. Write a UK phone number" in reply.text, typed
        assert f'value="{typed}"' in reply.text and "please call me</textarea>" in reply.text
        assert "We will contact you" not in reply.text
    with app.app_context():
        assert db.session.scalars(select(HelpRequest)).all() == []
    for typed in ("07123 456789", "+44 7123 456789", "020 7946 0000", "sam@example.org"):
        assert _ask(client, contact=typed).status_code == 302, typed


def _request_id(app, contact: str) -> str:
    with app.app_context():
        return db.session.scalar(select(HelpRequest.id).where(HelpRequest.contact == contact))


def test_an_officer_who_could_not_reach_them_says_what_was_tried(app, client, login_as):
    _ask(client, contact="07700 900123", name="Sam")
    officer = login_as("officer")
    page = officer.get("/help-requests/").text
    assert "Could not reach them" in page and "What was done, or what you tried" in page
    request_id = _request_id(app, "07700 900123")
    refused = post_form(officer, f"/help-requests/{request_id}/unreached", {"note": ""}, form_page="/help-requests/")
    assert "Write a note of what you tried." in officer.get(refused.headers["Location"]).text
    with app.app_context():
        assert db.session.get(HelpRequest, request_id).status == "open"  # nothing changed
    done = post_form(officer, f"/help-requests/{request_id}/unreached", {"note": "Rang twice and texted, no answer"},
                     form_page="/help-requests/")
    page = officer.get(done.headers["Location"]).text
    assert "Marked as could not reach them." in page
    assert "Could not reach them, marked on" in page and "Rang twice and texted, no answer" in page
    assert "Waiting (" not in page and "Dealt with (1)" in page
    # It is dealt with: it cannot be marked again.
    again = post_form(officer, f"/help-requests/{request_id}/contacted", {"note": "Got through"},
                      form_page="/help-requests/")
    assert "That request is not open." in officer.get(again.headers["Location"]).text
    with app.app_context():
        asked = db.session.get(HelpRequest, request_id)
        assert (asked.status, asked.note) == ("unreached", "Rang twice and texted, no answer")
        entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "help-request.unreached")).one()
        assert "could not reach them" in entry.summary
        assert "07700" not in f"{entry.summary} {entry.detail}" and "Sam" not in f"{entry.summary} {entry.detail}"


def test_the_page_explains_deleting_in_plain_words_and_deletes_only_requests_dealt_with(app, client, login_as):
    for contact in ("reached@example.org", "unreached@example.org", "waiting@example.org"):
        _ask(client, contact=contact)
    officer = login_as("officer")
    page = officer.get("/help-requests/").text
    assert "purge" not in page  # a command-line word officers never use
    assert "data protection law says the council keeps personal details only while it needs them" in page
    assert "Deleting removes the request for good" in page
    post_form(officer, f"/help-requests/{_request_id(app, 'reached@example.org')}/contacted",
              {"note": "Rang, all sorted"}, form_page="/help-requests/")
    post_form(officer, f"/help-requests/{_request_id(app, 'unreached@example.org')}/unreached",
              {"note": "Emailed twice"}, form_page="/help-requests/")
    page = officer.get("/help-requests/").text
    assert "Delete the 2 requests dealt with" in page

    confirm = officer.get("/help-requests/delete").text
    assert "Delete the requests dealt with?" in confirm
    assert ("The 2 requests marked as contacted or could not reach them are deleted for good: the name, phone number "
            "or email, good time, message and your note.") in confirm
    assert "Requests still waiting stay on the list." in confirm
    assert "never who asked or how to reach them" in confirm
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(HelpRequest)) == 3  # asking deletes nothing

    reply = post_form(officer, "/help-requests/delete", {}, form_page="/help-requests/delete")
    page = officer.get(reply.headers["Location"]).text
    assert "Deleted 2 requests dealt with. Their contact details are gone for good." in page
    assert "reached@example.org" not in page and "waiting@example.org" in page
    with app.app_context():
        assert db.session.scalars(select(HelpRequest.contact)).all() == ["waiting@example.org"]
        entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "help-requests.deleted")).one()
        assert entry.detail == {"requests": 2} and "example.org" not in entry.summary
    # Nothing left to delete: the page says so and offers no button.
    confirm = officer.get("/help-requests/delete").text
    assert "There are no requests dealt with to delete." in confirm and "Delete 0" not in confirm


def test_purge_also_deletes_requests_that_could_not_be_reached(app, client, runner):
    from datetime import date

    _ask(client, contact="old@example.org")
    with app.app_context():
        old = db.session.scalars(select(HelpRequest)).one()
        old.status, old.handled_on, old.note = "unreached", date(2020, 1, 6), "No answer"
        db.session.commit()
    result = runner.invoke(args=["purge", "--older-than", "3y"])
    assert result.exit_code == 0 and "Deleted 1 requests to be contacted" in result.output
    with app.app_context():
        assert db.session.scalars(select(HelpRequest)).all() == []
