"""The participation platform: ask young people, hear them, act, and tell them back."""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask, request

from participation.config import Config
from participation.core import logs
from participation.core.languages import council_name
from participation.core.requests import ReadableRequest
from participation.core.sessions import SealedCookieSessionInterface
from participation.db import db
from participation.extensions import csrf, limiter, login_manager, migrate

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: object | None = None) -> Flask:
    """Build the application: settings, extensions, blueprints and commands."""
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
    )
    app.config.from_object(config if config is not None else Config())

    from participation.core.numbers import AnswerIdConverter, IdConverter
    app.url_map.converters["int"] = IdConverter  # before any route: ids past the database's are a 404
    app.url_map.converters["answer"] = AnswerIdConverter

    db.init_app(app)
    csrf.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    login_manager.init_app(app)
    limiter.init_app(app)
    from participation.core import languages
    languages.init_app(app)

    from participation import models  # noqa: F401  (every model registered before migrations run)
    from participation.cli import register_commands
    from participation.auth.access import signed_in_user, user_can
    from participation.admin.views import bp as admin_bp
    from participation.auth.views import bp as auth_bp
    from participation.comments.views import bp as comments_bp
    from participation.core.views import bp as core_bp
    from participation.reports.views import bp as reports_bp, responses_bp, results_bp
    from participation.reports.paper_views import bp as papers_bp, writing_bp as paper_writing_bp
    from participation.respond.views import bp as respond_bp
    from participation.surveys.views import bp as surveys_bp
    from participation.themes.views import bp as themes_bp
    from participation.pledges.views import bp as pledges_bp
    from participation.help_requests import holding
    from participation.help_requests.views import bp as help_bp, staff_bp as help_requests_bp
    from participation.tracker.views import board_bp, bp as tracker_bp
    from participation.scorecard.views import bp as scorecard_bp
    from participation.comments.services import open_flag_count
    from participation.help_requests.services import open_count

    for blueprint in (core_bp, auth_bp, admin_bp, surveys_bp, pledges_bp, comments_bp, themes_bp, tracker_bp,
                      scorecard_bp, reports_bp, papers_bp, paper_writing_bp, results_bp, responses_bp, respond_bp,
                      board_bp, help_bp, help_requests_bp):
        app.register_blueprint(blueprint)
    # Respondent forms check their own CSRF token, so a timed-out page keeps what was typed.
    csrf.exempt(respond_bp)
    csrf.exempt(help_bp)
    register_commands(app)
    holding.start(app)  # where requests to be contacted wait in Redis, pick up any left waiting
    from participation.alerts import safeguarding as safeguarding_alerts
    safeguarding_alerts.start(app)  # sweeps for new safeguarding flags and emails the leads

    login_manager.user_loader(signed_in_user)
    app.jinja_env.globals["user_can"] = user_can

    @app.context_processor
    def open_flags() -> dict:
        """Every officer page shows how many safeguarding flags and requests to be contacted are open."""
        if request.blueprint in (None, "respond", "board", "help", "core", "static") or not user_can("read-responses"):
            return {}
        return {"open_flags": open_flag_count(db.session), "open_help": open_count(db.session)}

    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    # The development server logs each client's address; young people's addresses are never kept.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    logs.install(app)
    app.request_class = ReadableRequest
    app.session_interface = SealedCookieSessionInterface()

    @app.context_processor
    def council() -> dict:
        return {"council": {
            "name": council_name(app.config, "COUNCIL_NAME"), "help_name": council_name(app.config, "COUNCIL_HELP_NAME"),
            "help_phone": app.config["COUNCIL_HELP_PHONE"], "help_email": app.config["COUNCIL_HELP_EMAIL"],
        }}

    return app
