"""'Show this question' in two steps: a question on an earlier page, then one or more of its answers; the preview
follows the conditions as a young person meets them. Copying a question, and moving one to another page."""

from __future__ import annotations

import html
import re

import pytest

from participation.auth.models import AuditEntry
from participation.db import db
from participation.reports.results import Figures
from participation.surveys.models import Question, Survey
from tests.helpers import post_form
from tests.surveys.helpers import add_question, stored_survey

FEELING = "How do you feel about where you live?"  # the demo's faces question, on page 1
SAD_OR_VERY_SAD = "“Very sad” or “Sad”"


def _ids(app, survey_id):
    with app.app_context():
        survey = db.session.get(Survey, survey_id)
        by_text = {q.text: q.id for q in survey.ordered_questions}
        return by_text, [s.id for s in survey.sections]


@pytest.fixture
def building(app, login_as, demo):
    """An officer adding questions to the demo survey: (client, survey id, question ids by text, page ids)."""
    client = login_as("officer")
    survey_id = stored_survey(app, slug="demo").id
    questions, pages = _ids(app, survey_id)
    return client, survey_id, questions, pages


def _listed(page: str) -> list[str]:
    select = re.search(r'<select[^>]*id="show_if".*?</select>', page, re.S).group(0)
    return [html.unescape(label) for label in re.findall(r"<option[^>]*>(.*?)</option>", select)]


def test_only_questions_with_answers_on_earlier_pages_are_offered(app, building):
    client, survey_id, questions, pages = building
    first_page = client.post(f"/surveys/{survey_id}/questions/new", data={
        "section": str(pages[0]), "choose_answers": "1"}).text
    assert _listed(first_page) == ["To everyone"]
    second_page = client.post(f"/surveys/{survey_id}/questions/new", data={
        "section": str(pages[1]), "choose_answers": "1"}).text
    offered = _listed(second_page)
    assert f"Only to those who answered “{FEELING}” in a certain way" in offered
    assert not any("How much do adults listen" in o for o in offered)  # page 2 itself
    assert not any("best thing" in o for o in offered)  # written answers have nothing to choose


def test_choosing_a_question_lists_its_answers_and_saves_nothing(app, building):
    client, survey_id, questions, pages = building
    page = client.post(f"/surveys/{survey_id}/questions/new", data={
        "kind": "yesno", "text": "", "section": str(pages[1]), "show_if": str(questions[FEELING]),
        "choose_answers": "1"}).text
    assert "error-summary" not in page  # an empty question is not an error yet
    boxes = re.findall(r'type="checkbox" id="show_if_values[^"]*" name="show_if_values" value="(\d)"', page)
    assert boxes == ["1", "2", "3", "4", "5"] and "Very sad" in page
    assert _ids(app, survey_id)[0] == questions


def test_a_question_shown_for_two_answers(app, building):
    client, survey_id, questions, pages = building
    reply = add_question(client, app, survey_id, text="What would help you feel better at home?", kind="text",
                 section=str(pages[1]), show_if=str(questions[FEELING]), show_if_values=["1", "2"])
    assert reply.status_code == 302, reply.text
    with app.app_context():
        added = db.session.scalars(db.select(Question).where(Question.text.like("What would help%"))).one()
        assert added.show_if_question_id == questions[FEELING] and added.show_if_values == ["1", "2"]
        assert added.is_shown({f"q{questions[FEELING]}": "2"}) and added.is_shown({f"q{questions[FEELING]}": "1"})
        assert not added.is_shown({f"q{questions[FEELING]}": "3"}) and not added.is_shown({})
        added_id = added.id
    assert html.escape(f"shown only if “{FEELING}” is answered ", quote=False) + SAD_OR_VERY_SAD in \
        client.get(f"/surveys/{survey_id}").text
    edit = client.get(f"/surveys/{survey_id}/questions/{added_id}").text  # kept when changed later
    assert re.findall(r'name="show_if_values" value="(\d)" checked', edit) == ["1", "2"]


def test_a_question_chosen_with_no_answer_ticked_says_so_on_the_answers(app, building):
    client, survey_id, questions, pages = building
    page = add_question(client, app, survey_id, section=str(pages[1]), show_if=str(questions[FEELING])).text
    message = html.escape(f"Tick one or more answers to “{FEELING}” that show this question.", quote=False)
    assert page.count(message) == 2 and f'<a href="#show_if_values">{message}</a>' in page
    assert 'id="show_if_values-error"' in page


def test_several_answers_of_a_choose_any_question_are_refused(app, building):
    client, survey_id, questions, pages = building
    talk = "Who can you talk to when something is wrong?"
    with app.app_context():
        values = [o.value for o in db.session.get(Question, questions[talk]).options][:2]
        last_page = db.session.get(Question, questions["What is one thing we should change?"]).section_id
    page = add_question(client, app, survey_id, section=str(last_page), show_if=str(questions[talk]),
                show_if_values=values).text
    assert "so tick just one of them here" in page


def test_a_question_on_the_same_page_is_refused(app, building):
    client, survey_id, questions, pages = building
    page = add_question(client, app, survey_id, section=str(pages[0]), show_if=str(questions[FEELING]),
                show_if_values=["1"]).text
    assert "must use a question on an earlier page" in page


def test_the_preview_follows_a_two_answer_condition(app, building):
    client, survey_id, questions, pages = building
    asked = "What would help you feel better at home?"
    add_question(client, app, survey_id, text=asked, kind="text", section=str(pages[1]), show_if=str(questions[FEELING]),
         show_if_values=["1", "2"])
    first = client.get(f"/surveys/{survey_id}/preview/1").text
    form = first.split("<form")[-1]
    assert 'method="get"' in form and f'action="/surveys/{survey_id}/preview/2"' in form
    assert 'name="csrf_token"' not in form
    field = f"q{questions[FEELING]}"
    sad = client.get(f"/surveys/{survey_id}/preview/2?{field}=2").text
    assert asked in sad and f'<input type="hidden" name="{field}" value="2">' in sad
    very_sad = client.get(f"/surveys/{survey_id}/preview/2?{field}=1").text
    assert asked in very_sad
    happy = client.get(f"/surveys/{survey_id}/preview/2?{field}=4").text
    assert html.escape(f"“{asked}”, shown only if", quote=False) in happy  # listed as not shown ...
    assert f'name="q{_ids(app, survey_id)[0][asked]}"' not in happy  # ... and not asked
    back = re.search(r'<a href="([^"]+)" class="back-link">Back</a>', happy).group(1)
    assert back == f"/surveys/{survey_id}/preview/1?{field}=4"
    assert re.search(r'value="4"[^>]*checked', client.get(back).text)  # the answer tried is still chosen


def test_results_count_those_shown_a_question_from_each_of_its_answers():
    question = Question(show_if_question_id=7, show_if_value="1\n2")
    figures = Figures(total=20, answered={}, chosen={(7, "1"): 3, (7, "2"): 4, (7, "3"): 9})
    assert figures.shown(question) == 7


def test_a_copied_question_comes_just_after_it_with_its_answers_and_opens_to_be_changed(app, building):
    client, survey_id, questions, pages = building
    original = questions["Who do you live with now?"]
    copied = post_form(client, f"/surveys/{survey_id}/questions/{original}/copy", {},
                       form_page=f"/surveys/{survey_id}")
    with app.app_context():
        page = db.session.get(Survey, survey_id).sections[0].questions
        texts = [q.text for q in page]
        at = texts.index("Who do you live with now?")
        source, copy = page[at], page[at + 1]
        assert copy.id != source.id and copy.text == source.text and copy.kind == source.kind
        assert [o.label for o in copy.options] == [o.label for o in source.options]
        assert len(texts) == len(set(texts)) + 1  # one more question, nothing else moved off the page
        copy_id = copy.id
        assert db.session.scalars(db.select(AuditEntry.action).where(AuditEntry.action == "question.copied")).all()
    assert copied.headers["Location"].endswith(f"/surveys/{survey_id}/questions/{copy_id}")
    assert "This is the copy, just after it on its page" in client.get(copied.headers["Location"]).text


def test_a_question_moves_to_another_page_unless_a_question_there_depends_on_it(app, building):
    client, survey_id, questions, pages = building
    add_question(client, app, survey_id, text="What would help?", kind="text", section=str(pages[1]),
         show_if=str(questions[FEELING]), show_if_values=["1"])
    moved = _add_fields(questions[FEELING], app, survey_id, section=str(pages[1]))
    refused = post_form(client, f"/surveys/{survey_id}/questions/{questions[FEELING]}", moved).text
    message = html.escape("“What would help?” is shown only after this question is answered", quote=False)
    assert message in refused and '<a href="#section">' in refused
    safe = questions["Do you feel safe where you live?"]
    reply = post_form(client, f"/surveys/{survey_id}/questions/{safe}", _add_fields(safe, app, survey_id,
                                                                                   section=str(pages[-1])))
    assert reply.status_code == 302
    with app.app_context():
        question = db.session.get(Question, safe)
        assert question.section_id == pages[-1] and question.section.questions[-1].id == safe


def _add_fields(question_id, app, survey_id, **changed):
    """The question form as it stands for a question, with some fields changed."""
    with app.app_context():
        q = db.session.get(Question, question_id)
        fields = {"kind": q.kind, "text": q.text, "help": q.help, "theme_id": str(q.theme_id or ""),
                  "section": str(q.section_id), "show_if": "", "options": "\n".join(o.label for o in q.options)}
        if q.required:
            fields["required"] = "y"
    return {**fields, **changed}
