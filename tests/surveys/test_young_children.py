"""The template for children aged 4 to 7, who answer with a grown-up reading it out to them."""

from __future__ import annotations

from participation.db import db
from participation.surveys.models import Survey
from tests.helpers import post_form
from tests.respond.helpers import field_names, post_page, send, stored_answers
from tests.surveys.helpers import create_survey, stored_survey


def _published(app, client) -> tuple[int, str]:
    survey_id = create_survey(client, "How are things for you", "young-4-7")
    post_form(client, f"/surveys/{survey_id}/publish", {}, form_page=f"/surveys/{survey_id}")
    return survey_id, stored_survey(app, id=survey_id).slug


def test_the_template_gives_five_short_questions_and_one_box_to_say_more(app, login_as):
    client = login_as("officer")
    assert "Survey for children aged 4 to 7, answered with a grown-up" in client.get("/surveys/new").text
    survey_id = create_survey(client, "Little ones", "young-4-7")
    with app.app_context():
        survey = db.session.get(Survey, survey_id)
        questions = survey.ordered_questions
        assert survey.audience == "cared-for-4-7" and survey.age_band == "4-7"
        assert [q.kind for q in questions] == ["faces", "yesno", "yesno", "faces", "yesno", "text"]
        assert "Do you like where you live?" in [q.text for q in questions]
        assert questions[-1].text == "Is there anything you want to tell us?" and not questions[-1].required
        assert all(len(q.text.split()) <= 8 for q in questions)
        for words in ("read each question out loud", "point", "put words in their mouth"):
            assert words in survey.intro
    assert "aged 4 to 7" in client.get(f"/surveys/{survey_id}").text


def test_a_child_answers_it_with_a_grown_up_and_every_answer_is_kept(app, login_as):
    _, slug = _published(app, login_as("officer"))
    child = app.test_client()
    intro = child.get(f"/s/{slug}")
    assert "For the grown-up helping" in intro.text
    names = field_names(app, slug)
    first = post_page(child, slug, 1, {names[0]: "4", names[1]: "yes", names[2]: "no"})
    assert first.status_code == 302, first.text
    page = child.get(f"/s/{slug}/2")
    assert 'data-listen="Listen"' in page.text  # the Listen button is offered on every question page
    second = post_page(child, slug, 2, {names[3]: "2", names[4]: "yes", names[5]: "I have a new puppy"})
    assert second.status_code == 302, second.text
    check = child.get(f"/s/{slug}/check")
    assert "I have a new puppy" in check.text
    assert send(child, slug, check.text).status_code == 302
    assert sorted(stored_answers(app)) == sorted([
        ("How do you feel at home?", "4", None), ("Do you like where you live?", "yes", None),
        ("Is there a grown-up you can talk to?", "no", None), ("How do you feel at school?", "2", None),
        ("Do you get to play with your friends?", "yes", None),
        ("Is there anything you want to tell us?", None, "I have a new puppy")])


def test_every_question_can_be_skipped(app, login_as):
    _, slug = _published(app, login_as("officer"))
    child = app.test_client()
    for number in (1, 2):
        assert post_page(child, slug, number, {}).status_code == 302
    assert child.get(f"/s/{slug}/check").status_code == 200
