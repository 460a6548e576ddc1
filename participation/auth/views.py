"""Signing in and out."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user
from itsdangerous import BadSignature, URLSafeSerializer

from participation.auth import services
from participation.auth.forms import SignInForm
from participation.auth.roles import home_endpoint, safe_next
from participation.core.transaction import run
from participation.db import db
from participation.extensions import limiter

bp = Blueprint("auth", __name__)


#: A cookie a browser gets when someone signs in on it: that browser is then "trusted" for that email
#: address, and wrong passwords typed elsewhere never make it wait (OWASP's device cookies).
TRUSTED = "staff_browser"
TRUSTED_DAYS = 180


def _email_tag(email: str) -> str:
    return hashlib.sha256((email or "").strip().lower().encode()).hexdigest()[:24]


def _trusted_browser(email: str) -> str | None:
    """The random name of this browser if someone signed in on it before with this email address."""
    signer = URLSafeSerializer(current_app.secret_key, salt="trusted-staff-browser")
    try:
        tag, name = signer.loads(request.cookies.get(TRUSTED, ""))
    except (BadSignature, ValueError, TypeError):
        return None
    return name if hmac.compare_digest(str(tag), _email_tag(email)) else None


def _trust_this_browser(response, email: str, name: str | None):
    signer = URLSafeSerializer(current_app.secret_key, salt="trusted-staff-browser")
    response.set_cookie(TRUSTED, signer.dumps([_email_tag(email), name or secrets.token_hex(16)]),
                        max_age=TRUSTED_DAYS * 86400, path=url_for("auth.login"), httponly=True, samesite="Lax",
                        secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit("20 per 15 minutes", deduct_when=lambda response: response.status_code == 401, methods=["POST"],
               error_message="Too many sign-in attempts. Wait 15 minutes, then try again.")
def login():
    """Sign in with email and password."""
    form = SignInForm()
    if current_user.is_authenticated:
        return redirect(safe_next(request.args.get("next"), url_for(home_endpoint(current_user.role))))
    message = ""
    if form.validate_on_submit():
        trusted = _trusted_browser(form.email.data)
        result = run(db.session, lambda: services.authenticate(db.session, form.email.data, form.password.data,
                                                               trusted_browser=trusted))
        if result.user is not None:
            session.clear()  # a fresh session on sign-in
            login_user(result.user)
            session["seen"] = int(time.time())
            response = redirect(safe_next(request.args.get("next"), url_for(home_endpoint(result.user.role))))
            return _trust_this_browser(response, form.email.data, trusted)
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
