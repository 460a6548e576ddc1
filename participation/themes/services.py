"""Loading, listing and changing themes: a council renames them, adds its own and archives them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from participation.analysis.tagger import load_examples
from participation.analysis.taxonomy import DEFAULT_KEYWORDS
from participation.auth.models import Actor
from participation.auth.services import record
from participation.core import state
from participation.core.transaction import Refused
from participation.core.words import slug_value
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


#: The example comments shipped with the product that the tagger learnt from (participation/analysis/data).
SHIPPED_EXAMPLES = ("themes_train.jsonl", "themes_dev.jsonl", "themes_test.jsonl")


@dataclass(frozen=True)
class BuiltIn:
    """What the product already knows about a theme, before anything a council adds."""

    words: int  # words and phrases young people use for it
    examples: int  # example comments filed under it


@state.shipped_once
def built_in() -> dict[str, BuiltIn]:
    """The built-in words and phrases and example comments of each of the five outcome themes, by key;
    a council's own themes have none."""
    examples: dict[str, int] = {}
    for name in SHIPPED_EXAMPLES:
        for _, keys in load_examples(name):
            for key in keys:
                examples[key] = examples.get(key, 0) + 1
    return {key: BuiltIn(len(set(words)), examples.get(key, 0)) for key, words in DEFAULT_KEYWORDS.items()}


def own_lines(text: str) -> int:
    """How many words or examples a council wrote, one on each line."""
    return sum(1 for line in (text or "").splitlines() if line.strip())


def active_themes(session: Session) -> list[Theme]:
    """Return the themes not archived, in their display order."""
    return list(session.scalars(
        select(Theme).where(Theme.archived.is_(False)).order_by(Theme.position, Theme.id)
    ))


@dataclass(frozen=True)
class ThemeDetails:
    """What a council writes about a theme: its name, what it covers, and words for the tagger."""

    name: str
    description: str = ""
    keywords: str = ""
    examples: str = ""


#: Limits that keep the taxonomy something an officer can read and the tagger can learn from.
MAX_KEYWORDS = 300
MAX_EXAMPLES = 500
MAX_LINE = 500


def _tidy_lines(text: str, limit: int, what: str, field: str) -> str:
    lines = list(dict.fromkeys(line.strip() for line in (text or "").splitlines() if line.strip()))
    if len(lines) > limit:
        raise Refused(f"Give at most {limit} {what}, one on each line.", field=field)
    if any(len(line) > MAX_LINE for line in lines):
        raise Refused(f"Keep each of the {what} under {MAX_LINE} characters.", field=field)
    return "\n".join(lines)


def _checked(session: Session, details: ThemeDetails, theme: Theme | None) -> ThemeDetails:
    name = " ".join((details.name or "").split())
    if not name:
        raise Refused("Give the theme a name.", field="name")
    if len(name) > 120:
        raise Refused("Keep the name under 120 characters.", field="name")
    clash = session.scalar(select(Theme).where(func.lower(Theme.name) == name.lower(),
                                               Theme.id != (theme.id if theme else -1)))
    if clash is not None:
        raise Refused(f"There is already a theme called “{clash.name}”.", field="name")
    return ThemeDetails(name, (details.description or "").strip()[:2000],
                        _tidy_lines(details.keywords, MAX_KEYWORDS, "words and phrases", "keywords"),
                        _tidy_lines(details.examples, MAX_EXAMPLES, "example comments", "examples"))


def add_theme(session: Session, actor: Actor, details: ThemeDetails) -> Theme:
    """Add a council's own theme, after the others; its key comes from its name and never changes."""
    details = _checked(session, details, None)
    base = slug_value(details.name)[:36]
    keys = set(session.scalars(select(Theme.key)))
    key, number = base, 2
    while key in keys:
        key, number = f"{base}-{number}", number + 1
    position = (session.scalar(select(func.max(Theme.position))) or 0) + 1
    theme = Theme(key=key, name=details.name, description=details.description, keywords=details.keywords,
                  examples=details.examples, position=position)
    session.add(theme)
    session.flush()
    record(session, actor, "theme.added", theme, f"Added the theme “{theme.name}”")
    session.flush()
    return theme


def update_theme(session: Session, actor: Actor, theme: Theme, details: ThemeDetails) -> Theme:
    """Rename a theme or change its words; its key, and so its history, stay the same."""
    details = _checked(session, details, theme)
    before = {"name": theme.name, "keywords": theme.keywords.count("\n") + bool(theme.keywords),
              "examples": theme.examples.count("\n") + bool(theme.examples)}
    theme.name, theme.description = details.name, details.description
    theme.keywords, theme.examples = details.keywords, details.examples
    after = {"name": theme.name, "keywords": theme.keywords.count("\n") + bool(theme.keywords),
             "examples": theme.examples.count("\n") + bool(theme.examples)}
    record(session, actor, "theme.changed", theme, f"Changed the theme “{theme.name}”", before=before, after=after)
    session.flush()
    return theme


def set_archived(session: Session, actor: Actor, theme: Theme, archived: bool) -> Theme:
    """Archive a theme (kept for history, no longer suggested or offered) or bring it back."""
    if archived and not theme.archived and len(active_themes(session)) <= 1:
        raise Refused("Keep at least one theme.")
    theme.archived = archived
    record(session, actor, "theme.archived" if archived else "theme.restored", theme,
           f"{'Archived' if archived else 'Restored'} the theme “{theme.name}”")
    session.flush()
    return theme
