"""A request too big for the app: staff uploading a file see a staff page that says the file is too big, how big
a file the page takes and leads back to the form; young people keep their own page."""

from __future__ import annotations

import html
import io

import pytest
from sqlalchemy import func, select

from participation.db import db
from participation.pledges.models import Promise, PledgeVersion
from participation.scorecard.models import Measure
from participation.tracker.models import YouSaid
from tests.helpers import csrf_token

BIG = b"You said,We did\n" + b"x" * (3 * 1024 * 1024)


def _text(reply) -> str:
    return " ".join(html.unescape(reply.text).split())


def _stored(app) -> tuple[int, ...]:
    with app.app_context():
        return tuple(db.session.scalar(select(func.count()).select_from(model)) for model in (YouSaid, Measure, Promise))


@pytest.mark.parametrize("url, limit", [("/tracker/import", "1 MB"), ("/scorecard/import", "1 MB")])
def test_a_staff_upload_over_the_limit_gets_a_staff_page_with_the_limit_and_a_way_back(app, login_as, url, limit):
    officer = login_as("officer")
    page = officer.get(url)
    reply = officer.post(url, data={"csrf_token": csrf_token(page.text), "step": "import",
                                    "upload": (io.BytesIO(BIG), "tracker.csv")}, content_type="multipart/form-data")
    assert reply.status_code == 413
    text = _text(reply)
    assert "The file is too big" in text
    assert f"This page takes files of up to {limit}, and the file you chose is bigger. Nothing was imported." in text
    assert f'<a href="{url}">go back to the upload form</a>' in reply.text
    assert "css/staff.css" in reply.text and 'aria-label="Staff"' in reply.text  # the staff pages' look and menu
    assert "make your answer shorter" not in text  # the young people's words are not shown to staff
    assert _stored(app) == (0, 0, 0)


def test_the_pledge_upload_names_its_own_limit(app, demo, login_as):
    officer = login_as("officer")
    with app.app_context():
        version_id = db.session.scalar(select(PledgeVersion.id).order_by(PledgeVersion.id.desc()))
        promises = db.session.scalar(select(func.count()).select_from(Promise))
    url = f"/pledges/versions/{version_id}/add"
    page = officer.get(url)
    reply = officer.post(url, data={"csrf_token": csrf_token(page.text), "step": "preview",
                                    "upload": (io.BytesIO(BIG), "promises.csv")}, content_type="multipart/form-data")
    assert reply.status_code == 413
    assert "This page takes files of up to 512 KB" in _text(reply)
    assert f'<a href="{url}">go back to the upload form</a>' in reply.text
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Promise)) == promises


def test_another_staff_form_sent_too_big_says_so_on_a_staff_page(app, login_as):
    officer = login_as("officer")
    page = officer.get("/surveys/new")
    reply = officer.post("/surveys/new", data={"csrf_token": csrf_token(page.text), "title": "x" * (3 * 1024 * 1024)})
    assert reply.status_code == 413
    text = _text(reply)
    assert "This page takes up to 2 MB at once, and what was sent is bigger. Nothing was saved." in text
    assert '<a href="/surveys/new">Go back to the page</a>' in reply.text and "css/staff.css" in reply.text


def test_young_people_keep_their_own_page(client, demo):
    page = client.get("/s/demo/4")
    reply = client.post("/s/demo/4", data={"csrf_token": csrf_token(page.text), "x": "a" * (3 * 1024 * 1024)})
    assert reply.status_code == 413
    assert "That was too much to send" in reply.text and "make your answer shorter" in reply.text
    assert "css/staff.css" not in reply.text and "upload form" not in reply.text
    help_page = client.post("/get-help", data={"message": "a" * (3 * 1024 * 1024)})
    assert help_page.status_code == 413 and "make your answer shorter" in help_page.text
