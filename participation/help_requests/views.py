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
        return render_template("help_requests/ask.html", form=form, max_message=MAX_MESSAGE, refused=True), 429
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
