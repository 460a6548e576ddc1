"""Drawing the respondent pages, shared by the public pages and the officers' preview, and what a
respondent's session cookie remembers."""

from __future__ import annotations

from flask import abort, current_app, render_template, session

from participation.respond import services
from participation.respond.forms import AccessCodeForm, page_form
from participation.surveys.models import Survey
from participation.surveys.question_types import question_type

#: Names in the respondent's session cookie: the keys of their unsent answers, and the surveys whose
#: access code they typed, by survey id.
DRAFTS = "drafts"
CODES = "codes"
#: The audience of the link this browser came through, for a survey written for more than one audience
#: (surveys.models.link_audiences): stored with the answers, so results can be filtered by it.
AUDIENCE = "link_for"
#: The surveys this browser has sent answers to, so that Back after sending says so rather than
#: "we could not find your answers", which invites a second try. Only a mark, never an answer.
SENT = "sent_to"
#: Set by every send, read once by the thank-you page: HELP_FIRST or PLAIN, the same length.
AFTER_SEND = "sent"
HELP_FIRST, PLAIN = "help", "done"


def draft_key(survey: Survey) -> str | None:
    """The key of this browser's unsent answers to the survey, if it has any."""
    return session.get(DRAFTS, {}).get(str(survey.id))


def remember(name: str, survey: Survey, value: str | None) -> None:
    """Keep (or, with None, forget) a value for the survey in the session cookie."""
    entries = dict(session.get(name, {}))
    if value:
        entries[str(survey.id)] = value
    else:
        entries.pop(str(survey.id), None)
    session[name] = entries
    session.permanent = True


def unlocked(survey: Survey) -> bool:
    """True when the survey has no access code, or this browser has typed it."""
    return not survey.access_code or session.get(CODES, {}).get(str(survey.id)) == "ok"


def render_intro(survey: Survey, preview: bool = False, code_form: AccessCodeForm | None = None, status: int = 200):
    """The intro page; shared with the officers' preview."""
    needs_code = bool(survey.access_code) and not preview and not unlocked(survey)
    return render_template(
        "respond/intro.html", survey=survey, page_count=len(services.pages(survey)),
        minutes=services.minutes_to_answer(survey), preview=preview,
        has_optional=any(not q.required for q in survey.ordered_questions),
        code_form=(code_form or AccessCodeForm()) if needs_code else None,
    ), status


def render_page(survey: Survey, number: int, preview: bool = False, form=None, answers=None, changing=False,
                problem: str = ""):
    """One page of questions. `problem` is a message about the whole page, shown at the top.

    In preview nothing can be sent or stored: the answers tried so far travel in the page's address, so
    the preview follows the survey's conditions as a young person would meet them."""
    all_pages = services.pages(survey)
    if not 1 <= number <= len(all_pages):
        abort(404)
    section = all_pages[number - 1]
    answers = answers or {}
    questions = services.visible_questions(section, answers)
    form = form or page_form(questions, current_app.config["MAX_TEXT_ANSWER"], answers)
    back_number = services.previous_page(survey, number, answers)
    next_number = services.next_page(survey, number, answers)
    extra = {}
    if preview:
        here = {q.field_name for q in section.questions}
        extra = {"hidden_by_answers": [q for q in section.questions if q not in questions],
                 "carried": [(name, value) for name, given in answers.items() if name not in here
                             for value in (given if isinstance(given, list) else [given])],
                 "tried": {name: given for name, given in answers.items() if name not in here}}
    return render_template(
        "respond/page.html", survey=survey, section=section, questions=questions, form=form, number=number,
        page_count=len(all_pages), back_number=back_number, next_number=next_number, changing=changing,
        question_type=question_type, max_text=current_app.config["MAX_TEXT_ANSWER"], preview=preview,
        problem=problem, **extra,
    )
