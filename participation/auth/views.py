"""Sign in, sign out, and the administrator's pages for staff accounts and the audit log."""

from __future__ import annotations

import time

from flask import Blueprint, abort, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from participation.auth import services
from participation.auth.access import require
from participation.auth.forms import EditUserForm, NewUserForm, SignInForm
from participation.auth.models import StaffUser
from participation.auth.roles import Permission, can, safe_next
from participation.core.forms import attempt
from participation.core.transaction import run
from participation.extensions import limiter
from participation.db import db

bp = Blueprint("auth", __name__)
admin_bp = Blueprint("admin", __name__, url_prefix="/admin")
require(admin_bp, Permission.MANAGE_USERS)


def _signin_email_key() -> str:
    """Wrong passwords for one email address count together, whoever types them."""
    import hashlib

    email = (request.form.get("email") or "").strip().lower()[:320]
    return "signin:" + hashlib.sha256(email.encode()).hexdigest()[:32]


#: Only refused sign-ins count towards these limits.
_FAILED = {"deduct_when": lambda response: response.status_code == 401, "methods": ["POST"],
           "error_message": "Too many sign-in attempts. Wait 15 minutes, then try again."}


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("20 per 15 minutes", **_FAILED)
@limiter.limit("20 per 15 minutes", key_func=_signin_email_key, **_FAILED)
def login():
    """Sign in with email and password."""
    form = SignInForm()
    if current_user.is_authenticated:
        return redirect(safe_next(request.args.get("next"), home_for(current_user.role)))
    message = ""
    if form.validate_on_submit():
        # Wrong passwords are kept even though signing in fails: the lockout counts them.
        result = run(db.session, lambda: services.authenticate(db.session, form.email.data, form.password.data))
        if result.user is not None:
            session.clear()  # a fresh session on sign-in
            login_user(result.user)
            session["seen"] = int(time.time())
            return redirect(safe_next(request.args.get("next"), home_for(result.user.role)))
        message = result.message
    return render_template("auth/login.html", form=form, message=message), 200 if not message else 401


def home_for(role: str) -> str:
    """Where a member of staff starts: the builder if they build surveys, otherwise the reports."""
    return url_for("surveys.index") if can(role, Permission.BUILD_SURVEYS) else url_for("reports.index")


@bp.post("/logout")
@login_required
def logout():
    """Sign out."""
    logout_user()
    session.clear()
    flash("You have signed out.")
    return redirect(url_for("auth.login"))


@admin_bp.get("/users")
def users():
    """Every staff account, with role and status."""
    return render_template("auth/users.html", users=services.list_users(db.session))


@admin_bp.route("/users/new", methods=["GET", "POST"])
def new_user():
    """Add a staff account."""
    form = NewUserForm()
    if form.validate_on_submit():
        if attempt(db.session, form, lambda: services.create_user(
                db.session, current_user, form.email.data, form.password.data, form.role.data,
                form.name.data or "", form.safeguarding_lead.data)):
            flash(f"Added {form.email.data.strip().lower()}.")
            return redirect(url_for(".users"))
    return render_template("auth/user_form.html", form=form, user=None)


@admin_bp.route("/users/<int:user_id>", methods=["GET", "POST"])
def edit_user(user_id: int):
    """Change a staff account's name, role, safeguarding lead flag, access or password."""
    user = db.session.get(StaffUser, user_id) or abort(404)
    form = EditUserForm(obj=user)
    if form.validate_on_submit():
        if attempt(db.session, form, lambda: services.update_user(
                db.session, current_user, user, name=form.name.data or "", role=form.role.data,
                safeguarding_lead=form.safeguarding_lead.data, active=form.active.data,
                password=form.password.data or "")):
            flash(f"Saved the changes to {user.email}.")
            return redirect(url_for(".users"))
    return render_template("auth/user_form.html", form=form, user=user)


@admin_bp.get("/audit")
def audit():
    """The audit log, newest first."""
    page = max(1, request.args.get("page", 1, type=int))
    entries = services.audit_log(db.session, limit=100, offset=(page - 1) * 100)
    return render_template("auth/audit.html", entries=entries, page=page)


@admin_bp.get("/export.zip")
def export_everything():
    """Everything the system holds, as a ZIP of CSV files (never password hashes)."""
    import io

    from flask import Response

    from participation.exchange.services import export_everything as write_zip

    buffer = io.BytesIO()

    def export() -> int:
        files = write_zip(db.session, buffer)
        services.record(db.session, current_user, "data.exported", None, f"Downloaded everything ({files} tables)")
        return files

    run(db.session, export)
    return Response(buffer.getvalue(), mimetype="application/zip",
                    headers={"Content-Disposition": "attachment; filename=participation-export.zip"})
