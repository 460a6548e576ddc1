"""Sharing a survey: the link in a box to copy, the QR code as PNG and SVG, a poster that says what young people
need to know, and links with letters such as "ŵ" that work everywhere."""

from __future__ import annotations

import html
import struct
from datetime import date

from participation.db import db
from participation.surveys import sharing
from participation.surveys.models import Survey
from tests.conftest import post_form
from tests.surveys.test_builder import _add, _create, _survey


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_the_share_page_has_the_link_in_a_box_and_the_qr_code_as_png_and_svg(app, login_as, demo):
    client = login_as("officer")
    survey = _survey(app, slug="demo")
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
    survey = _survey(app, slug="demo")
    with app.app_context():
        stored = db.session.get(Survey, survey.id)
        stored.closes_on = date(2027, 1, 31)
        db.session.commit()
    poster = client.get(f"/surveys/{survey.id}/poster").text
    assert f"<h1>{html.escape(survey.title)}</h1>" in poster and "Open until 31 January 2027." in poster
    assert "You need a code" not in poster
    post_form(client, f"/surveys/{survey.id}/share", {"code": "BLUE42"})
    app.config.update(COUNCIL_HELP_NAME="the Children in Care Council team", COUNCIL_HELP_PHONE="01234 567890")
    poster = client.get(f"/surveys/{survey.id}/poster").text
    assert ("You need a code to start. Ask the Children in Care Council team for it: call 01234 567890."
            in poster)
    assert "BLUE42" not in poster  # the code itself is never on a poster anyone can read


def test_a_link_name_with_welsh_letters_shares_and_opens(app, login_as):
    client = login_as("officer")
    survey_id = _create(client, "Arolwg yr ŵyl")
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
    _add(client, app, survey_id)
    post_form(client, f"/surveys/{survey_id}/publish", {}, form_page=f"/surveys/{survey_id}")
    assert "Arolwg yr ŵyl" in app.test_client().get("/s/arolwg-yr-%C5%B5yl").text

