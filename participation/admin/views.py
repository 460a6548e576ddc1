"""The administrator's pages: staff accounts, the audit log and downloading everything."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user

from participation.admin.forms import EditUserForm, NewUserForm
from participation.auth import services
from participation.auth.access import require
from participation.auth.models import StaffUser
from participation.auth.roles import Permission
from participation.core.forms import attempt
from participation.core.numbers import page_from
from participation.core.transaction import run
from participation.db import db
from participation.exchange.downloads import streamed
from participation.exchange.services import export_chunks, exported_tables

bp = Blueprint("admin", __name__, url_prefix="/admin")
require(bp, Permission.MANAGE_USERS)


@bp.get("/users")
def users():
    """Every staff account, with role and status."""
    return render_template("admin/users.html", users=services.list_users(db.session))


@bp.route("/users/new", methods=["GET", "POST"])
def new_user():
    """Add a staff account."""
    form = NewUserForm()
    if form.validate_on_submit():
        if attempt(db.session, form, lambda: services.create_user(
                db.session, current_user, form.email.data, form.password.data, form.role.data,
                form.name.data or "", form.safeguarding_lead.data)):
            flash(f"Added {form.email.data.strip().lower()}.")
            return redirect(url_for(".users"))
    return render_template("admin/user_form.html", form=form, user=None)


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
def edit_user(user_id: int):
    """Change a staff account's name, role, safeguarding lead flag, access or password."""
    user = db.session.get(StaffUser, user_id) or abort(404)
    form = EditUserForm(obj=user)
    if form.validate_on_submit():
        if attempt(db.session, form, lambda: services.update_user(
                db.session, current_user, user, name=form.name.data or "", role=form.role.data,
                safeguarding_lead=form.safeguarding_lead.data, active=form.active.data,
                password=form.password.data or "")):
            if user.id == current_user.id:
                session["epoch"] = user.session_epoch  # their own reset signs them out everywhere else only
            flash(f"Saved the changes to {user.email}.")
            return redirect(url_for(".users"))
    return render_template("admin/user_form.html", form=form, user=user)


@bp.get("/audit")
def audit():
    """The audit log, newest first."""
    page = page_from(request.args.get("page"))
    entries = services.audit_log(db.session, limit=100, offset=(page - 1) * 100)
    return render_template("admin/audit.html", entries=entries, page=page)


@bp.get("/export.zip")
def export_everything():
    """Everything the system holds, as a ZIP of CSV files (never password hashes), sent as it is written."""
    files = len(exported_tables())
    run(db.session, lambda: services.record(db.session, current_user, "data.exported", None,
                                            f"Downloaded everything ({files} tables)"))
    return streamed(export_chunks, "application/zip", "participation-export.zip")
