"""Signing in and out, and changing one's own password."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user
from itsdangerous import BadSignature, URLSafeSerializer

from participation.auth import services
from participation.auth.access import sign_out_when_idle, start_session
from participation.auth.forms import ChangePasswordForm, SignInForm
from participation.core.forms import attempt
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


def _trusted_signer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="trusted-staff-browser")


def _trusted_browser(email: str) -> str | None:
    """The random name of this browser if someone signed in on it before with this email address."""
    signer = _trusted_signer()
    try:
        tag, name = signer.loads(request.cookies.get(TRUSTED, ""))
    except (BadSignature, ValueError, TypeError):
        return None
    return name if hmac.compare_digest(str(tag), _email_tag(email)) else None


def _trust_this_browser(response, email: str, name: str | None):
    signer = _trusted_signer()
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
            start_session(result.user)
            response = redirect(safe_next(request.args.get("next"), url_for(home_endpoint(result.user.role))))
            return _trust_this_browser(response, form.email.data, trusted)
        message = result.message
    return render_template("auth/login.html", form=form, message=message), 200 if not message else 401


@bp.post("/logout")
@login_required
def logout():
    """Sign out here and on every other browser, so a copied cookie stops working too."""
    user = current_user._get_current_object()
    run(db.session, lambda: services.end_sessions(user))
    logout_user()
    session.clear()
    flash("You have signed out.")
    return redirect(url_for("auth.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
def change_password():
    """Change one's own password; every other session of the account ends, this one carries on."""
    signed_out = sign_out_when_idle()
    if signed_out is not None:
        return signed_out
    form = ChangePasswordForm()
    user = current_user._get_current_object()
    if form.validate_on_submit() and attempt(db.session, form, lambda: services.change_own_password(
            db.session, user, form.current_password.data, form.new_password.data)):
        session["epoch"] = user.session_epoch
        flash("Your password is changed. You are signed out everywhere else.")
        return redirect(url_for(home_endpoint(user.role)))
    return render_template("auth/password.html", form=form)
