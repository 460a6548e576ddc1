"""The survey builder for participation officers: list, create, edit, questions, publish, share."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from participation.auth.access import require, user_can
from participation.auth.services import count_safeguarding_leads
from participation.auth.roles import Permission
from participation.core import golive, languages
from participation.core.forms import (ButtonForm, attempt, choice_list, filled, flash_outcome,
                                      redraws_when_timed_out, takes_upload)
from participation.core.transaction import Refused, run
from participation.core.spreadsheets import MIMETYPES, UnreadableFile, encode_table, read_upload
from participation.core.numbers import id_from
from participation.db import db
from participation.deletion import services as deletion
from participation.respond.pages import render_intro, render_page
from participation.surveys import builder, codes, sharing, translating
from participation.surveys.builder import Details, QuestionInput
from participation.surveys.forms import AccessCodeForm, DetailsForm, NewSurveyForm, QuestionForm
from participation.surveys.models import AUDIENCES, Question, Survey, SurveyStatus, link_audiences
from participation.surveys.question_types import QUESTION_TYPES, question_type
from participation.surveys.services import find_survey_by_id, survey_state
from participation.surveys.starters import STARTERS
from participation.themes.services import active_themes

bp = Blueprint("surveys", __name__, url_prefix="/surveys")
require(bp, Permission.BUILD_SURVEYS)


@bp.context_processor
def _names() -> dict:
    return {"SurveyStatus": SurveyStatus}


@bp.app_template_filter("condition_answers")
def condition_answers(question: Question) -> str:
    """The answers that show a question, in words: “Sad” or “Very sad”."""
    source = question.show_if_question
    if source is None:
        return ""
    return " or ".join(f"“{question_type(source).describe(source, value)}”" for value in question.show_if_values)


def _survey(survey_id: int) -> Survey:
    return find_survey_by_id(db.session, survey_id) or abort(404)


def _question(survey: Survey, question_id: int) -> Question:
    return next((q for q in survey.ordered_questions if q.id == question_id), None) or abort(404)


@bp.get("/")
def index():
    """Every survey with its status, dates, audience and response count."""
    surveys = db.session.scalars(db.select(Survey).order_by(Survey.created_on.desc(), Survey.id.desc())).all()
    todo = (golive.gaps(current_app.config, count_safeguarding_leads(db.session))
            if user_can(Permission.MANAGE_USERS) else [])
    return render_template("surveys/index.html", surveys=surveys, counts=builder.response_counts(db.session),
                           go_live_todo=todo)


@bp.route("/new", methods=["GET", "POST"])
@redraws_when_timed_out
def new():
    """Start a survey, blank or from a template."""
    form = NewSurveyForm()
    if form.validate_on_submit():
        survey = attempt(db.session, form, lambda: builder.new_survey(
            db.session, current_user, form.title.data, form.starter.data or ""))
        if survey:
            flash(f"Created “{survey.title}”. It is a draft until you publish it.")
            return redirect(url_for(".show", survey_id=survey.id))
    return render_template("surveys/new.html", form=form, starters=STARTERS)


@bp.get("/<int:survey_id>")
def show(survey_id: int):
    """The survey's pages and questions, with everything an officer can do to it."""
    survey = _survey(survey_id)
    return render_template(
        "surveys/show.html", survey=survey, button=ButtonForm(), question_type=question_type,
        answered=builder.has_responses(db.session, survey), by_day=builder.responses_by_day(db.session, survey),
        state=survey_state(survey).value, wrong_codes=codes.many_wrong_codes_today(survey),
        **_languages_of(survey),
    )


def _languages_of(survey: Survey) -> dict:
    """The languages young people can read the survey in, and those begun but not finished (an English change
    makes a translation out of date, and the language stops being offered until it is redone)."""
    have = translating.stored(db.session, survey)
    begun = {language for language, _ in have}
    return {"read_in": [languages.NAMES.get(code, code) for code in translating.complete_languages(
                survey, have, current_app.extensions["languages"])],
            "unfinished": [(languages.NAMES.get(code, code), p) for code in _translatable() if code in begun
                           and not (p := translating.progress(survey, code, have)).complete]}


@bp.route("/<int:survey_id>/details", methods=["GET", "POST"])
@redraws_when_timed_out
def details(survey_id: int):
    """Edit title, intro, audience, age band, dates and link name."""
    survey = _survey(survey_id)
    form = DetailsForm(obj=survey)
    if form.validate_on_submit():
        if attempt(db.session, form, lambda: builder.update_details(db.session, current_user, survey, Details(
                title=filled(form.title.data), intro=form.intro.data or "", audience=form.audience.data,
                age_band=form.age_band.data, opens_on=form.opens_on.data, closes_on=form.closes_on.data,
                slug=form.slug.data or "", thanks=form.thanks.data or ""))):
            flash("Saved the survey details.")
            return redirect(url_for(".show", survey_id=survey.id))
    return render_template("surveys/details.html", survey=survey, form=form)


def _question_form(survey: Survey, question: Question | None) -> QuestionForm:
    """The question form. "Show this question" takes two steps: a question from an earlier page, then one or
    more of its answers (the "Choose its answers" button lists them, with no JavaScript needed)."""
    form = QuestionForm(obj=question)
    form.theme_id.choices = choice_list([("", "No theme")] + [(str(t.id), t.name) for t in active_themes(db.session)])
    form.section.choices = choice_list((str(s.id), s.title) for s in survey.sections)
    if request.method == "GET" and question is not None:
        form.options.data = "\n".join(o.label for o in question.options)
        form.section.data = str(question.section_id)
        form.theme_id.data = question.theme_id
        form.show_if.data = str(question.show_if_question_id or "")
        form.show_if_values.data = question.show_if_values
    elif request.method == "GET" and survey.sections:
        form.section.data = str(survey.sections[-1].id)
    page = None if (form.new_section_title.data or "").strip() else \
        next((s for s in survey.sections if str(s.id) == form.section.data), None)
    sources = builder.condition_sources(survey, page, question)
    form.show_if.choices = choice_list([("", "To everyone")] + [
        (str(q.id), f"Only to those who answered “{q.text}” in a certain way") for q in sources])
    source = next((q for q in sources if str(q.id) == form.show_if.data), None)
    form.show_if_values.choices = choice_list(
        (c.value, c.label) for c in question_type(source).choices(source)) if source else []
    return form


def _choosing_answers() -> bool:
    """True when the officer pressed "Choose its answers": redraw the form with them, saving nothing."""
    return request.method == "POST" and "choose_answers" in request.form


def _question_input(form: QuestionForm) -> QuestionInput:
    return QuestionInput(
        kind=form.kind.data, text=form.text.data or "", help=form.help.data or "", required=form.required.data,
        theme_id=form.theme_id.data, options=(form.options.data or "").splitlines(),
        section_id=id_from(form.section.data),
        new_section_title=form.new_section_title.data or "",
        show_if_question_id=id_from(form.show_if.data or ""), show_if_values=list(form.show_if_values.data or []))


@bp.route("/<int:survey_id>/questions/new", methods=["GET", "POST"])
@redraws_when_timed_out
def add_question(survey_id: int):
    """Add a question of any kind."""
    survey = _survey(survey_id)
    form = _question_form(survey, None)
    if not _choosing_answers() and form.validate_on_submit():
        if attempt(db.session, form, lambda: builder.add_question(db.session, current_user, survey, _question_input(form))):
            flash("Added the question.")
            return redirect(url_for(".show", survey_id=survey.id))
    return render_template("surveys/question_form.html", survey=survey, form=form, question=None,
                           kinds=QUESTION_TYPES)


@bp.route("/<int:survey_id>/questions/<int:question_id>", methods=["GET", "POST"])
@redraws_when_timed_out
def edit_question(survey_id: int, question_id: int):
    """Change a question, within what keeps stored answers whole."""
    survey = _survey(survey_id)
    question = _question(survey, question_id)
    form = _question_form(survey, question)
    if not _choosing_answers() and form.validate_on_submit():
        if attempt(db.session, form, lambda: builder.update_question(
                db.session, current_user, survey, question, _question_input(form))):
            flash("Saved the question.")
            return redirect(url_for(".show", survey_id=survey.id))
    return render_template("surveys/question_form.html", survey=survey, form=form, question=question,
                           kinds=QUESTION_TYPES)


@bp.get("/<int:survey_id>/questions/<int:question_id>/delete")
def confirm_delete_question(survey_id: int, question_id: int):
    """Say what deleting a question will do, or why it cannot be deleted, before it happens."""
    survey = _survey(survey_id)
    question = _question(survey, question_id)
    page = survey.sections.index(question.section) + 1
    return render_template(
        "staff/confirm.html", heading=f"Delete “{question.text}”?",
        refusal=builder.why_not_deletable(db.session, survey, question),
        consequences=[f"The question goes from page {page} of “{survey.title}” for good: it cannot be brought back.",
                      "Nobody has answered it, so no answers are lost.",
                      "Preview the survey afterwards to check the page still reads well."],
        action_url=url_for(".change_question", survey_id=survey.id, question_id=question.id, action="delete"),
        button="Delete the question", cancel_url=_at_question(survey, question), cancel_label="Keep the question")


def _at_question(survey: Survey, question: Question) -> str:
    return url_for(".show", survey_id=survey.id, _anchor=f"question-{question.id}")


@bp.post("/<int:survey_id>/questions/<int:question_id>/<any(up, down, delete, copy):action>")
def change_question(survey_id: int, question_id: int, action: str):
    """Move a question up or down, copy it, or delete it (after its confirmation page)."""
    survey = _survey(survey_id)
    question = _question(survey, question_id)
    if not ButtonForm().validate_on_submit():
        flash("This page timed out, so nothing changed. Press the button again.", "error")
        return redirect(_at_question(survey, question))
    if action == "delete":
        text = question.text
        flash_outcome(db.session, lambda: builder.delete_question(db.session, current_user, survey, question),
                      f"Deleted the question “{text}”.")
        if question in survey.ordered_questions:  # refused: back to it
            return redirect(_at_question(survey, question))
        return redirect(url_for(".show", survey_id=survey.id, _anchor="questions"))
    if action == "copy":
        copy = flash_outcome(db.session, lambda: builder.copy_question(db.session, current_user, survey, question),
                             f"Copied “{question.text}”. This is the copy, just after it on its page: change it here.")
        if copy is not None:
            return redirect(url_for(".edit_question", survey_id=survey.id, question_id=copy.id))
        return redirect(_at_question(survey, question))
    where = "up" if action == "up" else "down"
    flash_outcome(db.session, lambda: builder.move_question(db.session, current_user, survey, question, action),
                  lambda moved: f"Moved “{question.text}” {where}." if moved
                  else f"“{question.text}” is already {'first' if action == 'up' else 'last'} on its page.")
    return redirect(_at_question(survey, question))


@bp.get("/<int:survey_id>/close")
def confirm_close(survey_id: int):
    """Say what closing a survey will do before it happens."""
    survey = _survey(survey_id)
    count = builder.response_counts(db.session).get(survey.id, 0)
    return render_template(
        "staff/confirm.html", heading=f"Close “{survey.title}”?",
        refusal=None if survey.status == SurveyStatus.OPEN
        else "This survey is not open, so there is nothing to close.",
        consequences=[
            "Young people can no longer answer it. Anyone who opens the link, or is part-way through, is told it "
            "has closed and cannot send answers.",
            f"The {count} response{'s' if count != 1 else ''} already sent {'are' if count != 1 else 'is'} kept "
            "for results and reports.",
            "You can publish it again later to take more answers."],
        action_url=url_for(".change_status", survey_id=survey.id, action="close"),
        button="Close the survey", cancel_url=url_for(".show", survey_id=survey.id), cancel_label="Keep it open")


def _counted(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def _goes(count: int) -> str:
    return "goes" if count == 1 else "go"


def _what_deleting_does(survey: Survey, goes: deletion.WhatGoes) -> list[str]:
    """What deleting a survey deletes and what it leaves, in plain words, one line each."""
    pages, questions = len(survey.sections), len(survey.ordered_questions)
    lines = [f"“{survey.title}” goes for good, with its {_counted(pages, 'page', 'pages')} and "
             f"{_counted(questions, 'question', 'questions')}. It cannot be brought back, and its link "
             f"/s/{survey.slug} stops working."]
    if goes.responses:
        lines.append(f"The {_counted(goes.responses, 'response', 'responses')} young people sent go, with every "
                     "answer in them. Results, reports and committee papers stop counting them, also for periods "
                     "already reported. Download the responses from the survey's results first if you need them.")
    else:
        lines.append("Nobody has sent answers to it, so no responses are lost.")
    if goes.unsent:
        lines.append(f"{_counted(goes.unsent, 'set', 'sets')} of answers started and never sent "
                     f"{_goes(goes.unsent)} too.")
    if goes.comments:
        lines.append(f"The {_counted(goes.comments, 'comment', 'comments')} young people wrote go, with their themes.")
    if goes.handled_flags:
        lines.append(f"{_counted(goes.handled_flags, 'safeguarding flag', 'safeguarding flags')} the safeguarding "
                     f"lead has already handled {_goes(goes.handled_flags)}, with the lead's notes. The audit log "
                     "keeps that each was handled, by whom and on which day, but not the note: check that what was "
                     "done is in your council's safeguarding records.")
    if goes.quotes:
        lines.append(f"{_counted(goes.quotes, 'comment', 'comments')} starred to quote to the committee "
                     f"{_goes(goes.quotes)} from the committee paper.")
    if goes.evidence_links:
        lines.append(f"{_counted(goes.evidence_links, 'link', 'links')} from “you said” items to its comments as "
                     f"evidence {_goes(goes.evidence_links)}.")
    if goes.items:
        named = ", ".join(f"“{summary[:80]}”" for summary in goes.items[:5]) + (", ..." if len(goes.items) > 5 else "")
        lines.append(f"What stays: {_counted(len(goes.items), '“you said” item keeps', '“you said” items keep')} "
                     f"its words, actions and history, but no longer links to this survey or its comments ({named}); "
                     "its history says the survey was deleted.")
    for version in goes.pledge_versions:
        lines.append(f"What stays: the pledge “{version}” and its promises. This was its review survey, so the "
                     "promises' review results for that year go, and it no longer has a review survey.")
    lines.append("What stays: the audit log, with an entry saying who deleted the survey and how many responses and "
                 "comments went with it.")
    return lines


@bp.get("/<int:survey_id>/delete")
def confirm_delete(survey_id: int):
    """Say what deleting a survey will delete and what stays, or why it cannot be deleted, before it happens."""
    survey = _survey(survey_id)
    goes = deletion.what_goes(db.session, survey)
    return render_template(
        "staff/confirm.html", heading=f"Delete “{survey.title}”?",
        refusal=deletion.why_not_deletable(db.session, survey, goes),
        consequences=_what_deleting_does(survey, goes),
        action_url=url_for(".delete", survey_id=survey.id), button="Delete the survey and its answers",
        cancel_url=url_for(".show", survey_id=survey.id), cancel_label="Keep the survey",
        flags_url=url_for("comments.queue", survey=survey.id, flag="open") if goes.open_flags else None)


@bp.post("/<int:survey_id>/delete")
def delete(survey_id: int):
    """Delete a survey with everything young people sent to it, after its confirmation page."""
    survey = _survey(survey_id)
    if not ButtonForm().validate_on_submit():
        flash("This page timed out, so nothing changed. Press the button again.", "error")
        return redirect(url_for(".confirm_delete", survey_id=survey.id))
    title = survey.title
    goes = flash_outcome(db.session, lambda: deletion.delete_survey(db.session, current_user, survey),
                         lambda went: f"Deleted the survey “{title}”, with "
                                      f"{_counted(went.responses, 'response', 'responses')} and "
                                      f"{_counted(went.comments, 'comment', 'comments')}.")
    if goes is None:  # refused: the reason is shown on the survey's page
        return redirect(url_for(".show", survey_id=survey_id))
    return redirect(url_for(".index"))


@bp.post("/<int:survey_id>/<any(publish, close, duplicate):action>")
def change_status(survey_id: int, action: str):
    """Publish, close or copy a survey."""
    survey = _survey(survey_id)
    if not ButtonForm().validate_on_submit():
        abort(400)
    if action == "duplicate":
        copy = flash_outcome(db.session, lambda: builder.duplicate(db.session, current_user, survey),
                             lambda made: f"Made a copy: “{made.title}”.")
        if copy is not None:
            return redirect(url_for(".show", survey_id=copy.id))
    else:
        change = builder.publish if action == "publish" else builder.close
        flash_outcome(db.session, lambda: change(db.session, current_user, survey),
                      "Published. Young people can answer it now." if action == "publish"
                      else "Closed. No more answers can be sent.")
    return redirect(url_for(".show", survey_id=survey.id))


@bp.get("/<int:survey_id>/preview/", defaults={"number": 0})
@bp.get("/<int:survey_id>/preview/<int:number>")
def preview(survey_id: int, number: int):
    """Show a page exactly as a young person sees it; nothing can be sent or stored from here. In a language
    chosen with ?lang=, what is translated so far is shown, and the English where a piece is not."""
    survey = _survey(survey_id)
    languages.limit_to(_translatable())  # staff pages are in English; a preview follows the language chosen
    language = languages.current()
    if language in _translatable():
        have = translating.stored(db.session, survey, language)
        for question in survey.ordered_questions:  # load what the preview reads before the survey leaves the session
            _ = (question.show_if_question, question.theme, question.section, question.survey, survey.questions)
        db.session.expunge(survey)  # a copy to show, never saved
        translating.translated(survey, language, have)
    if number == 0:
        return render_intro(survey, preview=True)
    return render_page(survey, number, preview=True, answers=_tried_answers(survey))


def _tried_answers(survey: Survey) -> dict:
    """The answers an officer tried on earlier preview pages, from the address; nothing is stored. Written
    answers are left out: no condition reads them, and they would make the address long."""
    answers: dict = {}
    for q in survey.ordered_questions:
        kind = question_type(q)
        allowed = {c.value for c in kind.choices(q)}
        given = [value for value in request.args.getlist(q.field_name) if value in allowed]
        if given:
            answers[q.field_name] = given if kind.multiple else given[0]
    return answers


def _translatable() -> list[str]:
    """The languages an officer can translate a survey into: every one the council lists but English."""
    return [code for code in languages.listed(current_app) if code != "en"]


@bp.get("/<int:survey_id>/translations")
def translations(survey_id: int):
    """How far the survey is translated into each of the council's languages, and the spreadsheet."""
    survey = _survey(survey_id)
    have = translating.stored(db.session, survey)
    return render_template("surveys/translations.html", survey=survey, button=ButtonForm(),
                           progress=[translating.progress(survey, code, have) for code in _translatable()],
                           turned_on=current_app.extensions["languages"], names=languages.NAMES)


@bp.route("/<int:survey_id>/translations/<language>", methods=["GET", "POST"])
@redraws_when_timed_out
def translate(survey_id: int, language: str):
    """Translate every piece of the survey into one language, with its English beside each box."""
    survey = _survey(survey_id)
    if language not in _translatable():
        abort(404)
    form = ButtonForm()
    if form.validate_on_submit():
        entries = [translating.Entry(piece.key, request.form.get(f"t-{piece.key}", ""),
                                     request.form.get(f"h-{piece.key}", ""), f"ok-{piece.key}" in request.form)
                   for piece in translating.pieces(survey) if f"t-{piece.key}" in request.form]
        changed = attempt(db.session, form, lambda: translating.save(
            db.session, current_user, survey, language, entries, translatable=_translatable(), empty_removes=True))
        if changed is not None:
            flash(f"Saved {changed} translation{'' if changed == 1 else 's'}." if changed else "Nothing changed.")
            return redirect(url_for(".translations", survey_id=survey.id))
    have = translating.stored(db.session, survey, language)
    return render_template("surveys/translate.html", survey=survey, form=form, language=language,
                           name=languages.NAMES.get(language, language), rtl=language in languages.RTL,
                           pieces=translating.pieces(survey), have=have, source_hash=translating.source_hash,
                           turned_on=current_app.extensions["languages"],
                           typed=request.form if request.method == "POST" else None)


@bp.get("/<int:survey_id>/translations.<any(csv, xlsx):kind>")
def translations_sheet(survey_id: int, kind: str):
    """The survey's words as a spreadsheet to translate: key, English, then one column per language."""
    survey = _survey(survey_id)
    header, rows = translating.sheet(db.session, survey, _translatable())
    return Response(encode_table(kind, header, rows, "Translations"), mimetype=MIMETYPES[kind],
                    headers={"Content-Disposition": f"attachment; filename={survey.slug}-translations.{kind}"})


@bp.post("/<int:survey_id>/translations/upload")
@takes_upload(translating.MAX_FILE)
def upload_translations(survey_id: int):
    """Store every translation in an uploaded spreadsheet, or, if anything in it is wrong, none of them."""
    survey = _survey(survey_id)
    form = ButtonForm()
    upload = request.files.get("upload")
    if not form.validate_on_submit():
        flash("This page timed out, so nothing was saved. Choose the file and upload it again.", "error")
    elif upload is None or not upload.filename:
        flash("Choose the translations spreadsheet to upload.", "error")
    else:
        data = upload.read(translating.MAX_FILE + 1)
        try:
            if len(data) > translating.MAX_FILE:
                raise UnreadableFile(f"The file is too big. Upload a file under {translating.MAX_FILE // 1024} KB.")
            table = read_upload(data, upload.filename, translating.MAX_ROWS)
        except UnreadableFile as error:
            flash(f"Nothing was saved. {error}", "error")
            return redirect(url_for(".translations", survey_id=survey.id))

        def store() -> int:
            found = translating.read_sheet(db.session, survey, table, _translatable())
            return sum(translating.save(db.session, current_user, survey, code, entries, translatable=_translatable(),
                                        empty_removes=False) for code, entries in found.items())
        try:
            changed = run(db.session, store)
        except Refused as error:
            flash(f"Nothing was saved. {error}", "error")
        else:
            flash(f"Saved {changed} translation{'' if changed == 1 else 's'} from the spreadsheet." if changed
                  else "The spreadsheet has no new translations, so nothing changed.")
    return redirect(url_for(".translations", survey_id=survey.id))


@bp.route("/<int:survey_id>/share", methods=["GET", "POST"])
def share(survey_id: int):
    """The link, a QR code, a printable poster and the optional access code."""
    survey = _survey(survey_id)
    form = AccessCodeForm(obj=survey if request.method == "GET" else None)
    if request.method == "GET":
        form.code.data = survey.access_code
    if form.validate_on_submit():
        if attempt(db.session, form, lambda: builder.set_access_code(db.session, current_user, survey, form.code.data or "")):
            flash("Saved the access code." if survey.access_code else "Anyone with the link can answer now.")
            return redirect(url_for(".share", survey_id=survey.id))
    link = sharing.public_link(survey, current_app.config["PUBLIC_URL"])
    return render_template("surveys/share.html", survey=survey, form=form, link=link,
                           audience_links=[(AUDIENCES[a], f"{link}/for/{a}") for a in link_audiences(survey.audience)],
                           readable=sharing.readable_link(link), qr_svg=sharing.qr_svg(link),
                           state=survey_state(survey).value, made_up_code=codes.made_up_code(),
                           weak_code=bool(survey.access_code) and not codes.is_strong(
                               survey.access_code, survey.title, survey.slug),
                           wrong_codes=codes.many_wrong_codes_today(survey))


@bp.get("/<int:survey_id>/poster")
def poster(survey_id: int):
    """An A4 poster in plain words with the title young people see, the closing date, the QR code and, when the
    survey has an access code, who to ask for it; ready to print."""
    survey = _survey(survey_id)
    link = sharing.public_link(survey, current_app.config["PUBLIC_URL"])
    return render_template("surveys/poster.html", survey=survey, link=link, readable=sharing.readable_link(link),
                           qr_svg=sharing.qr_svg(link, scale=8), state=survey_state(survey).value)


@bp.get("/<int:survey_id>/qr.svg")
def qr(survey_id: int):
    """The QR code as SVG, which stays sharp at any size, for printers and designers."""
    survey = _survey(survey_id)
    link = sharing.public_link(survey, current_app.config["PUBLIC_URL"])
    return current_app.response_class(sharing.qr_svg(link, scale=10, standalone=True), mimetype="image/svg+xml",
                                      headers={"Content-Disposition": sharing.download_as(f"{survey.slug}-qr.svg")})


@bp.get("/<int:survey_id>/qr.png")
def qr_png(survey_id: int):
    """The QR code as a PNG picture, for Word, Publisher or a newsletter."""
    survey = _survey(survey_id)
    link = sharing.public_link(survey, current_app.config["PUBLIC_URL"])
    return current_app.response_class(sharing.qr_png(link), mimetype="image/png",
                                      headers={"Content-Disposition": sharing.download_as(f"{survey.slug}-qr.png")})
