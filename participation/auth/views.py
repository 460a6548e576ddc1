"""Signing in and out, making a new browser trusted with an emailed link, and changing one's own password."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from participation.core import mail
from participation.auth import browsers, services
from participation.auth.access import sign_out_when_idle, start_session
from participation.auth.forms import ChangePasswordForm, NewBrowserForm, SignInForm
from participation.core.forms import attempt
from participation.auth.roles import home_endpoint, safe_next
from participation.core.transaction import run
from participation.db import db
from participation.extensions import limiter

bp = Blueprint("auth", __name__)


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
        trusted = browsers.trusted_browser(form.email.data)
        result = run(db.session, lambda: services.authenticate(db.session, form.email.data, form.password.data,
                                                               trusted_browser=trusted))
        if result.user is not None:
            session.clear()  # a fresh session on sign-in
            login_user(result.user)
            start_session(result.user)
            response = redirect(safe_next(request.args.get("next"), url_for(home_endpoint(result.user.role))))
            return browsers.trust_this_browser(response, form.email.data, trusted)
        message = result.message
    return render_template("auth/login.html", form=form, message=message), 200 if not message else 401


#: Shown after asking for a link, whatever the address: it reveals nothing about which addresses have accounts.
LINK_ASKED = (f"If that address has a staff account here, we have emailed it a link, or did in the last few "
              f"minutes. Open the link in this browser within {browsers.LINK_MINUTES} minutes, then sign in "
              f"with your password.")
LINK_DOES_NOT_WORK = (f"This link does not work here. A link works once, for {browsers.LINK_MINUTES} minutes, "
                      f"and only in the browser that asked for it. Ask for a new one in the browser you want "
                      f"to sign in on.")


@bp.route("/login/new-browser", methods=["GET", "POST"])
@limiter.limit("20 per 15 minutes", methods=["POST"],
               error_message="Too many tries. Wait 15 minutes, then try again.")
def new_browser():
    """Ask for an emailed link that lets this browser sign in despite strangers' wrong passwords."""
    if current_user.is_authenticated:
        return redirect(url_for(home_endpoint(current_user.role)))
    can_mail = mail.configured(current_app.config)
    form = NewBrowserForm()
    if can_mail and form.validate_on_submit():
        response = current_app.make_response(render_template("auth/new_browser.html", form=form, asked=LINK_ASKED,
                                                             can_mail=True))
        return browsers.ask_for_link(db.session, response, form.email.data)
    return render_template("auth/new_browser.html", form=form, asked="", can_mail=can_mail)


@bp.get("/login/new-browser/<token>")
def trust_browser(token: str):
    """Follow an emailed link: this browser becomes trusted for the address; the password is still needed."""
    email = browsers.use_link(token)
    if email is None:
        return render_template("auth/new_browser.html", form=NewBrowserForm(), asked="",
                               can_mail=mail.configured(current_app.config), refused=LINK_DOES_NOT_WORK), 400
    flash(f"This browser can now sign in as {email}. Sign in with your password.")
    response = redirect(url_for("auth.login"))
    browsers.forget_asking(response)
    return browsers.trust_this_browser(response, email, browsers.trusted_browser(email))


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
