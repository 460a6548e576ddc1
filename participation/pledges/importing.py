"""Reading promises from pasted text or a CSV table, and matching them to last year's. Pure.

Councils keep their Pledge in documents: a heading for each outcome, then its promises. An
officer pastes that text, or uploads a table with the columns promise and theme. Every problem
is reported by line, and nothing is saved until every line is right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Mapping, Sequence

#: The longest promise we accept; longer text is usually two promises, or a paragraph pasted by mistake.
MAX_PROMISE = 500
MAX_PROMISES = 100

_BULLET = re.compile(r"^\s*(?:[-*•·▪●]|\d{1,2}[.)])\s+")
_HEADING = re.compile(r"^\s*(?:#+\s*(?P<hash>.+?)|(?P<colon>[^:]{2,80}):|(?P<outcome>(?:outcome|theme|section)\s*\d*\s*"
                      r"[-–—:.]?\s*[^.!?]{2,80}))\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class PromiseRow:
    """One promise read from the text: where it was, what it says, and its theme key (or "")."""

    line: int
    text: str
    theme: str = ""
    for_young_people: str = ""
    for_younger: str = ""


@dataclass
class Parsed:
    """The promises read, and a plain message for every line that is wrong."""

    rows: list[PromiseRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return bool(self.rows) and not self.errors


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def theme_lookup(themes: Mapping[str, str]) -> dict[str, str]:
    """Every way a theme may be written (its key or its name, any case) mapped to its key."""
    lookup = {}
    for key, name in themes.items():
        lookup[_norm(key)] = key
        lookup[_norm(name)] = key
    return lookup


def find_theme(heading: str, lookup: Mapping[str, str]) -> str | None:
    """The theme a heading names: "Outcome 2 – Provide me with a good, safe home" finds safe-home."""
    wanted = _norm(heading)
    if not wanted:
        return None
    if wanted in lookup:
        return lookup[wanted]
    # The longest theme name inside the heading wins, so "Outcome 1 - Involve me" works.
    found = [(len(name), key) for name, key in lookup.items() if len(name) > 3 and name in wanted]
    return max(found)[1] if found else None


def _check(rows: list[PromiseRow], errors: list[str]) -> Parsed:
    seen: dict[str, int] = {}
    for row in rows:
        if len(row.text) > MAX_PROMISE:
            errors.append(f"Line {row.line}: this promise is longer than {MAX_PROMISE} characters. "
                          "Shorten it, or split it into two promises.")
        earlier = seen.setdefault(_norm(row.text), row.line)
        if earlier != row.line:
            errors.append(f"Line {row.line}: this promise is the same as line {earlier}.")
    if len(rows) > MAX_PROMISES:
        errors.append(f"There are {len(rows)} promises. Add at most {MAX_PROMISES} at a time.")
    if not rows and not errors:
        errors.append("There are no promises to add. Put one promise on each line.")
    return Parsed(rows, errors)


def parse_lines(text: str, themes: Mapping[str, str]) -> Parsed:
    """One promise per line; a heading line ("Keep me healthy:", "# Outcome 3") sets the theme below it.

    A line that is only a theme's name is a heading too. Bullets and numbers are dropped.
    """
    lookup = theme_lookup(themes)
    rows: list[PromiseRow] = []
    errors: list[str] = []
    theme = ""
    for number, raw in enumerate((text or "").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        heading = _HEADING.match(line)
        if heading or _norm(line) in lookup:
            name = (heading.group("hash") or heading.group("colon") or heading.group("outcome")) if heading else line
            found = find_theme(name, lookup)
            if found is None:
                errors.append(f"Line {number}: “{name.strip()[:80]}” looks like a heading but is not one of "
                              f"your themes ({', '.join(themes.values())}).")
            else:
                theme = found
            continue
        rows.append(PromiseRow(number, _BULLET.sub("", line).strip(), theme))
    return _check(rows, errors)


def parse_table(header: Sequence[str], table: Sequence[Sequence[str]], themes: Mapping[str, str]) -> Parsed:
    """Rows of a table with the columns promise and theme (and, if given, the wording for young people)."""
    def position(*names: str) -> int | None:
        normalised = [_norm(h) for h in header]
        for name in names:
            if _norm(name) in normalised:
                return normalised.index(_norm(name))
        return None

    at_promise = position("promise", "promises", "we will")
    if at_promise is None:
        return Parsed([], ["The file needs a column headed “promise”. Its first row should name the columns, "
                           "for example: promise, theme."])
    at_theme = position("theme", "outcome")
    at_young = position("for young people", "young people's words", "young peoples words")
    at_younger = position("for younger children", "short version", "shorter version")
    lookup = theme_lookup(themes)
    rows: list[PromiseRow] = []
    errors: list[str] = []

    def cell(values: Sequence[str], at: int | None) -> str:
        return values[at].strip() if at is not None and at < len(values) else ""

    for number, values in enumerate(table, start=2):  # row 1 is the header
        text = cell(values, at_promise)
        if not text:
            errors.append(f"Row {number}: the promise is empty.")
            continue
        theme_name = cell(values, at_theme)
        theme = find_theme(theme_name, lookup) if theme_name else ""
        if theme is None:
            errors.append(f"Row {number}: “{theme_name[:80]}” is not one of your themes "
                          f"({', '.join(themes.values())}).")
            continue
        rows.append(PromiseRow(number, text, theme, cell(values, at_young), cell(values, at_younger)))
    return _check(rows, errors)


#: How alike two wordings must be (0 to 1) to count as the same promise reworded.
SAME_PROMISE = 0.6


def match_identities(new: Sequence[str], old: Sequence[tuple[str, str]]) -> list[str | None]:
    """For each new promise, the identity of last version's promise it carries on, or None if it is new.

    `old` is (identity, wording) pairs. The closest pairs are matched first and each old promise
    is used once, so reordering and rewording keep a promise's history.
    """
    pairs = []
    for i, text in enumerate(new):
        for j, (_, before) in enumerate(old):
            ratio = SequenceMatcher(None, _norm(text), _norm(before)).ratio()
            if ratio >= SAME_PROMISE:
                pairs.append((ratio, i, j))
    matched: list[str | None] = [None] * len(new)
    used: set[int] = set()
    for _, i, j in sorted(pairs, key=lambda pair: (-pair[0], pair[1], pair[2])):
        if matched[i] is None and j not in used:
            matched[i] = old[j][0]
            used.add(j)
    return matched
