"""Guards for staff pages: sign-in, the right role, and signing out after inactivity."""

from __future__ import annotations

import time

from flask import Blueprint, abort, current_app, flash, redirect, request, session, url_for
from flask_login import current_user, logout_user

from participation.auth.roles import Permission, can


def require(blueprint: Blueprint, permission: Permission) -> None:
    """Make every route of a staff blueprint need a signed-in user whose role grants the permission."""

    @blueprint.before_request
    def _check():
        if not current_user.is_authenticated:
            return current_app.login_manager.unauthorized()
        signed_out = sign_out_when_idle()
        if signed_out is not None:
            return signed_out
        if not can(current_user.role, permission):
            abort(403)
        return None


def sign_out_when_idle():
    """Sign staff out after STAFF_IDLE_MINUTES without a request to a staff page."""
    if not current_user.is_authenticated:
        return None
    now = int(time.time())
    seen = session.get("seen", now)
    if now - seen > current_app.config["STAFF_IDLE_MINUTES"] * 60:
        logout_user()
        session.clear()
        flash("You were signed out because you had not done anything for a while.")
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
    session["seen"] = now
    return None


def user_can(permission: str) -> bool:
    """For templates: may the signed-in user do this?"""
    return current_user.is_authenticated and can(current_user.role, Permission(permission))
