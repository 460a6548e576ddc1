"""Creating surveys from a plain description (used by the demo, templates and tests), finding them, and
whether one can be answered today."""

from __future__ import annotations

import enum
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from participation.core.words import slug_value
from participation.db import today
from participation.surveys.models import Audience, Option, Question, Section, Survey, SurveyStatus
from participation.surveys.question_types import QUESTION_TYPES
from participation.themes.services import ensure_default_themes


def build_survey(session: Session, spec: dict[str, Any]) -> Survey:
    """Create a survey from a description: {slug, title, intro, thanks, audience, status, sections: [...]}.

    Each section is {title, intro?, questions: [{kind, text, help?, required?, theme?, options?}]}.
    """
    themes = ensure_default_themes(session)
    survey = Survey(
        slug=spec["slug"], title=spec["title"], intro=spec.get("intro", ""), thanks=spec.get("thanks", ""),
        audience=spec.get("audience", Audience.EVERYONE), status=spec.get("status", SurveyStatus.DRAFT),
        age_band=spec.get("age_band", ""), access_code=spec.get("access_code", ""),
        opens_on=spec.get("opens_on"), closes_on=spec.get("closes_on"),
    )
    for s_position, section_spec in enumerate(spec["sections"], start=1):
        section = Section(title=section_spec["title"], intro=section_spec.get("intro", ""),
                          position=s_position)
        survey.sections.append(section)
        for q_position, q in enumerate(section_spec["questions"], start=1):
            if q["kind"] not in QUESTION_TYPES:
                raise ValueError(f"unknown question kind {q['kind']!r}")
            question = Question(
                survey=survey, kind=q["kind"], text=q["text"], help=q.get("help", ""),
                required=q.get("required", False), position=q_position,
                theme=themes[q["theme"]] if q.get("theme") else None,
            )
            for o_position, label in enumerate(q.get("options", ()), start=1):
                question.options.append(Option(value=slug_value(label), label=label, position=o_position))
            section.questions.append(question)
    session.add(survey)
    session.flush()
    return survey


def survey_by_slug(session: Session, slug: str) -> Survey | None:
    """Find a survey by the last part of its link."""
    return session.scalar(select(Survey).where(Survey.slug == slug))


def find_survey_by_id(session: Session, survey_id: int) -> Survey | None:
    """Load a survey by id with its sections, questions and options."""
    return session.scalar(
        select(Survey).where(Survey.id == survey_id).options(
            selectinload(Survey.sections).selectinload(Section.questions)
            .selectinload(Question.options)
        )
    )


class SurveyState(enum.Enum):
    """Whether a young person can answer a survey today."""

    DRAFT = "draft"
    NOT_OPEN = "not-open"
    OPEN = "open"
    CLOSED = "closed"


def survey_state(survey: Survey, on: date | None = None) -> SurveyState:
    """Work out whether the survey can be answered on a given day (today by default)."""
    on = on or today()
    if survey.status == SurveyStatus.DRAFT:
        return SurveyState.DRAFT
    if survey.status == SurveyStatus.CLOSED or (survey.closes_on and on > survey.closes_on):
        return SurveyState.CLOSED
    if survey.opens_on and on < survey.opens_on:
        return SurveyState.NOT_OPEN
    return SurveyState.OPEN
