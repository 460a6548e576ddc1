"""Theme settings: rename the outcome themes, add a council's own, archive them, tag comments again."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from participation.auth.access import require
from participation.auth.roles import Permission
from participation.comments.services import retag
from participation.core.forms import ButtonForm, attempt, flash_outcome
from participation.core.transaction import run
from participation.db import db
from participation.themes import services
from participation.themes.forms import ThemeForm
from participation.themes.models import Theme

bp = Blueprint("themes", __name__, url_prefix="/themes")
require(bp, Permission.MANAGE_THEMES)


def _details(form: ThemeForm) -> services.ThemeDetails:
    return services.ThemeDetails(form.name.data or "", form.description.data or "", form.keywords.data or "",
                                 form.examples.data or "")


@bp.get("/")
def index():
    """Every theme, active ones first, with how to change them."""
    themes = list(db.session.scalars(select(Theme).order_by(Theme.archived, Theme.position, Theme.id)))
    return render_template("themes/index.html", themes=themes, button=ButtonForm(), built_in=services.built_in(),
                           own_lines=services.own_lines)


@bp.route("/new", methods=["GET", "POST"])
def new():
    """Add a council's own theme."""
    form = ThemeForm()
    if form.validate_on_submit() and attempt(db.session, form, lambda: services.add_theme(db.session, current_user,
                                                                               _details(form))):
        flash(f"Added the theme “{form.name.data.strip()}”. Tag comments again to use it on older comments.")
        return redirect(url_for(".index"))
    return render_template("themes/form.html", form=form, theme=None)


@bp.route("/<int:theme_id>", methods=["GET", "POST"])
def edit(theme_id: int):
    """Rename a theme or change the words the tagger learns from."""
    theme = db.session.get(Theme, theme_id) or abort(404)
    form = ThemeForm(obj=theme)
    if form.validate_on_submit() and attempt(db.session, form, lambda: services.update_theme(db.session, current_user, theme,
                                                                                  _details(form))):
        flash(f"Saved the theme “{theme.name}”.")
        return redirect(url_for(".index"))
    return render_template("themes/form.html", form=form, theme=theme)


@bp.get("/<int:theme_id>/archive")
def confirm_archive(theme_id: int):
    """Say what archiving a theme will do before it happens."""
    theme = db.session.get(Theme, theme_id) or abort(404)
    refusal = None
    if theme.archived:
        refusal = f"“{theme.name}” is already archived."
    elif len(services.active_themes(db.session)) <= 1:
        refusal = "Keep at least one theme."
    return render_template(
        "staff/confirm.html", heading=f"Archive the theme “{theme.name}”?", refusal=refusal,
        consequences=["New comments, questions and promises can no longer be filed under it, and the tagger stops "
                      "suggesting it.",
                      "Comments, questions and promises already filed under it keep it, so past results do not change.",
                      "You can bring it back from the themes page at any time."],
        action_url=url_for(".archive", theme_id=theme.id), button="Archive the theme",
        cancel_url=url_for(".index"), cancel_label="Keep the theme in use")


@bp.post("/<int:theme_id>/archive")
def archive(theme_id: int):
    """Archive a theme, or bring back an archived one."""
    theme = db.session.get(Theme, theme_id) or abort(404)
    if not ButtonForm().validate_on_submit():
        abort(400)
    flash_outcome(db.session, lambda: services.set_archived(db.session, current_user, theme, not theme.archived),
                  lambda changed: f"{'Archived' if changed.archived else 'Brought back'} the theme “{changed.name}”.")
    return redirect(url_for(".index"))


@bp.post("/retag")
def retag_comments():
    """Tag every comment officers have not confirmed again, with the themes as they are now."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    flash(f"Tagged {run(db.session, lambda: retag(db.session))} comments again with the current themes.")
    return redirect(url_for(".index"))
