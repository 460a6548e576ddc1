"""The journey has no dead ends: Back after sending, closed surveys, optional answers taken back,
faces that draw on every phone, one place to get help, and an honest time to answer."""

from __future__ import annotations

import re
from datetime import timedelta

from participation.db import db, today
from tests.factories import make_survey
from tests.respond.helpers import answer_demo, count_responses, field_names, post_page, send


def test_back_after_sending_says_the_answers_were_sent(client, app, demo):
    check = answer_demo(client, app)
    assert send(client, "demo", check).status_code == 302
    client.get("/s/demo/thanks")
    back = client.get("/s/demo/check")  # what Back from the thank-you page opens
    assert back.status_code == 200
    assert "Your answers were sent" in back.text
    assert "We could not find your answers" not in back.text and "Start again" not in back.text
    assert 'href="/you-said-we-did"' in back.text
    assert count_responses(app) == 1


def test_a_browser_that_never_sent_still_hears_its_answers_are_lost(client, demo):
    lost = client.get("/s/demo/check")
    assert lost.status_code == 410 and "We could not find your answers" in lost.text


def test_a_closed_or_not_yet_open_survey_links_to_the_board_and_open_surveys(client, app, demo):
    with app.app_context():
        make_survey(db.session, "last-year", title="Last year's survey", closes_on=today() - timedelta(days=1))
        make_survey(db.session, "soon", title="Next month", opens_on=today() + timedelta(days=9))
        make_survey(db.session, "group-only", title="Only for one group", access_code="TIGER")
    for slug in ("last-year", "soon"):
        page = client.get(f"/s/{slug}").text
        assert 'href="/you-said-we-did"' in page
        assert 'href="/s/demo"' in page  # the demo survey is open today
        assert "/s/group-only" not in page and f'href="/s/{slug}"' not in page
        assert 'href="/s/last-year"' not in page and 'href="/s/soon"' not in page


def test_the_faces_are_drawn_with_their_words_not_emoji(client, demo):
    page = client.get("/s/demo/1").text
    faces = re.search(r'<div class="radios faces">(.*?)</fieldset>', page, re.S).group(1)
    assert faces.count("<svg") == 5
    for word in ("Very sad", "Sad", "OK", "Happy", "Very happy"):
        assert f"</svg>{word}</label>" in faces
    assert not re.search(r"[\U0001F300-\U0001FAFF]", page)


def test_an_optional_choice_once_picked_can_be_taken_back(client, app, demo):
    names = field_names(app, "demo")
    page = client.get("/s/demo/1").text
    assert page.count("No answer") == 1  # only the optional question offers it, not the required two
    assert f'id="{names[2]}-none" name="{names[2]}" type="radio" value=""' in page
    post_page(client, "demo", 1, {names[0]: "4", names[1]: "yes", names[2]: "foster-carers"})
    post_page(client, "demo", 1, {names[0]: "4", names[1]: "yes", names[2]: ""}).status_code == 302
    again = client.get("/s/demo/1").text
    assert f'value="foster-carers" checked' not in again
    assert f'id="{names[2]}-none" name="{names[2]}" type="radio" value="" checked' in again
    check = client.get("/s/demo/check").text
    row = re.search(r"Who do you live with now\?</dt>\s*<dd[^>]*>(.*?)</dd>", check, re.S).group(1)
    assert row == "Skipped"


def test_the_thank_you_page_shows_help_once_whatever_was_said(app, demo):
    from tests.comments.helpers import HELP, send_two_comments

    worried, sent = send_two_comments(app, "nothing really", "i dont want to be here anymore")
    calm, calm_sent = send_two_comments(app, "my carers are kind", "more trips out")
    for browser, reply in ((worried, sent), (calm, calm_sent)):
        page = browser.get(reply.headers["Location"]).text
        assert page.count(HELP) == 1
        assert page.count('href="tel:08001111"') == 1 and page.count('href="tel:999"') == 1


def test_a_pledge_review_says_an_honest_time_and_skipping_once(app, client):
    from participation.pledges import services as pledges
    from participation.respond.services import minutes_to_answer
    from tests.pledges.helpers import imported_pledge

    twelve = "Involve me:\n" + "\n".join(f"We will keep promise number {n}." for n in range(1, 13)) + "\n"
    with app.app_context():
        version = imported_pledge(db.session, text=twelve)
        survey = pledges.create_review(db.session, None, version, pledges.ReviewOptions(slug="review"))
        survey.status = "open"
        # 12 promises, each with a comment box a young person may leave empty: 8 minutes, not 16.
        assert len(survey.ordered_questions) == 24 and minutes_to_answer(survey) == 8
        db.session.commit()
    intro = client.get("/s/review").text
    assert "It takes about 8 minutes." in intro
    assert intro.count("You can skip") == 1 and "skip any question." not in intro
    page = client.get("/s/review/1").text
    assert "You can skip" not in page
