"""Helpers that answer a survey through the client as a young person's browser would."""

from __future__ import annotations

from sqlalchemy import func, select

from participation.db import db
from participation.respond.models import Answer, Response
from tests.helpers import csrf_token, hidden_value

#: Valid answers for every page of the demo survey, by question position in the survey.
DEMO_ANSWERS: list[dict[int, object]] = [
    {0: "4", 1: "yes", 2: "foster-carers"},
    {3: "3", 4: ["my-pa", "a-friend"]},
    {5: "sometimes", 6: "kept"},
    {7: "My foster mum listens to me", 8: "=HYPERLINK(\"http://x\") and more time with my PA"},
]


def field_names(app, slug: str) -> list[str]:
    """Field names of the survey's questions, in the order a young person meets them."""
    from participation.surveys.services import survey_by_slug

    with app.app_context():
        return [q.field_name for q in survey_by_slug(db.session, slug).ordered_questions]


def post_page(client, slug: str, number: int, data: dict, **kwargs):
    """Fetch a page for its CSRF token, then post answers to it."""
    page = client.get(f"/s/{slug}/{number}", **kwargs)
    assert page.status_code == 200, page.status_code
    return client.post(f"/s/{slug}/{number}", data={"csrf_token": csrf_token(page.text), **data}, **kwargs)


def answer_demo(client, app, slug: str = "demo", **kwargs) -> str:
    """Answer every demo page validly; return the check page's HTML."""
    names = field_names(app, slug)
    for number, answers in enumerate(DEMO_ANSWERS, start=1):
        reply = post_page(client, slug, number, {names[i]: v for i, v in answers.items()}, **kwargs)
        assert reply.status_code == 302, reply.text
    check = client.get(f"/s/{slug}/check", **kwargs)
    assert check.status_code == 200
    return check.text


def send(client, slug: str, check_html: str, **kwargs):
    """Press "Send my answers" on a check page."""
    return client.post(f"/s/{slug}/check", data={
        "csrf_token": csrf_token(check_html), "token": hidden_value(check_html, "token"),
    }, **kwargs)


def count_responses(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Response))


def stored_answers(app) -> list[tuple[str, str | None, str | None]]:
    """(question text, choice, text) for every stored answer."""
    from participation.surveys.models import Question

    with app.app_context():
        rows = db.session.execute(
            select(Question.text, Answer.choice, Answer.text)
            .join(Question, Question.id == Answer.question_id).order_by(Question.id, Answer.choice)
        )
        return [tuple(row) for row in rows]


def shipped_languages() -> list[str]:
    """Every language with a catalogue in the repository, by the code a council lists in LANGUAGES."""
    from participation.core.languages import TRANSLATIONS, current_code
    return sorted(current_code(po.parent.parent.name) for po in TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))


def offer_every_language(app) -> list[str]:
    """Turn every shipped language on, checked or not, as a council would with LANGUAGES and
    LANGUAGES_UNCHECKED_ON, and return their codes."""
    from participation.core.languages import offered
    codes = shipped_languages()
    app.config["LANGUAGES"] = ",".join(["en", *codes])
    app.config["LANGUAGES_UNCHECKED_ON"] = ",".join(codes)
    app.extensions["languages"] = offered(app)
    assert app.extensions["languages"] == ["en", *codes]
    return codes
