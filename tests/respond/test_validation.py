"""Mistakes get a clear message at the top, linked to the question, and nothing typed is lost."""

from __future__ import annotations

from tests.helpers import csrf_token
from tests.respond.helpers import count_responses, field_names, post_page


def test_missing_required_answers_get_an_error_summary_linked_to_the_field(client, app, demo):
    from participation.db import db
    from participation.surveys.services import survey_by_slug

    names = field_names(app, "demo")
    with app.app_context():
        texts = [q.text for q in survey_by_slug(db.session, "demo").ordered_questions]
    reply = post_page(client, "demo", 1, {names[2]: "with-my-family"})
    assert reply.status_code == 200
    html = reply.text
    assert "<title>Error: Where you live" in html
    assert "There is a problem" in html
    # Each problem names its question, so two of them are not the same words twice.
    assert f'<a href="#{names[0]}">Choose an answer for “{texts[0]}”.</a>' in html
    assert f'<a href="#{names[1]}">Choose an answer for “{texts[1]}”.</a>' in html
    assert f'id="{names[0]}-error"' in html
    # The answer already chosen is still chosen.
    assert f'name="{names[2]}" type="radio" value="with-my-family" checked' in html


def test_text_that_is_too_long_is_kept_and_says_by_how_much(client, app, demo):
    names = field_names(app, "demo")
    long_text = "I want to see my brother more. " * 40
    reply = post_page(client, "demo", 4, {names[7]: long_text})
    assert reply.status_code == 200
    assert "Your answer is too long. Use 1,000 characters or fewer." in reply.text
    assert f"You have used {len(long_text.strip()):,}." in reply.text
    assert "I want to see my brother more." in reply.text


def test_an_answer_that_was_not_offered_is_refused(client, app, demo):
    names = field_names(app, "demo")
    reply = post_page(client, "demo", 1, {names[0]: "99", names[1]: "maybe"})
    assert "Choose one of the answers shown." in reply.text
    reply = post_page(client, "demo", 2, {names[3]: "3", names[4]: ["my-pa", "the-prime-minister"]})
    assert "Choose one of the answers shown." in reply.text


def test_a_timed_out_form_keeps_what_was_typed(client, app, demo):
    names = field_names(app, "demo")
    client.get("/s/demo/4")
    reply = client.post("/s/demo/4", data={"csrf_token": "stale", names[7]: "More trips out please"})
    assert reply.status_code == 200
    assert "This page timed out. Your answers are still here." in reply.text
    assert "More trips out please" in reply.text
    # Nothing was kept from the refused form.
    assert client.get("/s/demo/4").text.count("More trips out please") == 0


def test_free_text_is_escaped_wherever_it_is_shown(client, app, demo):
    names = field_names(app, "demo")
    attack = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    post_page(client, "demo", 4, {names[7]: attack})
    check = client.get("/s/demo/check").text
    assert "<script>alert(1)</script>" not in check
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" in check


def test_control_characters_are_dropped_from_free_text(client, app, demo):
    names = field_names(app, "demo")
    post_page(client, "demo", 4, {names[7]: "  more\x00 time\x07 with\r\nmy PA  "})
    check = client.get("/s/demo/check").text
    assert "more time with\nmy PA" in check


def test_sending_with_required_answers_missing_goes_back_to_that_page(client, app, demo):
    names = field_names(app, "demo")
    # Skips pages 1 to 3 by typing the address of page 4.
    post_page(client, "demo", 4, {names[7]: "hello"})
    check = client.get("/s/demo/check")
    assert "Not answered yet" in check.text
    from tests.respond.helpers import send
    reply = send(client, "demo", check.text)
    assert reply.status_code == 302 and reply.headers["Location"].endswith("/s/demo/1")
    assert "Please answer this question before you send your answers." in client.get("/s/demo/1").text
    assert count_responses(app) == 0


def test_a_very_large_request_gets_a_plain_page(client, demo):
    page = client.get("/s/demo/4")
    reply = client.post("/s/demo/4", data={"csrf_token": csrf_token(page.text), "x": "a" * (3 * 1024 * 1024)})
    assert reply.status_code == 413
    assert "That was too much to send" in reply.text
