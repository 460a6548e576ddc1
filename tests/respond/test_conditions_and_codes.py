"""'Show this question if', with JavaScript off, and access codes for closed groups."""

from __future__ import annotations


from participation.core.transaction import transaction
from participation.db import db
from participation.surveys.builder import BuilderError, QuestionInput, add_question
from tests.helpers import csrf_token
from tests.factories import make_survey
from tests.respond.helpers import count_responses, post_page, send, stored_answers


def _conditional_survey(app, **fields):
    with app.app_context(), transaction(db.session):
        survey = make_survey(db.session, "contact", sections=[
            {"title": "Your family", "questions": [
                {"kind": "yesno", "text": "Do you have brothers or sisters in care?", "required": True}]},
            {"title": "Seeing them", "questions": [
                {"kind": "faces", "text": "How do you feel about where you live?", "required": True}]},
        ], **fields)
        source = survey.ordered_questions[0]
        question = add_question(db.session, None, survey, QuestionInput(
            kind="text", text="Tell us about seeing your brothers or sisters", required=True,
            section_id=survey.sections[1].id, show_if_question_id=source.id, show_if_values=["yes"]))
        return source.field_name, survey.ordered_questions[1].field_name, question.field_name


def test_conditional_question_shows_only_when_its_condition_holds(app, client):
    source, faces, conditional = _conditional_survey(app)
    post_page(client, "contact", 1, {source: "no"})
    page = client.get("/s/contact/2").text
    assert "Tell us about seeing your brothers or sisters" not in page
    # Hidden questions are never required.
    assert post_page(client, "contact", 2, {faces: "4"}).headers["Location"].endswith("/s/contact/check")

    post_page(client, "contact", 1, {source: "yes"})
    page = client.get("/s/contact/2").text
    assert "Tell us about seeing your brothers or sisters" in page
    missing = post_page(client, "contact", 2, {faces: "4"})
    assert "Write an answer for “Tell us about seeing your brothers or sisters" in missing.text


def test_an_answer_hidden_by_a_changed_answer_is_not_stored(app, client):
    source, faces, conditional = _conditional_survey(app)
    post_page(client, "contact", 1, {source: "yes"})
    post_page(client, "contact", 2, {faces: "3", conditional: "I see my sister every month"})
    post_page(client, "contact", 1, {source: "no"}, query_string={"change": "1"})
    check = client.get("/s/contact/check").text
    assert "I see my sister every month" not in check
    send(client, "contact", check)
    assert count_responses(app) == 1
    assert all(text != "I see my sister every month" for _, _, text in stored_answers(app))


def test_conditions_must_use_an_earlier_page(app):
    with app.app_context():
        survey = make_survey(db.session, "same-page")
        source = survey.ordered_questions[0]
        try:
            add_question(db.session, None, survey, QuestionInput(
                kind="text", text="Why?", section_id=survey.sections[0].id,
                show_if_question_id=source.id, show_if_values=["no"]))
        except BuilderError as error:
            assert "earlier page" in str(error)
        else:
            raise AssertionError("a condition on the same page was accepted")


def test_access_code_is_asked_for_before_the_first_question(app, client):
    with app.app_context():
        make_survey(db.session, "cicc-only", access_code="Tigers7")
    assert client.get("/s/cicc-only/1").headers["Location"].endswith("/s/cicc-only")
    intro = client.get("/s/cicc-only")
    assert "Type the code you were given" in intro.text
    wrong = client.post("/s/cicc-only/code", data={"csrf_token": csrf_token(intro.text), "code": "lions"})
    assert "That code is not right." in wrong.text and 'value="lions"' in wrong.text
    right = client.post("/s/cicc-only/code", data={"csrf_token": csrf_token(intro.text), "code": " tigers7 "})
    assert right.headers["Location"].endswith("/s/cicc-only/1")
    assert client.get("/s/cicc-only/1").status_code == 200


def test_guessing_access_codes_is_slowed_down(app, client):
    with app.app_context():
        make_survey(db.session, "guarded", access_code="Tigers7")
    token = csrf_token(client.get("/s/guarded").text)
    replies = [client.post("/s/guarded/code", data={"csrf_token": token, "code": f"guess{n}"}).status_code
               for n in range(12)]
    assert replies[:10] == [200] * 10
    assert replies[10] == 429
    assert "Too many wrong codes have been typed" in client.post("/s/guarded/code", data={"csrf_token": token, "code": "x"}).text
