"""Builders for test data, in the shapes the product uses."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from participation.surveys.models import Survey
from participation.surveys.services import build_survey


def make_survey(session: Session, slug: str = "test-survey", *, status: str = "open",
                opens_on: date | None = None, closes_on: date | None = None,
                sections: list[dict[str, Any]] | None = None, **fields: Any) -> Survey:
    """Create a survey; by default one page with a required yes/no and an optional free text."""
    spec = {
        "slug": slug, "title": fields.pop("title", "Your home"), "status": status,
        "opens_on": opens_on, "closes_on": closes_on,
        "intro": fields.pop("intro", "Tell us about where you live."),
        "sections": sections or [{
            "title": "Where you live",
            "questions": [
                {"kind": "yesno", "text": "Do you feel safe where you live?", "required": True,
                 "theme": "safe-home"},
                {"kind": "text", "text": "Tell us more"},
            ],
        }],
        **fields,
    }
    survey = build_survey(session, spec)
    session.commit()
    return survey


def answer_review(session: Session, survey: Survey, ratings: dict[int, dict[str, int]],
                  comments: dict[int, list[str]] | None = None) -> None:
    """Store answers to a pledge review: ratings[n] counts each answer to the n-th promise (from 1),
    spread over as many responses as the largest count; comments[n] go with the n-th promise."""
    from participation.db import today
    from participation.pledges.models import Promise, ReviewQuestion
    from participation.respond.storing import AnswerRow, Sent, store
    from sqlalchemy import select

    links = session.execute(select(Promise.position, ReviewQuestion.part, ReviewQuestion.question_id)
                            .join(ReviewQuestion, ReviewQuestion.promise_id == Promise.id)
                            .where(ReviewQuestion.question_id.in_([q.id for q in survey.ordered_questions]))).all()
    question = {(position, part): qid for position, part, qid in links}
    per_response: list[list[AnswerRow]] = []
    for position, counts in ratings.items():
        choices = [choice for choice, n in counts.items() for _ in range(n)]
        for i, choice in enumerate(choices):
            while len(per_response) <= i:
                per_response.append([])
            per_response[i].append(AnswerRow(question[(position, "rating")], choice=choice))
    for position, texts in (comments or {}).items():
        for i, text in enumerate(texts):
            while len(per_response) <= i:
                per_response.append([])
            per_response[i].append(AnswerRow(question[(position, "comment")], text=text))
    store(session, survey.id, [Sent(today(), answers) for answers in per_response])
    session.commit()
