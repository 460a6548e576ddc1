"""Public pages at /s/<slug>: intro, one page per section, check your answers, thank you."""

from __future__ import annotations

from flask import (Blueprint, abort, current_app, flash, make_response, redirect, render_template, request,
                   session, url_for)

from participation.db import db
from participation.respond import services
from participation.respond.forms import SendForm, page_form
from participation.respond.services import Outcome, SurveyState
from participation.surveys.models import Survey
from participation.surveys.question_types import question_type

bp = Blueprint("respond", __name__, url_prefix="/s")

_DRAFTS = "drafts"


def _draft_key(survey: Survey) -> str | None:
    return session.get(_DRAFTS, {}).get(str(survey.id))


def _remember_draft(survey: Survey, key: str | None) -> None:
    drafts = dict(session.get(_DRAFTS, {}))
    if key:
        drafts[str(survey.id)] = key
    else:
        drafts.pop(str(survey.id), None)
    session[_DRAFTS] = drafts
    session.permanent = True


def _survey_or_stop(slug: str) -> Survey:
    """Load a survey that can be answered today, or stop with a page that says why not."""
    survey = services.find_survey(db.session, slug)
    if survey is None:
        abort(404)
    state = services.survey_state(survey)
    if state is SurveyState.DRAFT:
        abort(404)
    if state is SurveyState.CLOSED:
        abort(make_response(render_template("respond/closed.html", survey=survey), 410))
    if state is SurveyState.NOT_OPEN:
        abort(make_response(render_template("respond/not_open.html", survey=survey), 403))
    return survey


@bp.get("/<slug>")
def intro(slug: str):
    """What the survey is for, and the promise that nobody will know the answers are yours."""
    survey = _survey_or_stop(slug)
    return render_template(
        "respond/intro.html", survey=survey, page_count=len(services.pages(survey)),
        minutes=services.minutes_to_answer(survey),
        has_optional=any(not q.required for q in survey.ordered_questions),
    )


@bp.route("/<slug>/<int:number>", methods=["GET", "POST"])
def page(slug: str, number: int):
    """One page of questions; valid answers are kept and the next page is shown."""
    survey = _survey_or_stop(slug)
    all_pages = services.pages(survey)
    if not 1 <= number <= len(all_pages):
        abort(404)
    draft = services.find_draft(db.session, survey, _draft_key(survey))
    section = all_pages[number - 1]
    form = page_form(section, current_app.config["MAX_TEXT_ANSWER"], draft.answers if draft else {})
    changing = request.args.get("change") == "1"
    if form.validate_on_submit():
        draft = services.save_answers(db.session, survey, draft, form.answers())
        _remember_draft(survey, draft.key)
        if changing or number == len(all_pages):
            return redirect(url_for(".check", slug=slug))
        return redirect(url_for(".page", slug=slug, number=number + 1))
    back = url_for(".check", slug=slug) if changing else (
        url_for(".page", slug=slug, number=number - 1) if number > 1 else url_for(".intro", slug=slug))
    return render_template(
        "respond/page.html", survey=survey, section=section, form=form, number=number,
        page_count=len(all_pages), back=back, changing=changing, question_type=question_type,
        max_text=current_app.config["MAX_TEXT_ANSWER"],
    )


@bp.route("/<slug>/check", methods=["GET", "POST"])
def check(slug: str):
    """Show every answer with a link to change it, and send them all with one button."""
    survey = _survey_or_stop(slug)
    draft = services.find_draft(db.session, survey, _draft_key(survey))
    form = SendForm()
    if form.validate_on_submit():
        result = services.submit(db.session, survey, _draft_key(survey), form.token.data or "")
        if result.outcome in (Outcome.STORED, Outcome.ALREADY_STORED):
            _remember_draft(survey, None)
            return redirect(url_for(".thanks", slug=slug))
        if result.outcome is Outcome.INCOMPLETE:
            flash("Please answer this question before you send your answers.")
            return redirect(url_for(".page", slug=slug, number=result.page))
        return render_template("respond/lost.html", survey=survey), 410
    if draft is None:
        return render_template("respond/lost.html", survey=survey), 410
    form.token.data = draft.submission_token
    return render_template(
        "respond/check.html", survey=survey, pages=services.pages(survey), answers=draft.answers,
        form=form, question_type=question_type,
        unanswered=services.first_unanswered_page(survey, draft.answers),
    )


@bp.get("/<slug>/thanks")
def thanks(slug: str):
    """Say thank you, what happens next, and where to get help now."""
    survey = services.find_survey(db.session, slug)
    if survey is None or services.survey_state(survey) is SurveyState.DRAFT:
        abort(404)
    return render_template("respond/thanks.html", survey=survey)
