"""The officers' tracker (/tracker) and the public "you said, we did" board (/you-said-we-did)."""

from __future__ import annotations

import base64
import dataclasses
import binascii
import re

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from participation.auth.access import require
from participation.auth.models import StaffUser
from participation.auth.roles import Permission
from participation.core.forms import (ButtonForm, attempt, choice_list, filled, flash_outcome,
                                      redraws_when_timed_out, takes_upload)
from participation.core.numbers import answer_id_from, id_from, page_from
from participation.core.transaction import run
from participation.db import db
from participation.core.spreadsheets import UnreadableFile
from participation.exchange.downloads import ready_rows, table_download
from participation.themes.services import active_themes
from participation.tracker import importing, services
from participation.tracker.forms import ActionForm, ItemForm, ProgressForm, RagForm, TrackerImportForm
from participation.tracker.models import SOURCE_KINDS, SOURCES, Action, Source, YouSaid
from participation.tracker.rules import RAGS, STATUSES, ActionStatus, read_date

bp = Blueprint("tracker", __name__, url_prefix="/tracker")
require(bp, Permission.RUN_TRACKER)
board_bp = Blueprint("board", __name__)


def _item(item_id: int) -> YouSaid:
    return db.session.get(YouSaid, item_id) or abort(404)


def _action(action_id: int) -> Action:
    return db.session.get(Action, action_id) or abort(404)


@bp.context_processor
def _names() -> dict:
    return {"statuses": STATUSES, "sources": SOURCES, "source_kinds": SOURCE_KINDS, "rags": RAGS, "ActionStatus": ActionStatus,
            "Source": Source}


@bp.get("/")
def index():
    """Every "you said" with its actions and RAG, filtered."""
    args = request.args
    filters = services.Filters(theme=args.get("theme", ""), status=args.get("status", ""), rag=args.get("rag", ""),
                               owner=args.get("owner", "")[:100], overdue=args.get("overdue") == "yes",
                               source=args.get("source", ""), published=args.get("published", ""))
    return render_template("tracker/index.html", items=services.items(db.session, filters), filters=filters,
                           themes=active_themes(db.session))


def _item_input(form: ItemForm, item: YouSaid | None = None) -> services.ItemInput:
    """What the form says; the plain words only for a recommendation or a plan's action, the one form showing them."""
    linkable = item is not None and not item.from_young_people
    plain = form.plain_summary.data or "" if linkable else None
    return services.ItemInput(plain_summary=plain, answers_id=id_from(form.answers_id.data), set_answers=linkable,
        summary=form.summary.data or "", theme_keys=request.form.getlist("themes"), source=form.source.data,
        source_survey_id=id_from(form.source_survey_id.data), source_question_id=id_from(form.source_question_id.data),
        source_promise_id=id_from(form.source_promise_id.data), meeting_on=form.meeting_on.data,
        reference=form.reference.data or "", raised_on=form.raised_on.data,
        evidence=[n for n in map(answer_id_from, request.form.getlist("evidence")) if n])


def _prefill(form: ItemForm) -> services.ItemInput:
    """A new item starts from comments ticked in the review queue, or from a promise's results."""
    promise_id = id_from(request.args.get("promise_id"))
    if promise_id:
        data = services.prefill_from_promise(db.session, promise_id)
        if data is None:
            abort(404)
        form.summary.data = data.summary
        form.source.data = data.source
        form.source_promise_id.data = str(promise_id)
        return data
    ids = [n for n in map(answer_id_from, request.form.getlist("selected")) if n]
    data = services.prefill_from_comments(db.session, ids)
    form.source.data = data.source
    form.source_survey_id.data = str(data.source_survey_id or "")
    form.source_question_id.data = str(data.source_question_id or "")
    return data


@bp.route("/new", methods=["GET", "POST"])
@redraws_when_timed_out
def new_item():
    """Make a "you said", from scratch, from comments chosen in the review queue, or from a promise."""
    form = ItemForm()
    if request.method == "POST" and request.form.get("step") == "save":
        data = _item_input(form)
        if form.validate_on_submit():
            item = attempt(db.session, form, lambda: services.create_item(db.session, current_user, data))
            if item:
                flash("Added the “you said”. Now add what will be done.")
                return redirect(url_for(".action_new", item_id=item.id))
    else:
        if request.method == "POST" and not ButtonForm().validate_on_submit():
            abort(400)  # comments sent from the review queue carry its CSRF token
        form = ItemForm(formdata=None)
        data = _prefill(form)
    comments = services.comment_texts(db.session, data.evidence, original=True)
    return render_template("tracker/item_form.html", form=form, item=None, chosen=data.theme_keys,
                           evidence=data.evidence, comments=comments, themes=active_themes(db.session))


@bp.get("/<int:item_id>")
def item(item_id: int):
    """One item: its actions, progress, evidence and the history of every change."""
    item = _item(item_id)
    return render_template("tracker/item.html", item=item, history=services.history(db.session, item),
                           not_ready=services.not_ready(item),
                           comments=services.evidence_comments(db.session, item, True),
                           progress=ProgressForm(), rag_form=RagForm(), button=ButtonForm())


@bp.route("/<int:item_id>/edit", methods=["GET", "POST"])
@redraws_when_timed_out
def edit_item(item_id: int):
    """Change what young people said, its themes or its source."""
    item = _item(item_id)
    form = ItemForm(obj=item)
    if not item.from_young_people:
        form.summary.label.text = f"{item.board_label}: its own words (staff only)"
        form.summary.description = "Young people never read this. The board shows the plain words below."
        form.answers_id.choices = [("", "Nothing chosen")] + [
            (str(i.id), i.summary[:120]) for i in services.young_peoples_items(db.session)]
        if request.method == "GET":
            form.answers_id.data = str(item.answers_id or "")
    if request.method == "GET":
        form.source_survey_id.data = str(item.source_survey_id or "")
        form.source_question_id.data = str(item.source_question_id or "")
        form.source_promise_id.data = str(item.source_promise_id or "")
    if form.validate_on_submit():
        if attempt(db.session, form, lambda: services.update_item(db.session, current_user, item, _item_input(form, item))):
            flash("Saved.")
            return redirect(url_for(".item", item_id=item.id))
    evidence = [e.answer_id for e in item.evidence]
    return render_template("tracker/item_form.html", form=form, item=item, chosen=request.form.getlist("themes")
                           if request.method == "POST" else item.theme_keys, evidence=evidence,
                           comments=services.evidence_comments(db.session, item, True),
                           themes=active_themes(db.session))


@bp.post("/<int:item_id>/publish")
def publish(item_id: int):
    """Show the item on the public board, or take it off."""
    item = _item(item_id)
    if not ButtonForm().validate_on_submit():
        abort(400)
    flash_outcome(db.session, lambda: services.set_published(db.session, current_user, item, not item.published),
                  lambda changed: "Published on the board." if changed.published else "Taken off the board.")
    return redirect(url_for(".item", item_id=item.id))


def _action_form(action: Action | None, item: YouSaid) -> ActionForm:
    form = ActionForm(obj=action)
    if not item.from_young_people:
        form.what.description = "The council's own words: young people never read them. They read “we did”."
    staff = db.session.scalars(select(StaffUser).where(StaffUser.active.is_(True)).order_by(StaffUser.email))
    form.owner_user_id.choices = choice_list([("", "Nobody in particular")] + [
        (str(u.id), u.name or u.email) for u in staff])
    return form


def _action_input(form: ActionForm) -> services.ActionInput:
    return services.ActionInput(what=form.what.data or "", owner=form.owner.data or "",
                                owner_user_id=form.owner_user_id.data, due_on=form.due_on.data,
                                status=form.status.data, we_did=form.we_did.data or "",
                                wont_do_reason=form.wont_do_reason.data or "")


@bp.route("/<int:item_id>/actions/new", methods=["GET", "POST"])
@redraws_when_timed_out
def action_new(item_id: int):
    """Add an action to an item."""
    item = _item(item_id)
    form = _action_form(None, item)
    if form.validate_on_submit() and attempt(db.session, form, lambda: services.add_action(db.session, current_user, item,
                                                                                _action_input(form))):
        flash("Added the action.")
        return redirect(url_for(".item", item_id=item.id))
    return render_template("tracker/action_form.html", form=form, item=item, action=None)


@bp.route("/actions/<int:action_id>", methods=["GET", "POST"])
@redraws_when_timed_out
def action_edit(action_id: int):
    """Change an action: what, who, when, status, "we did" or why not."""
    action = _action(action_id)
    form = _action_form(action, action.item)
    if form.validate_on_submit() and attempt(db.session, form, lambda: services.update_action(db.session, current_user, action,
                                                                                   _action_input(form))):
        flash("Saved the action.")
        return redirect(url_for(".item", item_id=action.item_id))
    return render_template("tracker/action_form.html", form=form, item=action.item, action=action)


@bp.post("/actions/<int:action_id>/progress")
def progress(action_id: int):
    """Add a dated progress update."""
    action = _action(action_id)
    form = ProgressForm()
    if not form.validate_on_submit():
        flash(next(iter(form.errors.values()))[0] if form.errors else "Write what has happened.", "error")
    else:
        flash_outcome(db.session, lambda: services.add_update(db.session, current_user, action, filled(form.text.data)),
                      "Added the update.")
    return redirect(url_for(".item", item_id=action.item_id))


@bp.post("/actions/<int:action_id>/rag")
def rag(action_id: int):
    """Override the RAG rating with a reason, or go back to the worked-out one."""
    action = _action(action_id)
    form = RagForm()
    if not form.validate_on_submit():
        flash("Choose red, amber or green, or to work it out.", "error")
        return redirect(url_for(".item", item_id=action.item_id))
    flash_outcome(db.session, lambda: services.override_rag(db.session, current_user, action, form.colour.data,
                                                form.reason.data or ""), "Saved the RAG rating.")
    return redirect(url_for(".item", item_id=action.item_id))


@bp.get("/export.<any(csv, xlsx):kind>")
def export(kind: str):
    """Download the tracker as CSV or Excel; no cell is ever run as a formula."""
    header, rows = services.export_rows(db.session)
    return table_download(kind, header, ready_rows(rows), 'You said, we did', f"you-said-we-did.{kind}")


@bp.route("/import", methods=["GET", "POST"])
@takes_upload(importing.MAX_FILE)
def import_tracker():
    """Upload a tracker, check every row as it will be stored and confirm the unsure readings, then import it all at once."""
    form = TrackerImportForm()
    plan = None
    confirmed = set(request.form.getlist("confirm"))
    if form.validate_on_submit():
        upload = request.files.get("upload")
        if upload and upload.filename:
            data, filename = upload.read(importing.MAX_FILE + 1), upload.filename
        else:
            try:
                data = base64.b64decode(form.file_data.data or "", validate=True)
            except (binascii.Error, ValueError):
                data = b""
            filename = form.filename.data or ""
        if not data:
            form.form_errors.append("Choose the tracker file to upload.")
        else:
            try:
                table = importing.read_tracker(data, filename)
            except UnreadableFile as error:
                table, plan = None, importing.ImportPlan(errors=[str(error)])
            if table is not None:
                columns = _columns(form, table[0])
                source, problem = _source(form, columns)
                plan = (importing.ImportPlan(errors=[problem]) if problem else
                        importing.plan_import(db.session, data, filename, columns, table, source))
            form.form_errors.extend(plan.errors)
            unconfirmed = [row for row in plan.unsure if str(row) not in confirmed]
            if plan.ok and request.form.get("step") == "import":
                if unconfirmed:
                    form.form_errors.append(f"Confirm the readings marked “Check this” before importing: row"
                                            f"{'s' if len(unconfirmed) > 1 else ''} {_rows(unconfirmed)}. "
                                            "If one is wrong, correct it in your file and upload it again.")
                else:
                    count = run(db.session, lambda: importing.apply_import(db.session, current_user, plan,
                                                                           publish=form.publish.data))
                    flash(importing.published_words(plan, count) if form.publish.data else f"Imported {count} items.")
                    return redirect(url_for(".index"))
            if plan.ok and len(data) <= importing.MAX_FILE:
                form.file_data.data = base64.b64encode(data).decode()
                form.filename.data = re.sub(r"[^\w. -]", "", filename)[:100]
    return render_template("tracker/import.html", form=form, plan=plan, confirmed=confirmed, today=services.today())


def _rows(numbers: list[int]) -> str:
    """"3, 7 and 9"."""
    words = [str(n) for n in numbers]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _columns(form: TrackerImportForm, header: list[str]) -> importing.Columns:
    """The columns the officer named, with the usual names guessed for any left empty (all of them for an export)."""
    guess = importing.guess_columns(header)
    names = {}
    for name in ("you_said", "we_did", "status", "due", "owner", "theme", "ref", "section"):
        field = getattr(form, name)
        field.data = (field.data or "").strip() or getattr(guess, name)
        names[name] = field.data
    return dataclasses.replace(guess, **names)


def _source(form: TrackerImportForm, columns: importing.Columns) -> tuple[importing.SourceInput | None, str]:
    """The paper or meeting the officer named, or the refusal; a file with its own source column needs none."""
    kind, name, held = form.source_kind.data or "", (form.source_name.data or "").strip(), (form.source_date.data or "").strip()
    if not kind:
        if columns.source_kind:
            return None, ""
        return None, "Choose what the tracker comes from: a review, an action plan, a meeting..."
    if not name:
        return None, "Give the name of the paper or meeting, such as “Care Leavers Review 2012”."
    held_on = read_date(held) if held else None
    if held and held_on is None:
        return None, f"“{held[:60]}” is not a date we can read. Write it like 1 November 2012."
    return importing.SourceInput(kind, name[:200], held_on), ""


@board_bp.get("/you-said-we-did")
def public_board():
    """What young people told us and what we did about it, in plain words, for phones."""
    themes = active_themes(db.session)
    theme = request.args.get("theme", "")
    if theme and theme not in {t.key for t in themes}:
        theme = ""
    page = min(page_from(request.args.get("page")), 1000)
    entries, pages = services.board(db.session, theme, page)
    return render_template("tracker/board.html", entries=entries, pages=pages, page=page, theme=theme,
                           themes=themes, today=services.today())
