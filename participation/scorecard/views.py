"""Officers keep the committee's scorecard: import it, define measures, record values, rate by hand, feed from data."""

from __future__ import annotations

import base64
import binascii
import re

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from participation.auth.access import require
from participation.auth.roles import Permission
from participation.core.forms import filled, takes_upload
from participation.core.transaction import Refused, run
from participation.db import db
from participation.exchange.downloads import ready_rows, table_download
from participation.scorecard import feeds, services
from participation.scorecard.forms import FeedForm, MeasureForm, RagForm, ScorecardImportForm, ValueForm
from participation.scorecard.feeds import FeedKind
from participation.scorecard.models import Measure
from participation.surveys.question_types import question_type

bp = Blueprint("scorecard", __name__, url_prefix="/scorecard")
require(bp, Permission.RUN_TRACKER)

MAX_FILE, MAX_ROWS = services.MAX_FILE, services.MAX_ROWS


def _measure(measure_id: int) -> Measure:
    return db.session.get(Measure, measure_id) or abort(404)


@bp.get("/")
def index():
    """The scorecard as officers keep it, with links to each measure."""
    return render_template("scorecard/index.html", card=services.scorecard(db.session, exact=True))


@bp.route("/import", methods=["GET", "POST"])
@takes_upload(MAX_FILE)
def import_scorecard():
    """Upload the scorecard, see how every cell was read, then import it all at once."""
    form = ScorecardImportForm()
    shown = None
    if form.validate_on_submit():
        upload = request.files.get("upload")
        if upload and upload.filename:
            data, filename = upload.read(MAX_FILE + 1), upload.filename
        else:
            try:
                data = base64.b64decode(form.file_data.data or "", validate=True)
            except (binascii.Error, ValueError):
                data = b""
            filename = form.filename.data or ""
        try:
            if not data:
                raise Refused("Choose the scorecard file to upload.")
            table = services.read_file(data, filename)
            shown = services.preview(db.session, table)
            if request.form.get("step") == "import":
                count = run(db.session, lambda: services.import_sheet(db.session, current_user, table))
                flash(f"Imported the scorecard: {count} measures.")
                return redirect(url_for(".index"))
            form.file_data.data = base64.b64encode(data).decode()
            form.filename.data = re.sub(r"[^\w. -]", "", filename)[:100]
        except Refused as refused:
            form.form_errors.append(str(refused))
            shown = None
    return render_template("scorecard/import.html", form=form, shown=shown)


@bp.get("/export.<any(csv, xlsx):kind>")
def export(kind: str):
    """The scorecard in the shape it is imported; no cell is ever a formula."""
    header, rows = services.export_table(db.session)
    return table_download(kind, header, ready_rows(rows), "Scorecard", f"scorecard.{kind}")


def _measure_input(form: MeasureForm) -> services.MeasureInput:
    return services.MeasureInput(*(getattr(form, name).data or "" for name in services.MeasureInput.__dataclass_fields__))


@bp.route("/measures/new", methods=["GET", "POST"])
def new_measure():
    """Define a measure the committee will follow."""
    form = MeasureForm()
    if form.validate_on_submit():
        try:
            measure = run(db.session, lambda: services.save_measure(db.session, current_user, _measure_input(form)))
        except Refused as refused:
            form.form_errors.append(str(refused))
        else:
            flash("Measure added.")
            return redirect(url_for(".measure", measure_id=measure.id))
    return render_template("scorecard/measure_form.html", form=form, measure=None)


@bp.route("/measures/<int:measure_id>/edit", methods=["GET", "POST"])
def edit_measure(measure_id: int):
    """Change a measure's details."""
    measure = _measure(measure_id)
    form = MeasureForm(data=None if request.method == "POST" else vars(services.measure_input(measure)))
    if form.validate_on_submit():
        try:
            run(db.session, lambda: services.save_measure(db.session, current_user, _measure_input(form), measure))
        except Refused as refused:
            form.form_errors.append(str(refused))
        else:
            flash("Measure saved.")
            return redirect(url_for(".measure", measure_id=measure.id))
    return render_template("scorecard/measure_form.html", form=form, measure=measure)


@bp.get("/measures/<int:measure_id>")
def measure(measure_id: int):
    """One measure: its values by period, its rating and where its values come from."""
    measure = _measure(measure_id)
    return _measure_page(measure, ValueForm(), RagForm(data={"colour": measure.rag_override,
                                                             "reason": measure.rag_reason}),
                         _feed_form(measure))


def _feed_form(measure: Measure, formdata=None) -> FeedForm:
    feed = measure.feed or {}
    form = FeedForm(formdata=formdata, data=None if formdata else {
        "kind": feed.get("kind", ""), "question_id": str(feed.get("question_id", "")),
        "choices": feed.get("choices", []), "promise_id": str(feed.get("promise_id", "")),
        "audience": feed.get("audience", "")})
    questions, promises, audiences = feeds.what_can_feed(db.session)
    form.question_id.choices = [("", "Choose a question")] + [(str(q.id), label) for q, label in questions]
    form.choices.choices = list(dict.fromkeys((c.value, c.label) for q, _ in questions
                                              for c in question_type(q).choices(q)))
    form.promise_id.choices = [("", "Choose a promise")] + [(str(p.id), p.we_will[:120]) for p in promises]
    form.audience.choices = [("", "Everyone")] + list(audiences.items())
    return form


def _measure_page(measure: Measure, value_form: ValueForm, rag_form: RagForm, feed_form: FeedForm, status: int = 200):
    reading = services.read_measure(measure)
    fed = services.scorecard_reading(db.session, measure, exact=True) if measure.feed else None
    return render_template("scorecard/measure.html", measure=measure, reading=fed or reading, fed=fed is not None,
                           value_form=value_form, rag_form=rag_form, feed_form=feed_form, kinds=feeds.KINDS), status


@bp.post("/measures/<int:measure_id>/values")
def add_value(measure_id: int):
    """Record a period's value."""
    measure = _measure(measure_id)
    form = ValueForm()
    if form.validate_on_submit():
        period, written = filled(form.period.data), filled(form.written.data)
        try:
            run(db.session, lambda: services.set_value(db.session, current_user, measure, period, written,
                                                      form.comment.data or ""))
        except Refused as refused:
            form.form_errors.append(str(refused))
        else:
            flash(f"Value for {period.strip()} saved.")
            return redirect(url_for(".measure", measure_id=measure.id))
    return _measure_page(measure, form, RagForm(), _feed_form(measure))


@bp.post("/measures/<int:measure_id>/rag")
def set_rag(measure_id: int):
    """Set the latest period's RAG by hand, with a reason, or go back to working it out."""
    measure = _measure(measure_id)
    form = RagForm()
    if form.validate_on_submit():
        try:
            run(db.session, lambda: services.set_rag(db.session, current_user, measure, form.colour.data or "",
                                                    form.reason.data or ""))
        except Refused as refused:
            form.form_errors.append(str(refused))
        else:
            flash("Rating saved." if form.colour.data else "The rating is worked out from the target again.")
            return redirect(url_for(".measure", measure_id=measure.id))
    return _measure_page(measure, ValueForm(formdata=None), form, _feed_form(measure))


@bp.post("/measures/<int:measure_id>/feed")
def set_feed(measure_id: int):
    """Have the product feed the measure's values from its own data."""
    measure = _measure(measure_id)
    form = _feed_form(measure, request.form)
    if form.validate_on_submit():
        kind = form.kind.data or ""
        feed: dict = {}
        if kind:
            feed = {"kind": kind}
            if kind == FeedKind.SURVEY_ANSWER:
                feed.update(question_id=int(form.question_id.data or 0), choices=list(form.choices.data or []))
            elif kind == FeedKind.PROMISE_KEPT:
                feed.update(promise_id=int(form.promise_id.data or 0))
            elif kind == FeedKind.RESPONSES and form.audience.data:
                feed.update(audience=form.audience.data)
        try:
            run(db.session, lambda: services.set_feed(db.session, current_user, measure, feed))
        except Refused as refused:
            form.form_errors.append(str(refused))
        else:
            flash("The product now feeds this measure." if feed else "Values are typed in again.")
            return redirect(url_for(".measure", measure_id=measure.id))
    return _measure_page(measure, ValueForm(formdata=None), RagForm(formdata=None), form)
