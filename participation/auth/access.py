"""Guards for staff pages: sign-in, the right role, sessions that end everywhere at once, and signing out
after inactivity or a fixed number of hours."""

from __future__ import annotations

import time

from flask import Blueprint, abort, current_app, flash, redirect, request, session, url_for
from flask_login import current_user, logout_user

from participation.auth.models import StaffUser
from participation.auth.roles import Permission, can
from participation.core import languages
from participation.db import db


def require(blueprint: Blueprint, permission: Permission) -> None:
    """Make every route of a staff blueprint need a signed-in user whose role grants the permission. Staff
    pages are in English, whatever language the browser last chose for a survey (or a preview of one)."""

    @blueprint.before_request
    def _check():
        languages.limit_to(())
        if not current_user.is_authenticated:
            return current_app.login_manager.unauthorized()
        signed_out = sign_out_when_idle()
        if signed_out is not None:
            return signed_out
        if not can(current_user.role, permission):
            abort(403)
        return None


def start_session(user: StaffUser) -> None:
    """Note in a freshly signed-in session which of the account's sessions it is and when it began."""
    now = int(time.time())
    session["epoch"] = user.session_epoch or 0
    session["signed_in"] = session["seen"] = now


def signed_in_user(user_id: str) -> StaffUser | None:
    """Flask-Login's loader: the account of this session, unless the account has ended its sessions since
    (signed out, password changed or reset, switched off) or the session is older than its lifetime."""
    user = db.session.get(StaffUser, int(user_id))
    if user is None or not user.active or session.get("epoch") != (user.session_epoch or 0):
        return None
    return user


def sign_out_when_idle():
    """Sign staff out after STAFF_IDLE_MINUTES without a request to a staff page, and STAFF_SESSION_HOURS
    after they signed in however busy they have been."""
    if not current_user.is_authenticated:
        return None
    now = int(time.time())
    seen = session.get("seen", now)
    if now - session.get("signed_in", 0) > current_app.config["STAFF_SESSION_HOURS"] * 3600:
        message = "You were signed out because you signed in a long time ago. Sign in again to carry on."
    elif now - seen > current_app.config["STAFF_IDLE_MINUTES"] * 60:
        message = "You were signed out because you had not done anything for a while."
    else:
        session["seen"] = now
        return None
    logout_user()
    session.clear()
    flash(message)
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))


def user_can(permission: str) -> bool:
    """For templates: may the signed-in user do this?"""
    return current_user.is_authenticated and can(current_user.role, Permission(permission))
