"""The health check, security headers on every answer, and error pages in plain words."""

from __future__ import annotations

from flask import Blueprint, Response, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import text

from participation.auth.roles import home_endpoint
from participation.core.headers import CONTENT_SECURITY_POLICY
from participation.db import db

bp = Blueprint("core", __name__)


@bp.get("/")
def home():
    """Staff start at their own first page; signing in comes first."""
    if current_user.is_authenticated:
        return redirect(url_for(home_endpoint(current_user.role)))
    return redirect(url_for("auth.login"))


@bp.get("/healthz")
def healthz():
    """Answer 200 ok when the database answers, 503 when it does not."""
    try:
        db.session.execute(text("SELECT 1"))
    except Exception:  # any database failure means not healthy
        db.session.rollback()
        return Response("database unavailable", status=503, mimetype="text/plain")
    return Response("ok", mimetype="text/plain")


@bp.after_app_request
def security_headers(response: Response) -> Response:
    """Add strict headers to every answer; nothing but static files is ever cached, nothing referred."""
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    if request.endpoint != "static":
        # Nothing but the stylesheets and scripts is ever kept by a browser or a proxy: a shared phone must
        # not show someone's answers or typed phone number, nor a council computer a staff page or export.
        response.headers["Cache-Control"] = "no-store"
    return response


@bp.app_errorhandler(403)
def forbidden(error):
    """Signed in, but this page is not for this role."""
    return render_template("errors/403.html"), 403


@bp.app_errorhandler(429)
def too_many(error):
    """Too many tries in a short time."""
    return render_template("errors/429.html", message=getattr(error, "description", "")), 429


@bp.app_errorhandler(404)
def not_found(error):
    """A page that does not exist."""
    return render_template("errors/404.html"), 404


@bp.app_errorhandler(413)
def too_large(error):
    """A request bigger than any real answer."""
    return render_template("errors/413.html"), 413


@bp.app_errorhandler(500)
def server_error(error):
    """Something broke; nothing half-written was kept, and the answers given so far still are."""
    db.session.rollback()
    return render_template("errors/500.html"), 500


@bp.app_template_filter("long_date")
def long_date(value) -> str:
    """Write a date the way people say it: 5 January 2027."""
    return f"{value.day} {value:%B %Y}" if value else ""
