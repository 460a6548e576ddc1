"""A participation officer builds, edits, publishes, copies and shares a survey."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from participation.auth.models import AuditEntry
from participation.db import db
from participation.respond.models import Draft, Response
from participation.surveys.models import Question, Survey
from participation.surveys.question_types import QUESTION_TYPES
from participation.surveys.starters import STARTERS
from tests.helpers import post_form
from tests.respond.helpers import answer_demo, send
from tests.surveys.helpers import add_question, create_survey, stored_survey


@pytest.mark.parametrize("starter", list(STARTERS))
def test_each_template_makes_a_draft_written_for_its_audience(app, login_as, starter):
    client = login_as("officer")
    survey_id = create_survey(client, f"Survey from {starter}", starter)
    page = client.get(f"/surveys/{survey_id}")
    assert "Draft" in page.text
    with app.app_context():
        survey = db.session.get(Survey, survey_id)
        assert survey.status == "draft" and survey.audience == STARTERS[starter].spec["audience"]
        assert len(survey.ordered_questions) >= 3
        if starter == "annual-8-11":
            assert {q.kind for q in survey.ordered_questions} >= {"faces"}
            assert "scale" not in {q.kind for q in survey.ordered_questions}


def test_officer_adds_every_kind_of_question_and_it_is_audited(app, login_as):
    client = login_as("officer")
    survey_id = create_survey(client, "Blank one")
    for kind in QUESTION_TYPES:
        reply = add_question(client, app, survey_id, kind=kind, text=f"A {kind} question",
                     options="Yes please\nNo thanks" if kind in ("single", "multiple") else "")
        assert reply.status_code == 302, reply.text
    with app.app_context():
        kinds = [q.kind for q in db.session.get(Survey, survey_id).ordered_questions]
        assert kinds == list(QUESTION_TYPES)
        actions = db.session.scalars(select(AuditEntry.action)).all()
        assert actions.count("question.added") == len(QUESTION_TYPES) and "survey.created" in actions


def test_question_form_errors_are_plain_and_keep_what_was_typed(app, login_as):
    client = login_as("officer")
    survey_id = create_survey(client, "Blank one")
    reply = add_question(client, app, survey_id, kind="single", text="Who do you live with?", options="Only one")
    assert reply.status_code == 200
    assert "Give at least two answers to choose from, one on each line." in reply.text
    assert "Who do you live with?" in reply.text and "Only one" in reply.text
    empty = add_question(client, app, survey_id, text="")
    assert "Write the question." in empty.text


def test_markup_typed_by_staff_shows_as_text(app, login_as, client):
    officer = login_as("officer")
    survey_id = create_survey(officer, '<script>alert("t")</script>Title')
    add_question(officer, app, survey_id, kind="single", text='<img src=x onerror=alert(1)>Where?',
         options='<b>bold</b>\n<svg onload=alert(2)>')
    post_form(officer, f"/surveys/{survey_id}/publish", {}, form_page=f"/surveys/{survey_id}")
    slug = stored_survey(app, id=survey_id).slug
    for page in (officer.get("/surveys/").text, officer.get(f"/surveys/{survey_id}").text,
                 officer.get(f"/surveys/{survey_id}/share").text, app.test_client().get(f"/s/{slug}").text,
                 app.test_client().get(f"/s/{slug}/1").text):
        assert "<script>alert" not in page and "<img src=x" not in page and "<svg onload" not in page
        assert "<b>bold</b>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;Where?" in app.test_client().get(f"/s/{slug}/1").text


def test_publish_close_and_duplicate(app, login_as):
    client = login_as("officer")
    survey_id = create_survey(client, "Pledge topic", "cicc-topic")
    slug = stored_survey(app, id=survey_id).slug
    assert app.test_client().get(f"/s/{slug}").status_code == 404
    post_form(client, f"/surveys/{survey_id}/publish", {}, form_page=f"/surveys/{survey_id}")
    assert app.test_client().get(f"/s/{slug}").status_code == 200
    post_form(client, f"/surveys/{survey_id}/close", {}, form_page=f"/surveys/{survey_id}")
    assert app.test_client().get(f"/s/{slug}").status_code == 410
    copy = post_form(client, f"/surveys/{survey_id}/duplicate", {}, form_page=f"/surveys/{survey_id}")
    copy_id = int(copy.headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        original, duplicate = db.session.get(Survey, survey_id), db.session.get(Survey, copy_id)
        assert duplicate.status == "draft" and duplicate.slug != original.slug
        assert [q.text for q in duplicate.ordered_questions] == [q.text for q in original.ordered_questions]
        assert {q.id for q in duplicate.ordered_questions}.isdisjoint({q.id for q in original.ordered_questions})
        actions = set(db.session.scalars(select(AuditEntry.action)))
        assert {"survey.published", "survey.closed", "survey.duplicated"} <= actions


def test_a_survey_s_status_is_stored_as_the_plain_word_and_offers_close_only_while_open(app, login_as):
    client = login_as("officer")
    survey_id = create_survey(client, "Status words")
    add_question(client, app, survey_id, kind="text", text="Anything else?")
    close_link = f'href="/surveys/{survey_id}/close"'

    def stored() -> object:
        with app.app_context():
            return db.session.scalar(select(Survey.__table__.c.status).where(Survey.__table__.c.id == survey_id))

    assert stored() == "draft" and close_link not in client.get(f"/surveys/{survey_id}").text
    post_form(client, f"/surveys/{survey_id}/publish", {}, form_page=f"/surveys/{survey_id}")
    assert stored() == "open" and type(stored()) is str
    assert close_link in client.get(f"/surveys/{survey_id}").text
    post_form(client, f"/surveys/{survey_id}/close", {}, form_page=f"/surveys/{survey_id}")
    assert stored() == "closed" and close_link not in client.get(f"/surveys/{survey_id}").text


def test_publishing_an_empty_survey_is_refused(app, login_as):
    client = login_as("officer")
    survey_id = create_survey(client, "Nothing yet")
    reply = post_form(client, f"/surveys/{survey_id}/publish", {}, form_page=f"/surveys/{survey_id}")
    assert "Add at least one question before you publish." in client.get(reply.headers["Location"]).text


def test_edit_details_checks_dates_and_link_name(app, login_as):
    client = login_as("officer")
    survey_id = create_survey(client, "Care leavers 2026", "care-leavers")
    bad = post_form(client, f"/surveys/{survey_id}/details", {
        "title": "Care leavers 2026", "slug": "care-leavers-2026", "intro": "Hi", "audience": "care-leavers",
        "age_band": "16-25", "opens_on": "2026-12-10", "closes_on": "2026-12-01"})
    assert "The closing date must be on or after the opening date." in bad.text
    good = post_form(client, f"/surveys/{survey_id}/details", {
        "title": "Care leavers 2026", "slug": "Leavers 2026", "intro": "Tell us", "audience": "care-leavers",
        "age_band": "16-25", "opens_on": "2026-12-01", "closes_on": "2027-01-31"})
    assert good.status_code == 302
    survey = stored_survey(app, id=survey_id)
    assert survey.slug == "leavers-2026" and str(survey.closes_on) == "2027-01-31"


def test_answered_questions_cannot_be_deleted_or_change_kind_but_can_be_reworded(app, login_as, demo):
    young_person = app.test_client()
    send(young_person, "demo", answer_demo(young_person, app))
    client = login_as("officer")
    survey = stored_survey(app, slug="demo")
    with app.app_context():
        question = db.session.scalars(select(Question).where(Question.kind == "multiple")).one()
        qid, section_id = question.id, question.section_id
    delete = post_form(client, f"/surveys/{survey.id}/questions/{qid}/delete", {}, form_page=f"/surveys/{survey.id}")
    assert "cannot be deleted" in client.get(delete.headers["Location"]).text
    confirm = client.get(f"/surveys/{survey.id}/questions/{qid}/delete").text  # says why, with no button
    assert "already answered this question, so it cannot be deleted" in confirm and "Delete the question" not in confirm
    change_kind = post_form(client, f"/surveys/{survey.id}/questions/{qid}", {
        "kind": "single", "text": "Who can you talk to?", "section": str(section_id), "theme_id": "", "show_if": "",
        "options": "My carer or key worker\nMy social worker\nMy PA\nA teacher\nA friend\nSomeone in my family\nNobody"})
    assert "its kind cannot change" in change_kind.text
    drop_option = post_form(client, f"/surveys/{survey.id}/questions/{qid}", {
        "kind": "multiple", "text": "Who can you talk to?", "section": str(section_id), "theme_id": "", "show_if": "",
        "options": "My carer or key worker\nMy social worker\nMy PA"})
    assert "cannot be removed" in drop_option.text
    reword = post_form(client, f"/surveys/{survey.id}/questions/{qid}", {
        "kind": "multiple", "text": "Who do you talk to when things go wrong?", "section": str(section_id),
        "theme_id": "", "show_if": "",
        "options": "My carer\nMy social worker\nMy Personal Adviser (PA)\nA teacher\nA friend\nFamily\nNobody\nA pet"})
    assert reword.status_code == 302
    with app.app_context():
        question = db.session.get(Question, qid)
        assert question.text == "Who do you talk to when things go wrong?"
        assert [o.value for o in question.options][:3] == ["my-carer-or-key-worker", "my-social-worker", "my-pa"]
        assert question.options[2].label == "My Personal Adviser (PA)" and len(question.options) == 8
        assert db.session.scalar(select(func.count()).select_from(Response)) == 1


def test_reorder_questions_within_a_page(app, login_as, demo):
    client = login_as("officer")
    survey = stored_survey(app, slug="demo")
    with app.app_context():
        first, second = db.session.get(Survey, survey.id).sections[0].questions[:2]
        first_id, second_id = first.id, second.id
    post_form(client, f"/surveys/{survey.id}/questions/{second_id}/up", {}, form_page=f"/surveys/{survey.id}")
    with app.app_context():
        order = [q.id for q in db.session.get(Survey, survey.id).sections[0].questions]
    assert order[:2] == [second_id, first_id]


def test_preview_shows_what_a_young_person_sees_and_stores_nothing(app, login_as, demo):
    client = login_as("officer")
    survey = stored_survey(app, slug="demo")
    intro = client.get(f"/surveys/{survey.id}/preview/")
    assert "Nobody will know these answers are yours" in intro.text and "Preview" in intro.text
    page = client.get(f"/surveys/{survey.id}/preview/1")
    form = page.text.split("<form")[-1]
    assert "How do you feel about where you live?" in page.text
    # Its only button opens the next preview page: nothing goes to the young people's pages.
    assert 'method="get"' in form and f'action="/surveys/{survey.id}/preview/2"' in form and "/s/demo" not in form
    feeling = re.search(r'name="(q\d+)"', form).group(1)
    assert client.get(f"/surveys/{survey.id}/preview/2", query_string={feeling: "1"}).status_code == 200
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Draft)) == 0
        assert db.session.scalar(select(func.count()).select_from(Response)) == 0


def test_share_page_has_the_link_a_qr_code_and_a_poster(app, login_as, demo):
    client = login_as("officer")
    survey = stored_survey(app, slug="demo")
    share = client.get(f"/surveys/{survey.id}/share")
    assert "https://have-your-say.council.example/s/demo" in share.text
    assert "<svg" in share.text and 'class="qr"' in share.text
    poster = client.get(f"/surveys/{survey.id}/poster")
    assert "Nobody will know the answers are yours." in poster.text and "<svg" in poster.text
    svg = client.get(f"/surveys/{survey.id}/qr.svg")
    assert svg.mimetype == "image/svg+xml" and svg.data.startswith(b"<?xml")


def test_committee_members_cannot_build(app, login_as):
    client = login_as("committee")
    assert client.get("/surveys/").status_code == 403
    assert client.get("/surveys/new").status_code == 403


def test_response_counts_per_survey_and_per_day(app, login_as, demo):
    for _ in range(3):
        young_person = app.test_client()
        send(young_person, "demo", answer_demo(young_person, app))
    client = login_as("officer")
    listing = client.get("/surveys/").text
    assert re.search(r'Your life, your say</a></td>.*?<td class="num">3</td>', listing, re.S)
    survey = stored_survey(app, slug="demo")
    assert re.search(r'<td class="num">3</td>', client.get(f"/surveys/{survey.id}").text)


def test_share_links_qr_codes_and_posters_never_come_from_the_host_header(app, login_as, demo):
    from participation.surveys import sharing

    client = login_as("officer")
    survey = stored_survey(app, slug="demo")
    link = "https://have-your-say.council.example/s/demo"
    # The officer's own browser, its request's Host header changed on the way (a proxy that passes it on).
    client.set_cookie("session", client.get_cookie("session").value, domain="evil.example")
    forged = {"headers": {"Host": "evil.example", "X-Forwarded-Host": "evil.example"}}
    for path in ("share", "poster"):
        page = client.get(f"/surveys/{survey.id}/{path}", **forged)
        assert page.status_code == 200 and link in page.text and "evil.example" not in page.text, path
    svg = client.get(f"/surveys/{survey.id}/qr.svg", **forged).data.decode()
    assert svg == sharing.qr_svg(link, scale=10, standalone=True)
    assert svg != sharing.qr_svg("http://evil.example/s/demo", scale=10, standalone=True)
