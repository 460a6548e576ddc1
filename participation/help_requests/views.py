"""/get-help, where a young person can leave a way to reach them, and the staff list of requests."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import current_user

from participation.auth.access import require
from participation.auth.roles import Permission
from participation.core.forms import ButtonForm, flash_outcome
from participation.core.transaction import run
from participation.db import db
from participation.extensions import TOO_MANY, limiter
from participation.help_requests import services
from participation.help_requests.forms import MAX_MESSAGE, HelpRequestForm

bp = Blueprint("help", __name__, url_prefix="/get-help")
staff_bp = Blueprint("help_requests", __name__, url_prefix="/help-requests")
require(staff_bp, Permission.READ_RESPONSES)


def _everyone() -> str:
    """Requests from everyone count together too, so nobody can fill the list by throwing cookies away."""
    return "help-requests"


@bp.route("", methods=["GET", "POST"])
@limiter.limit("5 per 10 minutes", methods=["POST"], error_message=TOO_MANY)
@limiter.limit("60 per 10 minutes", methods=["POST"], key_func=_everyone, error_message=TOO_MANY)
def ask():
    """Leave a phone number or email so someone from the council gets in touch."""
    form = HelpRequestForm()
    if form.validate_on_submit():
        run(db.session, lambda: services.ask(db.session, form.name.data, form.contact.data, form.best_time.data,
                                             form.message.data))
        return redirect(url_for(".asked"))
    return render_template("help_requests/ask.html", form=form, max_message=MAX_MESSAGE)


@bp.get("/sent")
def asked():
    """Say what happens next, and where to get help now."""
    return render_template("help_requests/asked.html")


@staff_bp.get("/")
def index():
    """Waiting requests first: someone is waiting to hear from the council."""
    waiting, done = services.requests(db.session)
    return render_template("help_requests/index.html", waiting=waiting, done=done)


@staff_bp.post("/<request_id>/contacted")
def contacted(request_id: str):
    """Mark a request as done, with a note of what was done."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    flash_outcome(db.session, lambda: services.mark_contacted(db.session, current_user, request_id[:32],
                                                  request.form.get("note", "")),
                  "Marked as contacted.")
    return redirect(url_for(".index"))
