"""Loading and listing themes."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from participation.themes.models import Theme

#: The five outcomes of the Corporate Parenting Strategy, in young people's own words.
DEFAULT_THEMES: tuple[tuple[str, str, str], ...] = (
    ("involve-me", "Involve me",
     "Being listened to, having a say in decisions, the Children in Care Council, advocacy, "
     "confidentiality, honesty, not being judged."),
    ("safe-home", "Provide me with a good, safe home",
     "Placements, foster carers, moves, staying near family, friends and community, feeling safe, "
     "contact with family."),
    ("healthy", "Keep me healthy",
     "Physical, mental and sexual health, emotional wellbeing, leisure, sport, health assessments."),
    ("achieve", "Help me to achieve",
     "School, college, exams, attendance, Personal Education Plans, hobbies, aspirations."),
    ("adult-life", "Support me to move to adult life",
     "Leaving care, housing, money and benefits, work, apprenticeships, university, independence "
     "skills, Personal Advisers."),
)


def ensure_default_themes(session: Session) -> dict[str, Theme]:
    """Add any of the five default themes that are missing; return all themes by key."""
    existing = {theme.key: theme for theme in session.scalars(select(Theme))}
    for position, (key, name, description) in enumerate(DEFAULT_THEMES, start=1):
        if key not in existing:
            theme = Theme(key=key, name=name, description=description, position=position)
            session.add(theme)
            existing[key] = theme
    session.flush()
    return existing


def active_themes(session: Session) -> list[Theme]:
    """Return the themes not archived, in their display order."""
    return list(session.scalars(
        select(Theme).where(Theme.archived.is_(False)).order_by(Theme.position, Theme.id)
    ))
