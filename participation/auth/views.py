"""Signing in and out."""

from __future__ import annotations

import hashlib
import time

from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from participation.auth import services
from participation.auth.forms import SignInForm
from participation.auth.roles import home_endpoint, safe_next
from participation.core.transaction import run
from participation.db import db
from participation.extensions import limiter

bp = Blueprint("auth", __name__)


def _signin_email_key() -> str:
    """Wrong passwords for one email address count together, whoever types them."""
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
        return redirect(safe_next(request.args.get("next"), url_for(home_endpoint(current_user.role))))
    message = ""
    if form.validate_on_submit():
        # Wrong passwords are kept even though signing in fails: the lockout counts them.
        result = run(db.session, lambda: services.authenticate(db.session, form.email.data, form.password.data))
        if result.user is not None:
            session.clear()  # a fresh session on sign-in
            login_user(result.user)
            session["seen"] = int(time.time())
            return redirect(safe_next(request.args.get("next"), url_for(home_endpoint(result.user.role))))
        message = result.message
    return render_template("auth/login.html", form=form, message=message), 200 if not message else 401


@bp.post("/logout")
@login_required
def logout():
    """Sign out."""
    logout_user()
    session.clear()
    flash("You have signed out.")
    return redirect(url_for("auth.login"))
