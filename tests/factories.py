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
