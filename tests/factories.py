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
    from participation.comments.services import analyse
    from participation.pledges.models import Promise, ReviewQuestion
    from participation.respond.models import Answer, Response
    from sqlalchemy import select

    links = session.execute(select(Promise.position, ReviewQuestion.part, ReviewQuestion.question_id)
                            .join(ReviewQuestion, ReviewQuestion.promise_id == Promise.id)
                            .where(ReviewQuestion.question_id.in_([q.id for q in survey.ordered_questions]))).all()
    question = {(position, part): qid for position, part, qid in links}
    per_response: list[list[Answer]] = []
    for position, counts in ratings.items():
        choices = [choice for choice, n in counts.items() for _ in range(n)]
        for i, choice in enumerate(choices):
            while len(per_response) <= i:
                per_response.append([])
            per_response[i].append(Answer(question_id=question[(position, "rating")], choice=choice))
    for position, texts in (comments or {}).items():
        for i, text in enumerate(texts):
            while len(per_response) <= i:
                per_response.append([])
            per_response[i].append(Answer(question_id=question[(position, "comment")], text=text))
    responses = [Response(survey_id=survey.id, answers=answers) for answers in per_response]
    session.add_all(responses)
    session.flush()
    from participation.respond.tallies import tally_responses
    tally_responses(session, responses)
    analyse(session, [a for r in responses for a in r.answers], survey.id)
    session.commit()
