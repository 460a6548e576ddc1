"""The health check, security headers on every answer, and error pages in plain words."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from sqlalchemy import text
from werkzeug.exceptions import BadRequest, HTTPException

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


class UnreadableAddress(BadRequest):
    """An address whose query or path holds a NUL byte, which no link of ours ever has."""


@bp.before_app_request
def refuse_nul_in_address() -> None:
    """Refuse, in plain words, an address with a NUL byte anywhere in its path or query, before any page reads it.

    Nothing typed ever holds one, and PostgreSQL cannot compare text with it, so a filter such as
    `?theme=%00` once broke the page. Form fields have theirs removed as they are read (core/requests.py)."""
    values = [text for pair in request.args.items(multi=True) for text in pair]
    values += [value for value in (request.view_args or {}).values() if isinstance(value, str)]
    if any("\x00" in value for value in values):
        raise UnreadableAddress()


@bp.app_errorhandler(UnreadableAddress)
def unreadable_address(error):
    """A tampered or garbled address."""
    return render_template("errors/400.html"), 400


#: Posted fields never shown back on the timed-out page: secrets, and file contents carried between steps.
_NEVER_SHOWN = ("csrf_token", "password", "file_data", "payload")
#: The most of one typed value shown back.
_LONGEST_SHOWN = 20_000


@bp.app_errorhandler(CSRFError)
def form_timed_out(error):
    """A form sent with an expired or missing token. A staff form marked with `redraws_when_timed_out` is drawn
    again with what was typed and asks to send again; any other form gets a plain page showing what was typed,
    so it can be copied. Nothing is saved either way."""
    view = current_app.view_functions.get(request.endpoint or "")
    if getattr(view, "redraws_when_timed_out", False) and current_user.is_authenticated:
        try:
            # The guards the staff blueprint puts before each page (signed in, the right role, not idle).
            if not any(guard() is not None for guard in current_app.before_request_funcs.get(request.blueprint, ())):
                return current_app.make_response(view(**(request.view_args or {})))
        except HTTPException:
            pass
        finally:
            db.session.rollback()
    typed = [(name, value[:_LONGEST_SHOWN]) for name, value in request.form.items(multi=True)
             if value.strip() and not any(secret in name for secret in _NEVER_SHOWN)]
    return render_template("errors/form_timed_out.html", typed=typed,
                           signed_in=current_user.is_authenticated), 400


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


#: Blueprints whose pages young people and the public use; a too-big request there gets their own page.
_RESPONDENT_BLUEPRINTS = (None, "respond", "help", "board", "static")


def size_words(size: int) -> str:
    """A number of bytes as people say it: 1 MB, 512 KB."""
    return f"{size / (1024 * 1024):g} MB" if size >= 1024 * 1024 else f"{size // 1024} KB"


@bp.app_errorhandler(413)
def too_large(error):
    """A request bigger than any real answer. On a staff page (most often a file upload) the page says the file
    is too big, how big a file that page takes, and leads back to its form; young people keep their own page."""
    if request.blueprint in _RESPONDENT_BLUEPRINTS:
        return render_template("errors/413.html"), 413
    view = current_app.view_functions.get(request.endpoint or "")
    largest = getattr(view, "largest_upload", None)
    rule = request.url_rule
    back = request.path if rule is not None and "GET" in (rule.methods or ()) else url_for("core.home")
    limit = min(largest or current_app.config["MAX_CONTENT_LENGTH"], current_app.config["MAX_CONTENT_LENGTH"])
    return render_template("errors/413_staff.html", upload=largest is not None, limit=size_words(limit),
                           back=back), 413


@bp.app_errorhandler(500)
def server_error(error):
    """Something broke; nothing half-written was kept, and the answers given so far still are."""
    db.session.rollback()
    return render_template("errors/500.html"), 500


@bp.app_template_filter("long_date")
def long_date(value) -> str:
    """Write a date the way people say it: 5 January 2027."""
    return f"{value.day} {value:%B %Y}" if value else ""
