"""/get-help, where a young person can leave a way to reach them, and the staff list of requests."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template, request, session, url_for
from flask_login import current_user

from participation.auth.access import require
from participation.auth.roles import Permission
from participation.core.forms import ButtonForm, flash_outcome
from participation.core.requests import unreadable
from participation.core.transaction import run
from participation.db import db
from participation.help_requests import holding, services
from participation.help_requests.forms import MAX_MESSAGE, HelpRequestForm
from participation.help_requests.models import HelpRequestStatus

bp = Blueprint("help", __name__, url_prefix="/get-help")
staff_bp = Blueprint("help_requests", __name__, url_prefix="/help-requests")
require(staff_bp, Permission.READ_RESPONSES)


#: Requests one browser may send in its visit, counted in its own sealed cookie. No count of requests
#: is kept on the server at all, per browser or for everyone: a count in Redis would keep the moment
#: of each request (when its count began), which could be lined up with the answers sent just
#: before it, and a ceiling for everyone would let a flood from thrown-away cookies stop every young
#: person asking. A flood can only add requests for staff to set aside; it can never stop one.
PER_VISIT = 5


def _asked_in_this_visit() -> int:
    return int(session.get("help_asked", 0) or 0)


@bp.route("", methods=["GET", "POST"])
def ask():
    """Leave a phone number or email so someone from the council gets in touch."""
    form = HelpRequestForm()
    if request.method == "POST" and unreadable(request.form):
        return render_template("help_requests/ask.html", form=form, max_message=MAX_MESSAGE, unreadable=True), 400
    if form.validate_on_submit():
        if _asked_in_this_visit() < PER_VISIT:
            session["help_asked"] = _asked_in_this_visit() + 1
            # Held, and written later with others at a random moment: see holding.py.
            holding.hold(current_app._get_current_object(), form.name.data, form.contact.data,
                         form.best_time.data, form.message.data)
            return redirect(url_for(".asked"))
        # Refused: everything typed stays in the form, and other ways to get help come first.
        return render_template("help_requests/ask.html", form=form, max_message=MAX_MESSAGE, refused=True,
                               per_visit=PER_VISIT), 429
    return render_template("help_requests/ask.html", form=form, max_message=MAX_MESSAGE)


@bp.get("/sent")
def asked():
    """Say what happens next, and where to get help now."""
    return render_template("help_requests/asked.html")


@staff_bp.get("/")
def index():
    """Waiting requests first: someone is waiting to hear from the council."""
    waiting, done = services.requests(db.session)
    return render_template("help_requests/index.html", waiting=waiting, done=done,
                           dealt_with=services.dealt_with_count(db.session), HelpRequestStatus=HelpRequestStatus)


@staff_bp.post("/<request_id>/<any(contacted, unreached):outcome>")
def record_outcome(request_id: str, outcome: str):
    """Mark a request as dealt with: contacted, or could not reach them, with a note of what was done or tried."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    done = "Marked as contacted." if outcome == HelpRequestStatus.CONTACTED else "Marked as could not reach them."
    flash_outcome(db.session, lambda: services.record_outcome(db.session, current_user, request_id[:32], outcome,
                                                              request.form.get("note", "")), done)
    return redirect(url_for(".index"))


@staff_bp.get("/delete")
def confirm_delete():
    """Say what deleting the requests dealt with does, and why, before it happens."""
    count = services.dealt_with_count(db.session)
    plural = "s" if count != 1 else ""
    return render_template(
        "staff/confirm.html", heading="Delete the requests dealt with?",
        refusal=None if count else "There are no requests dealt with to delete. Mark a request as contacted, or as "
                                   "could not reach them, first.",
        consequences=[
            f"The {count} request{plural} marked as contacted or could not reach them {'are' if count != 1 else 'is'} "
            "deleted for good: the name, phone number or email, good time, message and your note. Nobody can see "
            "them again, here or anywhere else.",
            "Requests still waiting stay on the list.",
            "The audit log keeps that requests were dealt with and deleted, and how many, never who asked or how "
            "to reach them.",
            "Write anything you need to keep, such as a referral, in the young person's own case record first."],
        action_url=url_for(".delete"), button=f"Delete {count} request{plural}", cancel_url=url_for(".index"),
        cancel_label="Keep them for now")


@staff_bp.post("/delete")
def delete():
    """Delete every request dealt with, after its confirmation page."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    flash_outcome(db.session, lambda: services.delete_dealt_with(db.session, current_user),
                  lambda count: f"Deleted {count} request{'s' if count != 1 else ''} dealt with. Their contact "
                                "details are gone for good.")
    return redirect(url_for(".index"))
