"""Pledges and their versions, importing promises, generating review surveys, and results per promise."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from participation.auth.models import Actor
from participation.auth.services import record
from participation.comments.models import CommentAnalysis
from participation.comments.services import comment_words, in_groups_shown
from participation.core.transaction import Refused
from participation.core.spreadsheets import UnreadableFile, decode_upload, read_table
from participation.pledges.importing import Parsed, PromiseRow, match_identities, parse_lines, parse_table
from participation.pledges.models import (PLEDGE_AUDIENCES, Pledge, PledgeAudience, PledgeVersion, Promise, ReviewPart,
                                          ReviewQuestion)
from participation.core.suppression import share, suppress_counts
from participation.respond.models import Answer, AnswerTally
from participation.surveys.builder import has_responses, unique_slug
from participation.surveys.models import Audience, QuestionKind, Survey, SurveyStatus
from participation.surveys.services import build_survey
from participation.themes.models import Theme
from participation.themes.services import active_themes

#: The answers to a promise question, best first.
RATINGS = ("kept", "sometimes", "not-yet", "dont-know")
#: The largest upload we read: a pledge is a page or two of promises.
MAX_UPLOAD = 512 * 1024


class PledgeError(Refused):
    """A change to a pledge that cannot be made; the message says why in plain words."""


def new_identity() -> str:
    return uuid.uuid4().hex


def all_pledges(session: Session) -> list[Pledge]:
    return list(session.scalars(select(Pledge).options(selectinload(Pledge.versions)).order_by(Pledge.name)))


def create_pledge(session: Session, actor: Actor, name: str, audience: str, year: int) -> Pledge:
    """A new Pledge or Charter with an empty first version for `year`."""
    name = " ".join((name or "").split())
    if not name:
        raise PledgeError("Give the pledge a name, for example “Our Pledge to you”.", field="name")
    if audience not in PLEDGE_AUDIENCES:
        raise PledgeError("Choose who the pledge is for.", field="audience")
    _check_year(year)
    pledge = Pledge(name=name[:200], audience=audience, versions=[PledgeVersion(year=year)])
    session.add(pledge)
    session.flush()
    record(session, actor, "pledge.created", pledge, f"Created the pledge “{pledge.name}” for {year}")
    session.flush()
    return pledge


def _check_year(year: int | None) -> None:
    if year is None or not 2000 <= year <= 2100:
        raise PledgeError("Give the year as four numbers, for example 2026.", field="year")


def previous_version(session: Session, version: PledgeVersion) -> PledgeVersion | None:
    """The version of the same pledge from the year before this one (the latest earlier year)."""
    return session.scalar(select(PledgeVersion).where(
        PledgeVersion.pledge_id == version.pledge_id, PledgeVersion.year < version.year)
        .order_by(PledgeVersion.year.desc()).limit(1))


def new_version(session: Session, actor: Actor, pledge: Pledge, year: int | None = None) -> PledgeVersion:
    """Copy the latest version into a new year; every promise keeps its identity."""
    last = pledge.latest
    year = year if year is not None else (last.year + 1 if last else None)
    _check_year(year)
    if any(v.year == year for v in pledge.versions):
        raise PledgeError(f"There is already a {year} version of “{pledge.name}”.", field="year")
    version = PledgeVersion(year=year, promises=[
        Promise(identity=p.identity, position=p.position, we_will=p.we_will, for_young_people=p.for_young_people,
                for_younger=p.for_younger, theme_id=p.theme_id) for p in (last.promises if last else [])])
    pledge.versions.append(version)
    session.flush()
    record(session, actor, "pledge.versioned", version, f"Made the {year} version of “{pledge.name}”",
           copied_from=last.year if last else None)
    session.flush()
    return version


def theme_names(session: Session) -> dict[str, str]:
    return {t.key: t.name for t in active_themes(session)}


def read_promises(session: Session, text: str = "", upload: bytes | None = None) -> Parsed:
    """Read promises from pasted text or an uploaded CSV file, with a message for every bad line."""
    themes = theme_names(session)
    if upload:
        if len(upload) > MAX_UPLOAD:
            return Parsed([], [f"The file is too big. Upload a CSV file under {MAX_UPLOAD // 1024} KB."])
        try:
            header, rows = read_table(decode_upload(upload), max_rows=500)
        except UnreadableFile as error:
            return Parsed([], [str(error)])
        return parse_table(header, rows, themes)
    return parse_lines(text, themes)


def rows_to_payload(rows: list[PromiseRow]) -> str:
    """The promises read, as the preview page carries them to "save"."""
    return json.dumps([[r.text, r.theme, r.for_young_people, r.for_younger] for r in rows])


def rows_from_payload(session: Session, payload: str | None) -> Parsed:
    """Read the preview's promises back, checking them again: the page could have been changed."""
    try:
        table = json.loads(payload or "[]")
        if not isinstance(table, list) or not all(isinstance(r, list) and all(isinstance(c, str) for c in r)
                                                  for r in table):
            raise ValueError
    except ValueError:
        return Parsed([], ["The preview could not be read. Paste or upload the promises again."])
    return parse_table(["promise", "theme", "for young people", "for younger children"], table,
                       theme_names(session))


@dataclass(frozen=True)
class PreviewRow:
    """A promise about to be added, and the promise from last year it carries on, if any."""

    row: PromiseRow
    theme_name: str
    carries_on: str = ""


def preview(session: Session, version: PledgeVersion, parsed: Parsed) -> list[PreviewRow]:
    """What saving would do: each promise, its theme, and whether it carries on last year's."""
    themes = theme_names(session)
    identities = _identities_for(session, version, parsed.rows)
    earlier = {p.identity: p.we_will for p in _carry_candidates(session, version)}
    return [PreviewRow(r, themes.get(r.theme, "No theme"), earlier.get(i or "", "")) for r, i in
            zip(parsed.rows, identities)]


def _carry_candidates(session: Session, version: PledgeVersion) -> list[Promise]:
    before = previous_version(session, version)
    if before is None:
        return []
    taken = {p.identity for p in version.promises}
    return [p for p in before.promises if p.identity not in taken]


def _identities_for(session: Session, version: PledgeVersion, rows: list[PromiseRow]) -> list[str | None]:
    candidates = _carry_candidates(session, version)
    return match_identities([r.text for r in rows], [(p.identity, p.we_will) for p in candidates])


def import_promises(session: Session, actor: Actor, version: PledgeVersion, parsed: Parsed) -> list[Promise]:
    """Add every promise read, after the ones already there; all or nothing."""
    if not parsed.ok:
        raise PledgeError(parsed.errors[0] if parsed.errors else "There are no promises to add.")
    _check_not_reviewed(session, version)
    theme_ids = dict(session.execute(select(Theme.key, Theme.id)).all())
    existing = {" ".join(p.we_will.lower().split()) for p in version.promises}
    repeats = [r.line for r in parsed.rows if " ".join(r.text.lower().split()) in existing]
    if repeats:
        raise PledgeError(f"Line {repeats[0]}: this promise is already in the {version.year} version.")
    start = max((p.position for p in version.promises), default=0)
    added = []
    for n, (row, identity) in enumerate(zip(parsed.rows, _identities_for(session, version, parsed.rows)), 1):
        promise = Promise(identity=identity or new_identity(), position=start + n, we_will=row.text,
                          for_young_people=row.for_young_people, for_younger=row.for_younger,
                          theme_id=theme_ids.get(row.theme))
        version.promises.append(promise)
        added.append(promise)
    session.flush()
    record(session, actor, "pledge.promises-added", version,
           f"Added {len(added)} promises to the {version.year} version of “{version.pledge.name}”")
    session.flush()
    return added


def why_not_removable(session: Session, promise: Promise) -> str | None:
    """Why a promise cannot be removed, in plain words, or None when it can."""
    try:
        _check_not_reviewed(session, promise.version)
    except PledgeError as refused:
        return str(refused)
    return None


def _check_not_reviewed(session: Session, version: PledgeVersion) -> None:
    survey = session.get(Survey, version.review_survey_id) if version.review_survey_id else None
    if survey is not None and has_responses(session, survey):
        raise PledgeError(f"Young people have already reviewed the {version.year} promises, so they cannot be "
                          f"added to or removed. Make a new version for next year instead.")


@dataclass
class PromiseChange:
    """What an officer edits about a promise."""

    we_will: str
    for_young_people: str = ""
    for_younger: str = ""
    theme: str = ""


def update_promise(session: Session, actor: Actor, promise: Promise, change: PromiseChange) -> Promise:
    """Reword a promise or change its theme; it keeps its identity, and so its history."""
    text = " ".join((change.we_will or "").split())
    if not text:
        raise PledgeError("Write the promise.", field="we_will")
    if any(len(t) > 500 for t in (text, change.for_young_people or "", change.for_younger or "")):
        raise PledgeError("Keep each wording under 500 characters.")
    theme = session.scalar(select(Theme).where(Theme.key == change.theme)) if change.theme else None
    if change.theme and theme is None:
        raise PledgeError("Choose a theme from the list.", field="theme")
    before = promise.we_will
    promise.we_will = text
    promise.for_young_people = " ".join((change.for_young_people or "").split())
    promise.for_younger = " ".join((change.for_younger or "").split())
    promise.theme_id = theme.id if theme else None
    record(session, actor, "pledge.promise-changed", promise, f"Changed a promise in {promise.version.year}",
           before=before, after=text)
    session.flush()
    return promise


def delete_promise(session: Session, actor: Actor, promise: Promise) -> None:
    """Remove a promise from a version that young people have not reviewed yet."""
    version = promise.version
    _check_not_reviewed(session, version)
    record(session, actor, "pledge.promise-removed", promise, f"Removed a promise from {version.year}",
           text=promise.we_will)
    version.promises.remove(promise)  # deleted with it (delete-orphan), and gone from the list at once
    session.flush()


@dataclass(frozen=True)
class ReviewOptions:
    """How the review survey is worded."""

    age_band: str = "11-18"
    tell_us_more: bool = True
    slug: str = ""


def _review_spec(version: PledgeVersion, options: ReviewOptions) -> tuple[dict, list[tuple[Promise, str]]]:
    younger = options.age_band == "8-11"
    leavers = version.pledge.audience == PledgeAudience.CARE_LEAVERS
    # The first page already says which questions can be skipped and that nobody will know.
    intro = "Every year we check if we keep our promises to you. For each one, tell us if it is kept for you."
    sections: list[dict] = []
    links: list[tuple[Promise, str]] = []
    by_title: dict[str, dict] = {}
    for promise in version.promises:
        title = promise.theme.name if promise.theme else "Our promises"
        section = by_title.get(title)
        if section is None:
            section = by_title[title] = {"title": title, "intro": "Is each promise kept for you?", "questions": []}
            sections.append(section)
        key = promise.theme.key if promise.theme else None
        section["questions"].append({"kind": QuestionKind.PROMISE, "text": promise.wording(options.age_band), "theme": key,
                                     "help": "Do we keep this promise?" if younger else
                                     "Is this promise kept for you?"})
        links.append((promise, ReviewPart.RATING))
        if options.tell_us_more:
            section["questions"].append({"kind": QuestionKind.TEXT, "theme": key, "text": "Anything else you want to tell us "
                                         "about this?" if younger else "Tell us more about this promise"})
            links.append((promise, ReviewPart.COMMENT))
    audience = Audience.CARE_LEAVERS if leavers else (Audience.CARED_FOR_8_11 if younger else Audience.CARED_FOR_11_18)
    spec = {"title": f"{version.pledge.name}: your review {version.year}", "intro": intro, "audience": audience,
            "status": SurveyStatus.DRAFT, "sections": sections}
    return spec, links


def create_review(session: Session, actor: Actor, version: PledgeVersion, options: ReviewOptions) -> Survey:
    """Make a draft review survey from a version: a promise question for each promise, grouped by theme."""
    if not version.promises:
        raise PledgeError("Add the promises first.")
    if version.review_survey_id and session.get(Survey, version.review_survey_id) is not None:
        raise PledgeError(f"The {version.year} promises already have a review survey.")
    spec, links = _review_spec(version, options)
    spec["slug"] = unique_slug(session, options.slug or f"{version.pledge.name} review {version.year}")
    survey = build_survey(session, spec)
    survey.age_band = options.age_band if options.age_band in ("8-11", "11-18", "16-25") else ""
    session.flush()
    for question, (promise, part) in zip(survey.ordered_questions, links, strict=True):
        session.add(ReviewQuestion(question_id=question.id, promise_id=promise.id, part=part))
    version.review_survey_id = survey.id
    record(session, actor, "survey.created", survey, f"Created the review “{survey.title}”", pledge=version.pledge_id)
    session.flush()
    return survey


@dataclass
class PromiseResult:
    """How young people rated one promise, against the year before."""

    promise: Promise
    counts: dict[str, int | str]
    total: int | str
    kept_share: float | None
    previous_share: float | None = None
    comments: list[str] = field(default_factory=list)

    @property
    def change(self) -> float | None:
        """Change in the share who said kept, in percentage points; None when either year is hidden."""
        if self.kept_share is None or self.previous_share is None:
            return None
        return round((self.kept_share - self.previous_share) * 100, 1)

    @property
    def at_risk(self) -> bool:
        """Fewer than half say it is kept, or the kept share fell by 10 points or more."""
        return (self.kept_share is not None and self.kept_share < 0.5) or (self.change is not None
                                                                           and self.change <= -10)


def _rating_counts(session: Session, promise_ids: list[int]) -> dict[int, dict[str, int]]:
    """Answers to each promise's rating question, added up in SQL from the running totals."""
    rows = session.execute(
        select(ReviewQuestion.promise_id, AnswerTally.choice, func.sum(AnswerTally.count))
        .join(AnswerTally, AnswerTally.question_id == ReviewQuestion.question_id)
        .where(ReviewQuestion.part == ReviewPart.RATING, ReviewQuestion.promise_id.in_(promise_ids))
        .group_by(ReviewQuestion.promise_id, AnswerTally.choice))
    counts: dict[int, dict[str, int]] = {pid: dict.fromkeys(RATINGS, 0) for pid in promise_ids}
    for promise_id, choice, count in rows:
        if choice in RATINGS:
            counts[promise_id][choice] = int(count or 0)
    return counts


def _comments(session: Session, promise_ids: list[int], original: bool) -> dict[int, list[str]]:
    text = comment_words(original)
    rows = session.execute(
        select(ReviewQuestion.promise_id, text)
        .join(Answer, Answer.question_id == ReviewQuestion.question_id)
        .join(CommentAnalysis, CommentAnalysis.answer_id == Answer.id)
        .where(ReviewQuestion.part == ReviewPart.COMMENT, ReviewQuestion.promise_id.in_(promise_ids), Answer.text != "",
               in_groups_shown(CommentAnalysis.survey_id, original))
        .order_by(Answer.id))
    found: dict[int, list[str]] = {}
    for promise_id, comment in rows:
        found.setdefault(promise_id, []).append(comment)
    return found


def promise_results(session: Session, version: PledgeVersion, exact: bool, original: bool) -> list[PromiseResult]:
    """Each promise's answers (suppressed unless `exact`), kept share, last year's share and comments.

    Committee members get `exact=False` and `original=False`: small counts hidden, comments redacted.
    """
    ids = [p.id for p in version.promises]
    counts = _rating_counts(session, ids)
    comments = _comments(session, ids, original)
    before = previous_version(session, version)
    previous: dict[str, float | None] = {}
    if before is not None:
        old_counts = _rating_counts(session, [p.id for p in before.promises])
        for p in before.promises:
            shown, total = suppress_counts(old_counts[p.id], exact)
            previous[p.identity] = share(shown["kept"], total)
    results = []
    for promise in version.promises:
        shown, total = suppress_counts(counts[promise.id], exact)
        results.append(PromiseResult(promise, shown, total, share(shown["kept"], total),
                                     previous.get(promise.identity), comments.get(promise.id, [])))
    return results


def at_risk(results: list[PromiseResult]) -> list[PromiseResult]:
    """Promises most at risk: lowest kept share first, then the biggest falls."""
    return sorted((r for r in results if r.at_risk), key=lambda r: (r.kept_share if r.kept_share is not None
                                                                    else 1.0, r.change or 0))


def reviewed_versions(session: Session) -> list[PledgeVersion]:
    """Every version with a review survey, newest first, for the reports pages."""
    return list(session.scalars(select(PledgeVersion).where(PledgeVersion.review_survey_id.is_not(None))
                                .options(selectinload(PledgeVersion.pledge))
                                .order_by(PledgeVersion.year.desc(), PledgeVersion.id)))
