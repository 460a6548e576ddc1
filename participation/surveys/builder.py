"""What a participation officer does to a survey: create, edit, add questions, publish, close, copy.

Every change is recorded in the audit log. Once young people have answered, no change may
orphan or corrupt their answers: such changes are refused with an explanation (see README).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from participation.auth.models import Actor
from participation.core.transaction import Refused

from participation.auth.services import record
from participation.respond.models import Answer, Response, ResponseTally
from participation.surveys import codes, translating
from participation.surveys.models import AGE_BANDS, AUDIENCES, Option, Question, QuestionKind, Section, Survey, SurveyStatus
from participation.surveys.question_types import QUESTION_TYPES, question_type
from participation.surveys.services import build_survey, slug_value
from participation.surveys.starters import STARTERS


class BuilderError(Refused):
    """A change that cannot be made; the message says why in plain words."""


def has_responses(session: Session, survey: Survey) -> bool:
    return session.scalar(select(exists().where(Response.survey_id == survey.id))) or False


def question_has_answers(session: Session, question: Question, choice: str | None = None) -> bool:
    condition = Answer.question_id == question.id
    if choice is not None:
        condition = condition & (Answer.choice == choice)
    return session.scalar(select(exists().where(condition))) or False


def unique_slug(session: Session, wanted: str) -> str:
    """A link name not used by any other survey, based on the one wanted."""
    base = slug_value(wanted)[:60] or "survey"
    taken = set(session.scalars(select(Survey.slug).where(Survey.slug.like(f"{base}%"))))
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def new_survey(session: Session, actor: Actor, title: str, starter: str = "") -> Survey:
    """Create a draft survey, blank or from a starter template."""
    title = title.strip()
    if not title:
        raise BuilderError("Give the survey a title.", field="title")
    if starter and starter not in STARTERS:
        raise BuilderError("Choose one of the templates shown.", field="starter")
    spec = dict(STARTERS[starter].spec) if starter else {
        "intro": "", "sections": [{"title": "Your views", "questions": []}]}
    spec.update(slug=unique_slug(session, title), title=title, status=SurveyStatus.DRAFT)
    survey = build_survey(session, spec)
    record(session, actor, "survey.created", survey, f"Created “{title}”", starter=starter or "blank")
    session.flush()
    return survey


@dataclass
class Details:
    """The fields of a survey an officer edits."""

    title: str
    intro: str
    audience: str
    age_band: str
    opens_on: date | None
    closes_on: date | None
    slug: str
    thanks: str = ""


def update_details(session: Session, actor: Actor, survey: Survey, details: Details) -> Survey:
    """Change title, intro, audience, age band, dates and link name."""
    if not details.title.strip():
        raise BuilderError("Give the survey a title.", field="title")
    if details.audience not in AUDIENCES or details.age_band not in AGE_BANDS:
        raise BuilderError("Choose an audience and age band from the lists.", field="audience")
    if details.opens_on and details.closes_on and details.closes_on < details.opens_on:
        raise BuilderError("The closing date must be on or after the opening date.", field="closes_on")
    slug = slug_value(details.slug or details.title)
    if slug != survey.slug:
        if has_responses(session, survey) or survey.status != SurveyStatus.DRAFT:
            raise BuilderError("The link cannot change once the survey is published: people may already have it.", field="slug")
        if session.scalar(select(Survey.id).where(Survey.slug == slug, Survey.id != survey.id)):
            raise BuilderError("Another survey already uses that link name. Choose a different one.", field="slug")
    changes = {}
    for name in ("title", "intro", "thanks", "audience", "age_band", "opens_on", "closes_on", "slug"):
        value = slug if name == "slug" else getattr(details, name)
        value = value.strip() if isinstance(value, str) and name in ("title", "intro", "thanks") else value
        if getattr(survey, name) != value:
            changes[name] = [str(getattr(survey, name)), str(value)]
            setattr(survey, name, value)
    record(session, actor, "survey.edited", survey, f"Edited “{survey.title}”", **changes)
    session.flush()
    return survey


@dataclass
class QuestionInput:
    """What an officer typed into the question form."""

    kind: str
    text: str
    help: str = ""
    required: bool = False
    theme_id: int | None = None
    options: list[str] = field(default_factory=list)
    section_id: int | None = None
    new_section_title: str = ""
    show_if_question_id: int | None = None
    show_if_values: list[str] = field(default_factory=list)


def _check_question(session: Session, survey: Survey, data: QuestionInput, question: Question | None) -> Section:
    if data.kind not in QUESTION_TYPES:
        raise BuilderError("Choose a kind of question.", field="kind")
    if not data.text.strip():
        raise BuilderError("Write the question.", field="text")
    if data.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        labels = [o.strip() for o in data.options if o.strip()]
        if len(labels) < 2:
            raise BuilderError("Give at least two answers to choose from, one on each line.", field="options")
        if len({slug_value(o) for o in labels}) != len(labels):
            raise BuilderError("Each answer to choose from must be different.", field="options")
    section: Section | None
    if data.new_section_title.strip():
        section = Section(title=data.new_section_title.strip(),
                          position=max((s.position for s in survey.sections), default=0) + 1)
        survey.sections.append(section)
    else:
        section = next((s for s in survey.sections if s.id == data.section_id), None)
        if section is None:
            raise BuilderError("Choose the page this question goes on, or name a new page.", field="section")
    if data.show_if_question_id:
        _check_condition(survey, data, section, question)
    return section


def condition_sources(survey: Survey, page: Section | None, question: Question | None = None) -> list[Question]:
    """The questions a question on `page` may depend on: those with answers to choose from on earlier pages
    (every page, for a new page)."""
    before = page.position if page is not None else float("inf")
    return [q for q in survey.ordered_questions
            if q.kind != QuestionKind.TEXT and q.section.position < before and (question is None or q.id != question.id)]


def _check_condition(survey: Survey, data: QuestionInput, section: Section, question: Question | None) -> None:
    """A condition must point at a choice question on an earlier page, and one of its answers.

    Earlier pages only: the server then knows the answer before showing the page, so the
    condition works the same with JavaScript off.
    """
    source = next((q for q in survey.ordered_questions if q.id == data.show_if_question_id), None)
    wanted = set(data.show_if_values)
    if source is None or (question is not None and source.id == question.id):
        raise BuilderError("Choose a question from this survey for “show this question if”.", field="show_if")
    if source.kind == QuestionKind.TEXT:
        raise BuilderError("“Show this question if” needs a question with answers to choose from.", field="show_if")
    if source.section is section or source.section.position >= section.position:
        raise BuilderError("“Show this question if” must use a question on an earlier page.", field="show_if")
    values = [c.value for c in question_type(source).choices(source) if c.value in wanted]
    if not values or len(values) != len(wanted):
        raise BuilderError(f"Tick one or more answers to “{source.text}” that show this question.",
                           field="show_if_values")
    if source.kind == QuestionKind.MULTIPLE and len(values) > 1:
        # Results count those shown a question from the condition's answer counts; with several answers
        # ticked they add up only when each young person gives one of them.
        raise BuilderError(f"Young people can choose several answers to “{source.text}”, so tick just one of them "
                           "here, or add a question for each.", field="show_if_values")
    data.show_if_values = values


def add_question(session: Session, actor: Actor, survey: Survey, data: QuestionInput) -> Question:
    """Add a question at the end of its page."""
    section = _check_question(session, survey, data, None)
    question = Question(
        survey=survey, kind=data.kind, text=data.text.strip(), help=data.help.strip(),
        required=data.required, theme_id=data.theme_id,
        position=max((q.position for q in section.questions), default=0) + 1,
        show_if_question_id=data.show_if_question_id or None,
        show_if_value="\n".join(data.show_if_values) if data.show_if_question_id else "",
    )
    if data.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        for position, label in enumerate([o.strip() for o in data.options if o.strip()], start=1):
            question.options.append(Option(value=slug_value(label), label=label, position=position))
    section.questions.append(question)
    session.flush()
    record(session, actor, "question.added", question, f"Added “{question.text[:80]}” to “{survey.title}”",
           kind=data.kind)
    session.flush()
    return question


def update_question(session: Session, actor: Actor, survey: Survey, question: Question, data: QuestionInput) -> Question:
    """Change a question. Once answered, its kind cannot change and answered options stay."""
    answered = question_has_answers(session, question)
    if answered and data.kind != question.kind:
        raise BuilderError("Young people have already answered this question, so its kind cannot change. "
                           "Add a new question instead.", field="kind")
    section = _check_question(session, survey, data, question)
    if answered and section is not question.section:
        raise BuilderError("Young people have already answered this question, so it stays on its page.", field="section")
    if section is not question.section:
        after = next((q for q in survey.ordered_questions if q.show_if_question_id == question.id
                      and q.section.position <= section.position), None)
        if after is not None:
            raise BuilderError(f"“{after.text}” is shown only after this question is answered, so this question must "
                               "stay on a page before that one. Change that question's “show this question” first.",
                               field="section")
    if data.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        _update_options(session, question, [o.strip() for o in data.options if o.strip()])
    elif question.options:
        question.options.clear()
    changes = {}
    for name, value in (("kind", data.kind), ("text", data.text.strip()), ("help", data.help.strip()),
                        ("required", data.required), ("theme_id", data.theme_id),
                        ("show_if_question_id", data.show_if_question_id or None),
                        ("show_if_value", "\n".join(data.show_if_values) if data.show_if_question_id else "")):
        if getattr(question, name) != value:
            changes[name] = [str(getattr(question, name)), str(value)]
            setattr(question, name, value)
    if section is not question.section:
        question.section.questions.remove(question)
        question.position = max((q.position for q in section.questions), default=0) + 1
        section.questions.append(question)
    record(session, actor, "question.edited", question, f"Edited “{question.text[:80]}”", **changes)
    session.flush()
    return question


def _update_options(session: Session, question: Question, labels: list[str]) -> None:
    """Line n relabels option n (its stored value stays); extra lines add options.

    An option young people have chosen cannot be removed, so its answers keep their meaning.
    """
    for removed in question.options[len(labels):]:
        if question_has_answers(session, question, removed.value):
            raise BuilderError(f"Young people have already chosen “{removed.label}”, so it cannot be removed. "
                               "You can reword it instead.", field="options")
    del question.options[len(labels):]
    taken = {o.value for o in question.options}
    for position, label in enumerate(labels, start=1):
        if position <= len(question.options):
            question.options[position - 1].label = label
        else:
            value = slug_value(label)
            while value in taken:
                value = f"{value[:54]}-{secrets.token_hex(2)}"
            taken.add(value)
            question.options.append(Option(value=value, label=label, position=position))


def copy_question(session: Session, actor: Actor, survey: Survey, question: Question) -> Question:
    """Copy a question, with its answers to choose from, theme and condition, to just after it on its page."""
    copy = Question(survey=survey, kind=question.kind, text=question.text, help=question.help,
                    required=question.required, theme_id=question.theme_id,
                    show_if_question_id=question.show_if_question_id, show_if_value=question.show_if_value,
                    position=question.position + 1)
    copy.options = [Option(value=o.value, label=o.label, position=o.position) for o in question.options]
    siblings = question.section.questions
    for later in siblings[siblings.index(question) + 1:]:
        later.position += 1
    siblings.insert(siblings.index(question) + 1, copy)
    session.flush()
    record(session, actor, "question.copied", copy, f"Copied “{question.text[:80]}”", source_id=question.id)
    session.flush()
    return copy


def move_question(session: Session, actor: Actor, survey: Survey, question: Question, direction: str) -> bool:
    """Move a question up or down within its page; False when it is already first or last."""
    siblings = question.section.questions
    i = siblings.index(question)
    j = i - 1 if direction == "up" else i + 1
    if 0 <= j < len(siblings):
        siblings[i].position, siblings[j].position = siblings[j].position, siblings[i].position
        siblings.sort(key=lambda q: q.position)
        record(session, actor, "question.moved", question, f"Moved “{question.text[:80]}” {direction}")
        session.flush()
        return True
    return False


def why_not_deletable(session: Session, survey: Survey, question: Question) -> str | None:
    """Why a question cannot be deleted, in plain words, or None when it can."""
    if question_has_answers(session, question):
        return ("Young people have already answered this question, so it cannot be deleted. "
                "You can make it optional or close the survey and make a copy.")
    if any(q.show_if_question_id == question.id for q in survey.ordered_questions):
        return ("Another question is shown only after this one is answered. "
                "Change that question's “show this question if” first.")
    return None


def delete_question(session: Session, actor: Actor, survey: Survey, question: Question) -> None:
    """Delete a question nobody has answered and no other question depends on."""
    reason = why_not_deletable(session, survey, question)
    if reason:
        raise BuilderError(reason)
    record(session, actor, "question.deleted", question, f"Deleted “{question.text[:80]}”")
    question.section.questions.remove(question)
    session.flush()


def publish(session: Session, actor: Actor, survey: Survey) -> None:
    """Open the survey so young people can answer it."""
    if not survey.ordered_questions:
        raise BuilderError("Add at least one question before you publish.")
    survey.status = SurveyStatus.OPEN
    record(session, actor, "survey.published", survey, f"Published “{survey.title}”")
    session.flush()


def close(session: Session, actor: Actor, survey: Survey) -> None:
    """Stop taking answers."""
    survey.status = SurveyStatus.CLOSED
    record(session, actor, "survey.closed", survey, f"Closed “{survey.title}”")
    session.flush()


def duplicate(session: Session, actor: Actor, survey: Survey) -> Survey:
    """Copy a survey's details, pages, questions and translations into a new draft, without any answers."""
    copy = Survey(slug=unique_slug(session, f"{survey.slug}-copy"), title=f"{survey.title} (copy)",
                  intro=survey.intro, thanks=survey.thanks, audience=survey.audience, age_band=survey.age_band,
                  status=SurveyStatus.DRAFT)
    new_ids: dict[int, Question] = {}
    for section in survey.sections:
        new_section = Section(title=section.title, intro=section.intro, position=section.position)
        copy.sections.append(new_section)
        for q in section.questions:
            new_q = Question(survey=copy, kind=q.kind, text=q.text, help=q.help, required=q.required,
                             theme_id=q.theme_id, position=q.position, show_if_value=q.show_if_value)
            new_q.options = [Option(value=o.value, label=o.label, position=o.position) for o in q.options]
            new_section.questions.append(new_q)
            new_ids[q.id] = new_q
    session.add(copy)
    session.flush()
    for q in survey.ordered_questions:
        if q.show_if_question_id in new_ids:
            new_ids[q.id].show_if_question_id = new_ids[q.show_if_question_id].id
    translating.copy_translations(session, survey, copy)
    record(session, actor, "survey.duplicated", copy, f"Copied “{survey.title}”", source_id=survey.id)
    session.flush()
    return copy


def set_access_code(session: Session, actor: Actor, survey: Survey, code: str) -> Survey:
    """Set or clear the code a closed group types before answering."""
    code = code.strip()
    if code and not (4 <= len(code) <= 40):
        raise BuilderError("Use an access code of 4 to 40 letters or numbers.", field="code")
    if code and not codes.is_strong(code, survey.title, survey.slug):
        raise BuilderError("That code would be too easy to guess, so someone trying codes could find it. Use "
                           "four words that have nothing to do with each other or with the survey, like "
                           f"this one made up for you: {codes.made_up_code()}", field="code")
    survey.access_code = code
    record(session, actor, "survey.access-code", survey,
           f"{'Set' if code else 'Removed'} the access code for “{survey.title}”")
    session.flush()
    return survey


def response_counts(session: Session) -> dict[int, int]:
    """Responses per survey, added up in SQL from the daily totals."""
    return {survey_id: int(n) for survey_id, n in session.execute(
        select(ResponseTally.survey_id, func.sum(ResponseTally.count)).group_by(ResponseTally.survey_id))}


def responses_by_day(session: Session, survey: Survey) -> list[tuple[date, int]]:
    """How many responses arrived each day, oldest first."""
    return [(day, int(n)) for day, n in session.execute(
        select(ResponseTally.day, ResponseTally.count).where(ResponseTally.survey_id == survey.id,
                                                             ResponseTally.count > 0).order_by(ResponseTally.day))]
