"""Scale, faces and promise questions on the results page: a count and a percentage for every answer,
equal to counts made straight from the stored answers, in the order the young person saw them."""

from __future__ import annotations

import html
import random
import re

from sqlalchemy import func, select

from participation.db import db, today
from participation.respond.models import Answer
from participation.respond.storing import AnswerRow, Sent, store
from participation.surveys.question_types import Faces, PromiseRating, Scale
from tests.factories import make_survey
from tests.reports.helpers import signed_in_again

KINDS = {"scale": Scale, "faces": Faces, "promise": PromiseRating}


def _table(page: str, caption: str) -> list[tuple[str, str, str]]:
    """(answer, count, percent) rows of the table whose caption names the question."""
    start = page.index(caption, page.index("<caption"))
    block = page[start:page.index("</table>", start)]
    return [(html.unescape(a), b, c) for a, b, c in re.findall(r'<th scope="row">([^<]*)</th><td class="num">([^<]*)</td><td class="num">([^<]*)</td>',
                      block)]


def test_scale_faces_and_promise_answers_are_counted_as_stored(app, client, login_as):
    texts = {"scale": "How well do adults listen?", "faces": "How do you feel at home?",
             "promise": "We will help you stay in touch with family"}
    with app.app_context():
        survey = make_survey(db.session, "ratings-test", sections=[{"title": "You", "questions": [
            {"kind": kind, "text": text, "required": False} for kind, text in texts.items()]}])
        questions = dict(zip(texts, survey.ordered_questions))
        ids = {kind: q.id for kind, q in questions.items()}
        survey_id = survey.id
        chance = random.Random(20)
        sent = []
        for _ in range(60):
            rows = []
            for kind, cls in KINDS.items():
                if chance.random() < 0.85:  # some skip the question
                    rows.append(AnswerRow(ids[kind], choice=chance.choice(cls.fixed_choices).value))
            sent.append(Sent(today(), rows))
        store(db.session, survey_id, sent)
        db.session.commit()
        stored = {kind: dict(db.session.execute(select(Answer.choice, func.count()).where(Answer.question_id == ids[kind])
                                                .group_by(Answer.choice)).all()) for kind in KINDS}

    page = signed_in_again(client, login_as, "officer").get(f"/surveys/{survey_id}/results").text
    for kind, cls in KINDS.items():
        answered = sum(stored[kind].values())
        assert f"{answered} answered, {60 - answered} skipped" in page, kind
        rows = _table(page, texts[kind])
        assert [r[0] for r in rows] == [c.label for c in cls.fixed_choices], kind
        for (label, count, percent), choice in zip(rows, cls.fixed_choices):
            n = stored[kind].get(choice.value, 0)
            assert count == str(n), (kind, label)
            assert percent == f"{round(100 * n / answered)}%", (kind, label)
