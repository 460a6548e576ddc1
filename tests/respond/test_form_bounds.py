"""A page accepts only what its form offers: each question its own answers, each at most once, and
no more fields than the page has. Anything else is refused with nothing kept."""

from __future__ import annotations

from urllib.parse import urlencode

from sqlalchemy import func, select

from participation.db import db
from participation.respond.models import Answer, AnswerTally, Draft
from tests.helpers import csrf_token
from tests.respond.helpers import answer_demo, count_responses, field_names, send

REFUSED = "What was sent does not match the questions on this page, so none of it was kept."


def _tally(app, choice: str) -> int:
    with app.app_context():
        return db.session.scalar(select(func.coalesce(func.sum(AnswerTally.count), 0))
                                 .where(AnswerTally.choice == choice))


def _drafts(app) -> list[dict]:
    with app.app_context():
        return [dict(d.answers) for d in db.session.scalars(select(Draft))]


def _post_pairs(client, number: int, pairs: list[tuple[str, str]]):
    page = client.get(f"/s/demo/{number}")
    body = urlencode([("csrf_token", csrf_token(page.text)), *pairs])
    return client.post(f"/s/demo/{number}", data=body, content_type="application/x-www-form-urlencoded")


def test_a_tick_box_repeated_5000_times_stores_nothing_and_totals_do_not_move(client, app, demo):
    names = field_names(app, "demo")
    before = _tally(app, "my-pa")
    reply = _post_pairs(client, 2, [(names[3], "3")] + [(names[4], "my-pa")] * 5000)
    assert reply.status_code == 400
    assert REFUSED in reply.text
    assert "<title>Error:" in reply.text
    assert _drafts(app) == []  # not even the scale answer sent beside it
    assert _tally(app, "my-pa") == before and count_responses(app) == 0


def test_a_choice_sent_twice_or_a_second_radio_value_is_refused(client, app, demo):
    names = field_names(app, "demo")
    assert _post_pairs(client, 2, [(names[3], "3"), (names[4], "my-pa"), (names[4], "my-pa")]).status_code == 400
    assert _post_pairs(client, 1, [(names[0], "4"), (names[0], "5"), (names[1], "yes"),
                                   (names[2], "foster-carers")]).status_code == 400
    assert _drafts(app) == []


def test_a_field_from_another_page_or_unknown_is_refused(client, app, demo):
    names = field_names(app, "demo")
    page_one = [(names[0], "4"), (names[1], "yes"), (names[2], "foster-carers")]
    assert _post_pairs(client, 1, page_one + [(names[5], "kept")]).status_code == 400
    assert _post_pairs(client, 1, page_one + [("x", "1")]).status_code == 400
    assert _drafts(app) == []
    # The same answers as the form sends them are kept.
    assert _post_pairs(client, 1, page_one).status_code == 302
    assert _drafts(app) == [{names[0]: "4", names[1]: "yes", names[2]: "foster-carers"}]


def test_every_choice_of_a_several_choices_question_is_accepted_once_each(client, app, demo):
    names = field_names(app, "demo")
    reply = _post_pairs(client, 2, [(names[3], "3"), (names[4], "my-pa"), (names[4], "a-friend")])
    assert reply.status_code == 302


def test_a_kept_answer_holding_a_choice_twice_is_stored_and_counted_once(client, app, demo):
    names = field_names(app, "demo")
    check = answer_demo(client, app)
    with app.app_context():  # as a draft written before pages were bounded could hold
        draft = db.session.scalars(select(Draft)).one()
        draft.answers = {**draft.answers, names[4]: ["my-pa"] * 50 + ["a-friend"]}
        db.session.commit()
    before = _tally(app, "my-pa")
    assert send(client, "demo", check).status_code == 302
    assert _tally(app, "my-pa") == before + 1
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Answer).where(Answer.choice == "my-pa")) == 1
