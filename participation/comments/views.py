"""The officers' review queue: confirm themes, bulk-accept, handle safeguarding flags, retrain."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from markupsafe import Markup, escape
from flask_login import current_user

from participation.analysis import safeguarding_kinds, safeguarding_model
from participation.auth.access import require
from participation.auth.roles import Permission
from participation.comments import services
from participation.core.forms import ButtonForm, flash_outcome
from participation.core.numbers import answer_id_from, page_from
from participation.core.transaction import run
from participation.db import db, today
from participation.alerts import mail
from participation.alerts.safeguarding import leads as safeguarding_leads
from participation.themes.services import active_themes

bp = Blueprint("comments", __name__, url_prefix="/comments")
require(bp, Permission.READ_RESPONSES)


@bp.app_template_filter("risk_words")
def risk_words(reasons) -> str:
    """A flag's kinds of risk in the words a safeguarding lead uses, most urgent first."""
    return ", ".join(safeguarding_kinds.KINDS[kind] for kind in safeguarding_kinds.ordered(reasons or ()))


@bp.app_template_filter("with_evidence")
def with_evidence(text: str, spans) -> Markup:
    """The comment with the words that raised its safeguarding flag marked, each titled with its kind."""
    text = text or ""
    out, at = [], 0
    for start, end, kind in sorted(tuple(span) for span in spans or ()):
        if start < at or end > len(text) or start >= end:
            continue  # overlapping or stale spans are left unmarked rather than garbled
        words = safeguarding_kinds.KINDS.get(safeguarding_kinds.kind_of(kind), "")
        out += [escape(text[at:start]), Markup('<mark title="%s">') % words, escape(text[start:end]), Markup("</mark>")]
        at = end
    out.append(escape(text[at:]))
    return Markup("").join(out)


@bp.app_template_filter("flag_note")
def flag_note(text: str) -> str:
    """Why the learnt model flagged a comment no rule flagged, in plain words; empty otherwise."""
    return safeguarding_model.note_for(text or "")


@bp.app_template_filter("waited")
def waited(day) -> str:
    """How long a flag has waited, in days: only the day a comment was sent is ever kept."""
    if day is None:
        return ""
    days = (today() - day).days
    return "came in today" if days <= 0 else ("waiting since yesterday" if days == 1 else f"waiting {days} days")


@bp.get("/")
def queue():
    """Safeguarding flags first, then untagged and uncertain comments."""
    page = page_from(request.args.get("page"))
    reviewed = request.args.get("show") == "reviewed"
    items = services.queue(db.session, reviewed=reviewed, limit=50, offset=(page - 1) * 50)
    return render_template("comments/queue.html", items=items, themes=active_themes(db.session), page=page,
                           reviewed=reviewed, counts=services.counts(db.session), button=ButtonForm(),
                           leads=safeguarding_leads(db.session), mail_on=mail.configured(current_app.config))


@bp.post("/<answer:answer_id>")
def confirm(answer_id: int):
    """Save the themes an officer chose for one comment."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    keys = request.form.getlist(f"themes-{answer_id}")
    flash_outcome(db.session, lambda: services.confirm(db.session, current_user, answer_id, keys))
    return redirect(url_for(".queue"))


@bp.post("/accept")
def accept():
    """Accept the suggested themes of every comment ticked."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    field = "on_page" if request.form.get("all") == "page" else "selected"
    ids = [n for n in map(answer_id_from, request.form.getlist(field)) if n]
    if not ids:
        flash("Tick the comments whose suggested themes you accept.", "error")
    else:
        accepted = run(db.session, lambda: services.accept_suggestions(db.session, current_user, ids))
        flash(f"Accepted the suggested themes for {accepted} comments.")
    return redirect(url_for(".queue"))


@bp.post("/<answer:answer_id>/handled")
def handled(answer_id: int):
    """The safeguarding lead marks a flag as handled, with a note."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    flash_outcome(db.session, lambda: services.handle_flag(db.session, current_user, answer_id,
                                                   request.form.get("note", "")))
    return redirect(url_for(".queue"))


@bp.post("/retrain")
def retrain():
    """Teach the tagger from every confirmed comment."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    model = run(db.session, lambda: services.retrain(db.session, current_user))
    flash(f"The tagger has learned from {model.confirmed} confirmed comments. New comments use it now.")
    return redirect(url_for(".queue"))
