"""Officers' pages for pledges: versions, importing promises, editing them and making the review survey."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from participation.auth.access import require
from participation.auth.roles import Permission
from participation.core.forms import (ButtonForm, attempt, choice_list, filled, flash_outcome,
                                      redraws_when_timed_out, takes_upload)
from participation.db import db
from participation.pledges import services
from participation.pledges.forms import ImportForm, PledgeForm, PromiseForm, ReviewForm, VersionForm
from participation.pledges.models import PLEDGE_AUDIENCES, Pledge, PledgeVersion, Promise
from participation.surveys.models import Survey
from participation.themes.services import active_themes

bp = Blueprint("pledges", __name__, url_prefix="/pledges")
require(bp, Permission.BUILD_SURVEYS)


def _version(version_id: int) -> PledgeVersion:
    return db.session.get(PledgeVersion, version_id) or abort(404)


@bp.get("/")
def index():
    """Every pledge and charter with its versions."""
    return render_template("pledges/index.html", pledges=services.all_pledges(db.session))


@bp.route("/new", methods=["GET", "POST"])
@redraws_when_timed_out
def new():
    """Start a Pledge or Charter with its first year."""
    form = PledgeForm()
    if form.validate_on_submit():
        pledge = attempt(db.session, form, lambda: services.create_pledge(db.session, current_user, form.name.data,
                                                              form.audience.data, form.year.data))
        if pledge:
            flash(f"Added “{pledge.name}”. Now add its promises.")
            return redirect(url_for(".add_promises", version_id=pledge.latest.id))
    return render_template("pledges/new.html", form=form)


@bp.get("/versions/<int:version_id>")
def version(version_id: int):
    """One year's promises, grouped by theme, with what to do next."""
    version = _version(version_id)
    review = db.session.get(Survey, version.review_survey_id) if version.review_survey_id else None
    return render_template("pledges/version.html", version=version, review=review,
                           previous=services.previous_version(db.session, version),
                           version_form=VersionForm(), button=ButtonForm())


@bp.post("/<int:pledge_id>/versions")
def new_version(pledge_id: int):
    """Copy the latest version into a new year."""
    pledge = db.session.get(Pledge, pledge_id) or abort(404)
    latest = pledge.latest or abort(404)
    form = VersionForm()
    if not form.validate_on_submit():
        flash("Give the year as four numbers, for example 2027.", "error")
        return redirect(url_for(".version", version_id=latest.id))
    version = flash_outcome(db.session, lambda: services.new_version(db.session, current_user, pledge, form.year.data),
                            lambda made: f"Made the {made.year} version. Every promise was copied; change any "
                                         "that have changed.")
    return redirect(url_for(".version", version_id=(version or latest).id))


@bp.route("/versions/<int:version_id>/add", methods=["GET", "POST"])
@redraws_when_timed_out
@takes_upload(services.MAX_UPLOAD)
def add_promises(version_id: int):
    """Paste or upload promises, see a preview, then save them all at once."""
    version = _version(version_id)
    form = ImportForm()
    rows = None
    if form.validate_on_submit():
        if request.form.get("step") == "save":
            parsed = services.rows_from_payload(db.session, form.payload.data)
            if attempt(db.session, form, lambda: services.import_promises(db.session, current_user, version, parsed)):
                flash(f"Added {len(parsed.rows)} promises.")
                return redirect(url_for(".version", version_id=version.id))
        else:
            upload = request.files.get("upload")
            parsed = services.read_promises(db.session, form.text.data or "", upload.read() if upload else None)
            form.form_errors.extend(parsed.errors)
            if parsed.ok:
                rows = services.preview(db.session, version, parsed)
                form.payload.data = services.rows_to_payload(parsed.rows)
    return render_template("pledges/add.html", version=version, form=form, rows=rows)


@bp.route("/promises/<int:promise_id>", methods=["GET", "POST"])
@redraws_when_timed_out
def edit_promise(promise_id: int):
    """Reword a promise or change its theme; its history is kept."""
    promise = db.session.get(Promise, promise_id) or abort(404)
    form = PromiseForm(obj=promise)
    form.theme.choices = choice_list([("", "No theme")] + [(t.key, t.name) for t in active_themes(db.session)])
    if request.method == "GET":
        form.theme.data = promise.theme.key if promise.theme else ""
    if form.validate_on_submit() and attempt(db.session, form, lambda: services.update_promise(
            db.session, current_user, promise, services.PromiseChange(
                filled(form.we_will.data), form.for_young_people.data or "", form.for_younger.data or "",
                form.theme.data or ""))):
        flash("Saved the promise.")
        return redirect(url_for(".version", version_id=promise.version_id))
    return render_template("pledges/promise.html", form=form, promise=promise)


@bp.get("/promises/<int:promise_id>/delete")
def confirm_delete_promise(promise_id: int):
    """Say what removing a promise will do, or why it cannot be removed, before it happens."""
    promise = db.session.get(Promise, promise_id) or abort(404)
    version = promise.version
    return render_template(
        "staff/confirm.html", heading="Remove this promise?", refusal=services.why_not_removable(db.session, promise),
        consequences=[f"“{promise.we_will}” goes from the {version.year} promises of “{version.pledge.name}” for good.",
                      "Other years' versions keep their own copy of it, with their results.",
                      "The review survey's question about it stays until you delete it from that survey's page."
                      if version.review_survey_id else "The review survey you make will not ask about it."],
        action_url=url_for(".delete_promise", promise_id=promise.id), button="Remove the promise",
        cancel_url=url_for(".edit_promise", promise_id=promise.id), cancel_label="Keep the promise")


@bp.post("/promises/<int:promise_id>/delete")
def delete_promise(promise_id: int):
    """Remove a promise from a version not yet reviewed."""
    promise = db.session.get(Promise, promise_id) or abort(404)
    version_id = promise.version_id
    if not ButtonForm().validate_on_submit():
        abort(400)
    flash_outcome(db.session, lambda: services.delete_promise(db.session, current_user, promise), "Removed the promise.")
    return redirect(url_for(".version", version_id=version_id))


@bp.route("/versions/<int:version_id>/review", methods=["GET", "POST"])
def make_review(version_id: int):
    """Make the review survey for a version: a promise question for each promise."""
    version = _version(version_id)
    form = ReviewForm()
    if form.validate_on_submit():
        survey = attempt(db.session, form, lambda: services.create_review(db.session, current_user, version, services.ReviewOptions(
            form.age_band.data, form.tell_us_more.data, form.slug.data or "")))
        if survey:
            flash("Made the review survey. Check it, then publish and share it.")
            return redirect(url_for("surveys.show", survey_id=survey.id))
    return render_template("pledges/review.html", version=version, form=form)


@bp.context_processor
def _audiences() -> dict:
    return {"audiences": PLEDGE_AUDIENCES}
