"""Public pages at /s/<slug>: intro, one page per section, check your answers, thank you."""

from __future__ import annotations

import time

from flask import (Blueprint, abort, current_app, flash, make_response, redirect, render_template, request,
                   session, url_for)

from flask_babel import gettext as _, ngettext
from sqlalchemy.exc import SQLAlchemyError

from participation.core.forms import filled
from participation.core.requests import unreadable
from participation.core.transaction import run
from participation.db import db
from participation.core import languages, limits, state
from participation.core.languages import N_
from participation.extensions import TOO_MANY, limiter, visitor_key
from participation.respond import services
from participation.respond.forms import AccessCodeForm, SendForm, fits_page, page_form
from participation.respond.pages import (AFTER_SEND, AUDIENCE, CODES, DRAFTS, HELP_FIRST, PLAIN, SENT, draft_key, remember,
                                         render_intro, render_page, unlocked)
from participation.respond.services import Outcome
from participation.surveys import codes
from participation.surveys.models import Survey, link_audiences
from participation.surveys.services import SurveyState, survey_state
from participation.surveys.question_types import question_type

bp = Blueprint("respond", __name__, url_prefix="/s")

UNREADABLE = N_("Some letters sent from your phone could not be read, so this page was not saved. They show "
              "as \ufffd below. Check your answers, then press the button again.")
NOT_SAVED = N_("Sorry, we could not save this page just now. What you chose and wrote is still here, but it "
             "is not saved yet. Wait a minute, then press the button again.")
NOT_THIS_PAGE = N_("What was sent does not match the questions on this page, so none of it was kept. "
                 "Choose your answers again, then press the button.")


def too_many_codes(seconds: int) -> str:
    """The refusal after too many wrong codes from one browser, with the real wait in minutes."""
    minutes = max(1, -(-seconds // 60))
    return ngettext("Too many wrong codes have been typed on this phone or computer. Wait %(num)s minute, then try "
                    "again, or ask the person who gave you the code.",
                    "Too many wrong codes have been typed on this phone or computer. Wait %(num)s minutes, then try "
                    "again, or ask the person who gave you the code.", minutes)


def _in_their_language(survey: Survey) -> Survey:
    """The survey in the young person's language when it offers it; otherwise the whole page is in English."""
    languages.limit_to(services.survey_languages(db.session, survey, current_app.extensions["languages"]))
    return services.in_language(db.session, survey, languages.current())


def _survey_or_stop(slug: str) -> Survey:
    """Load a survey that can be answered today, or stop with a page that says why not."""
    survey = services.find_survey(db.session, slug)
    if survey is None:
        abort(404)
    survey = _in_their_language(survey)
    state = survey_state(survey)
    if state is SurveyState.DRAFT:
        abort(404)
    if state is SurveyState.CLOSED:
        abort(make_response(render_template("respond/closed.html", survey=survey,
                                            others=services.open_surveys(db.session, survey)), 410))
    if state is SurveyState.NOT_OPEN:
        abort(make_response(render_template("respond/not_open.html", survey=survey,
                                            others=services.open_surveys(db.session, survey)), 403))
    return survey


#: The intro page as each process last drew it, by survey and language, with when it stops being shown.
_INTRO_PAGES: state.Kept[tuple[str, str], tuple[float, str]] = state.kept("intro pages", 257)


@bp.get("/<slug>")
def intro(slug: str):
    """What the survey is for, and the promise that nobody will know the answers are yours.

    This is the page every QR code and link opens, often by a whole group at once. It is the
    same for everyone (no cookie, no form token) so each process keeps it for a couple of
    seconds (INTRO_CACHE_SECONDS): a survey closed in the builder shows as closed here within
    that time, and its pages refuse answers at once.
    """
    key = (slug, languages.current())  # one copy per language
    cached = _INTRO_PAGES.get(key)
    if cached is not None and cached[0] > time.monotonic():
        return cached[1]
    survey = _survey_or_stop(slug)
    html, status = render_intro(survey)
    seconds = current_app.config["INTRO_CACHE_SECONDS"]
    if seconds and not survey.access_code:
        _INTRO_PAGES.put(key, (time.monotonic() + seconds, html))
    return html, status


@bp.get("/<slug>/for/<audience>")
def audience_link(slug: str, audience: str):
    """The link for one audience of a survey written for more than one (cared for children aged 8 to 11,
    11 to 18, care leavers): remembers which, for the results, and opens the survey's first page. The
    same few words for everyone the link was given to, never anything about the young person."""
    survey = _survey_or_stop(slug)
    remember(AUDIENCE, survey, audience if audience in link_audiences(survey.audience) else None)
    return redirect(url_for(".intro", slug=slug))


def _link_audience(survey: Survey) -> str:
    given = session.get(AUDIENCE, {}).get(str(survey.id), "")
    return given if given in link_audiences(survey.audience) else ""


#: Wrong codes count only when typed into the form this browser opened (its form token is in this
#: browser's own cookie): a few per browser, so one phone cannot go on guessing. Nothing counts for
#: everyone together, so a flood of wrong codes from thrown-away cookies can never keep out a young
#: person with the right code; guessing is made pointless by the code's strength instead (see
#: surveys/codes.py), and staff see on the survey's page when many wrong codes were typed that day.
CODES_PER_VISITOR = limits.Limit("code-visitor", "ACCESS_CODES_PER_VISITOR")


@bp.post("/<slug>/code")
def enter_code(slug: str):
    """Check the access code a closed group was given."""
    survey = _survey_or_stop(slug)
    form = AccessCodeForm()
    if form.validate_on_submit():
        if limits.reached(CODES_PER_VISITOR, visitor_key()):
            form.code.errors = [*form.code.errors, too_many_codes(limits.wait_for(CODES_PER_VISITOR, visitor_key()))]
            return render_intro(survey, code_form=form, status=429)
        if services.code_matches(survey, filled(form.code.data)):
            remember(CODES, survey, "ok")
            return redirect(url_for(".page", slug=slug, number=1))
        limits.count(CODES_PER_VISITOR, visitor_key())
        codes.note_wrong_code(survey)
        form.code.errors = [*form.code.errors, _("That code is not right. Check it with the person who gave it to you.")]
    return render_intro(survey, code_form=form, status=200)


@bp.route("/<slug>/<int:number>", methods=["GET", "POST"])
def page(slug: str, number: int):
    """One page of questions; valid answers are kept and the next page is shown."""
    survey = _survey_or_stop(slug)
    if not unlocked(survey):
        return redirect(url_for(".intro", slug=slug))
    all_pages = services.pages(survey)
    if not 1 <= number <= len(all_pages):
        abort(404)
    draft = services.find_draft(db.session, survey, draft_key(survey))
    answers = dict(draft.answers) if draft else {}
    questions = services.visible_questions(all_pages[number - 1], answers)
    changing = request.args.get("change") == "1"
    if not questions:  # every question here depends on an answer that hides it
        following = services.next_page(survey, number, answers)
        return redirect(url_for(".page", slug=slug, number=following) if following else url_for(".check", slug=slug))
    if request.method == "POST" and not fits_page(request.form, all_pages[number - 1].questions):
        return render_page(survey, number, answers=answers, changing=changing, problem=_(NOT_THIS_PAGE)), 400
    form = page_form(questions, current_app.config["MAX_TEXT_ANSWER"], answers)
    if request.method == "POST" and unreadable(request.form):
        return render_page(survey, number, form=form, answers=answers, changing=changing, problem=_(UNREADABLE)), 400
    if form.validate_on_submit():
        try:
            draft = run(db.session, lambda: services.save_answers(db.session, survey, draft, form.answers()))
        except SQLAlchemyError:
            # Nothing of this page was saved: say so, and give back everything chosen and typed.
            current_app.logger.exception("A survey page could not be saved")
            return render_page(survey, number, form=form, answers=answers, changing=changing, problem=_(NOT_SAVED)), 503
        remember(DRAFTS, survey, draft.key)
        following = services.next_page(survey, number, draft.answers)
        if following is None or (changing and services.first_unanswered_page(survey, draft.answers) is None):
            return redirect(url_for(".check", slug=slug))
        return redirect(url_for(".page", slug=slug, number=following))
    return render_page(survey, number, form=form, answers=answers, changing=changing)


@bp.route("/<slug>/check", methods=["GET", "POST"])
@limiter.limit("30 per minute", methods=["POST"], error_message=TOO_MANY)
def check(slug: str):
    """Show every answer with a link to change it, and send them all with one button."""
    survey = _survey_or_stop(slug)
    if not unlocked(survey):
        return redirect(url_for(".intro", slug=slug))
    form = SendForm()
    if form.validate_on_submit():
        result = run(db.session, lambda: services.submit(db.session, survey, draft_key(survey), form.token.data or "",
                                                     _link_audience(survey)),
                     attempts=services.SEND_ATTEMPTS, retry_on=services.RETRY_ON)
        if result.outcome in (Outcome.STORED, Outcome.ALREADY_STORED):
            if result.outcome is Outcome.STORED:
                # Only these answers are gone; an old page sent again never forgets newer unsent ones.
                remember(DRAFTS, survey, None)
            remember(SENT, survey, "1")
            # Every send answers the same way: the same redirect, and the same-sized mark in the
            # (encrypted) cookie, read once by the thank-you page to put help first where it may be needed.
            session[AFTER_SEND] = HELP_FIRST if result.needs_help else PLAIN
            return redirect(url_for(".thanks", slug=slug))
        if result.outcome is Outcome.INCOMPLETE:
            flash(_("Please answer this question before you send your answers."))
            return redirect(url_for(".page", slug=slug, number=result.page))
        return _nothing_to_check(survey)
    draft = services.find_draft(db.session, survey, draft_key(survey))
    if draft is None:
        return _nothing_to_check(survey)
    form.token.data = draft.submission_token
    answers = draft.answers
    return render_template(
        "respond/check.html", survey=survey, form=form, question_type=question_type, answers=answers,
        pages=[(n, s, services.visible_questions(s, answers)) for n, s in enumerate(services.pages(survey), 1)],
        last_page=services.previous_page(survey, len(services.pages(survey)) + 1, answers),
    )


def _nothing_to_check(survey: Survey):
    """No unsent answers here: after sending (Back from the thank-you page) say they were sent;
    otherwise say they could not be found."""
    if session.get(SENT, {}).get(str(survey.id)):
        return render_template("respond/sent.html", survey=survey), 200
    return render_template("respond/lost.html", survey=survey), 410


@bp.get("/<slug>/thanks")
def thanks(slug: str):
    """Say thank you, what happens next, and where to get help now."""
    survey = services.find_survey(db.session, slug)
    if survey is None or survey_state(survey) is SurveyState.DRAFT:
        abort(404)
    survey = _in_their_language(survey)
    return render_template("respond/thanks.html", survey=survey, help_first=session.pop(AFTER_SEND, None) == HELP_FIRST)
