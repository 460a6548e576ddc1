"""Sharing a survey: the link in a box to copy, the QR code as PNG and SVG, a poster that says what young people
need to know, and links with letters such as "ŵ" that work everywhere."""

from __future__ import annotations

import html
import re
import struct
from datetime import date

import pytest

from participation.db import db
from participation.surveys import sharing
from participation.surveys.models import Survey
from tests.helpers import csrf_token, post_form
from tests.surveys.helpers import add_question, create_survey, stored_survey


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_the_share_page_has_the_link_in_a_box_and_the_qr_code_as_png_and_svg(app, login_as, demo):
    client = login_as("officer")
    survey = stored_survey(app, slug="demo")
    share = client.get(f"/surveys/{survey.id}/share").text
    link = "https://have-your-say.council.example/s/demo"
    assert f'id="share-link" type="text" readonly value="{link}"' in share
    assert 'data-copy="share-link"' in share and "hidden>Copy the link</button>" in share  # shown by copy.js
    assert f'href="/surveys/{survey.id}/qr.png" download' in share and f'href="/surveys/{survey.id}/qr.svg" download' in share
    png = client.get(f"/surveys/{survey.id}/qr.png")
    assert png.status_code == 200 and png.mimetype == "image/png"
    assert 'filename="demo-qr.png"' in png.headers["Content-Disposition"]
    width, height = _png_size(png.data)
    modules = sharing._code(link).symbol_size(scale=1, border=2)[0]
    assert width == height == modules * 10  # ten pixels a square, sharp enough for an A4 poster
    assert png.data == sharing.qr_png(link)
    script = client.get("/static/js/copy.js")
    assert script.status_code == 200 and b"navigator.clipboard" in script.data


def test_the_poster_has_the_title_the_closing_date_and_who_to_ask_for_the_code(app, login_as, demo):
    client = login_as("officer")
    survey = stored_survey(app, slug="demo")
    with app.app_context():
        stored = db.session.get(Survey, survey.id)
        stored.closes_on = date(2027, 1, 31)
        db.session.commit()
    poster = client.get(f"/surveys/{survey.id}/poster").text
    assert f"<h1>{html.escape(survey.title)}</h1>" in poster and "Open until 31 January 2027." in poster
    assert "You need a code" not in poster
    assert post_form(client, f"/surveys/{survey.id}/share", {"code": "blue-otter-lantern-pickle"}).status_code == 302
    app.config.update(COUNCIL_HELP_NAME="the Children in Care Council team", COUNCIL_HELP_PHONE="01234 567890")
    poster = client.get(f"/surveys/{survey.id}/poster").text
    assert ("You need a code to start. Ask the Children in Care Council team for it: call 01234 567890."
            in poster)
    assert "blue-otter-lantern-pickle" not in poster  # the code itself is never on a poster anyone can read


def test_a_link_name_with_welsh_letters_shares_and_opens(app, login_as):
    client = login_as("officer")
    survey_id = create_survey(client, "Arolwg yr ŵyl")
    with app.app_context():
        slug = db.session.get(Survey, survey_id).slug
    assert slug == "arolwg-yr-ŵyl"
    share = client.get(f"/surveys/{survey_id}/share")
    assert share.status_code == 200
    assert 'value="https://have-your-say.council.example/s/arolwg-yr-%C5%B5yl"' in share.text
    assert "It reads https://have-your-say.council.example/s/arolwg-yr-ŵyl." in share.text
    for kind in ("png", "svg"):
        download = client.get(f"/surveys/{survey_id}/qr.{kind}")
        assert download.status_code == 200
        assert "filename*=UTF-8''arolwg-yr-%C5%B5yl-qr." + kind in download.headers["Content-Disposition"]
    assert "arolwg-yr-ŵyl" in client.get(f"/surveys/{survey_id}/poster").text
    add_question(client, app, survey_id)
    post_form(client, f"/surveys/{survey_id}/publish", {}, form_page=f"/surveys/{survey_id}")
    assert "Arolwg yr ŵyl" in app.test_client().get("/s/arolwg-yr-%C5%B5yl").text



def _code_hidden_in_use_this_code(share: str) -> str:
    match = re.search(r'<input type="hidden" name="code" value="([a-z-]+)">', share)
    assert match, "the share page offers a made-up code"
    return match.group(1)


@pytest.mark.parametrize("weak", ["Tigers7", "BLUE42", "password", "summer2026", "1234-5678", "Demo survey",
                                  # guessable words with hyphens between them, accepted before
                                  "council-care-2026", "care-council-2026", "survey-code-2026", "council-care-test",
                                  "cared-for-children"])
def test_a_code_that_would_be_easy_to_guess_is_refused_with_a_strong_one_offered(app, login_as, demo, weak):
    client = login_as("officer")
    survey = stored_survey(app, slug="demo")
    with app.app_context():
        title = db.session.get(Survey, survey.id).title
    weak = title if weak == "Demo survey" else weak  # the survey's own title is guessed first
    refused = post_form(client, f"/surveys/{survey.id}/share", {"code": weak})
    assert refused.status_code == 200
    assert "That code would be too easy to guess, so someone trying codes could find it." in html.unescape(refused.text)
    offered = re.search(r"like this one made up for you: ([a-z]+(?:-[a-z]+){3})", refused.text)
    assert offered, "the refusal offers a code of four words"
    with app.app_context():
        assert db.session.get(Survey, survey.id).access_code == ""  # nothing was saved
    assert post_form(client, f"/surveys/{survey.id}/share", {"code": offered.group(1)}).status_code == 302
    with app.app_context():
        assert db.session.get(Survey, survey.id).access_code == offered.group(1)


def test_the_made_up_code_can_be_used_with_one_button_and_opens_the_survey(app, login_as, demo):
    client = login_as("officer")
    survey = stored_survey(app, slug="demo")
    share = client.get(f"/surveys/{survey.id}/share").text
    code = _code_hidden_in_use_this_code(share)
    assert f'A code made up for you: <span class="code">{code}</span>' in share
    assert len(code.split("-")) == 4 and len(code) <= 40
    assert client.post(f"/surveys/{survey.id}/share", data={"csrf_token": csrf_token(share), "code": code}).status_code == 302
    young = app.test_client()
    page = young.get("/s/demo")
    assert young.post("/s/demo/code", data={"csrf_token": csrf_token(page.text), "code": code.upper()}).status_code == 302


def test_made_up_codes_are_four_of_many_words_and_never_repeat(app):
    from participation.surveys import codes
    assert len(set(codes.WORDS)) == len(codes.WORDS) >= 400
    assert all(w.isalpha() and w.islower() and 3 <= len(w) <= 8 for w in codes.WORDS)
    with app.app_context():
        made = {codes.made_up_code() for _ in range(50)}
    assert len(made) == 50 and all(codes.is_strong(code) for code in made)


def test_a_weak_code_set_before_is_pointed_out(app, login_as, demo):
    client = login_as("officer")
    survey = stored_survey(app, slug="demo")
    with app.app_context():
        db.session.get(Survey, survey.id).access_code = "Tigers7"
        db.session.commit()
    assert "The code set now would be easy to guess." in client.get(f"/surveys/{survey.id}/share").text
