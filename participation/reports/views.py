"""Read-only summaries for committee members, officers and administrators."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, Response, abort, current_app, render_template, request
from flask_login import current_user
from sqlalchemy import select

from participation.auth.access import require
from participation.auth.roles import Permission, can
from participation.core.views import CONTENT_SECURITY_POLICY
from participation.db import db, today
from participation.exchange.codec import MIMETYPES, encode_table
from participation.reports import services
from participation.reports.suppression import suppress_small_count
from participation.surveys.builder import response_counts
from participation.surveys.models import AUDIENCES, Survey
from participation.tracker.rules import STATUSES

bp = Blueprint("reports", __name__, url_prefix="/reports")
require(bp, Permission.READ_REPORTS)


@bp.after_request
def _chart_styles(response):
    """plotly.js sets styles as it draws, so report pages allow inline styles; never inline script."""
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY.replace(
        "style-src 'self'", "style-src 'self' 'unsafe-inline'")
    return response


def _filters() -> services.Filters:
    """The report's filters from the address; anything unreadable falls back to the last 12 months."""
    on = today()
    default = services.default_filters(on)

    def day(name: str, fallback: date) -> date:
        try:
            return date.fromisoformat(request.args.get(name, ""))
        except ValueError:
            return fallback

    start, end = day("start", default.start), day("end", default.end)
    if start > end or (end - start).days > 3660:
        start, end = default.start, default.end
    audience = request.args.get("audience", "")
    return services.Filters(start, end, request.args.get("survey", type=int),
                            audience if audience in AUDIENCES else "")


def _dashboard() -> services.Dashboard:
    return services.dashboard(db.session, _filters(), sees_exact_counts(), today())


@bp.get("/")
def index():
    """The committee dashboard: charts with their numbers, the scorecard, promises at risk, overdue actions."""
    board = _dashboard()
    surveys = db.session.scalars(
        select(Survey).where(Survey.status != "draft").order_by(Survey.created_on.desc(), Survey.id.desc())).all()
    counts = response_counts(db.session)
    shown = {s.id: suppress_small_count(counts.get(s.id, 0), exact=board.exact) for s in surveys}
    return render_template("reports/index.html", board=board, summary=services.summary_words(board),
                           surveys=surveys, counts=shown, exact=board.exact, audiences=AUDIENCES,
                           statuses=STATUSES, args=request.args)


@bp.get("/print")
def printable():
    """The committee report for the chosen period, ready to print or save as PDF."""
    board = _dashboard()
    return render_template("reports/print.html", board=board, summary=services.summary_words(board),
                           exact=board.exact, statuses=STATUSES)


@bp.get("/export.<any(csv, xlsx):kind>")
def export(kind: str):
    """The dashboard's figures as CSV or Excel, suppressed as on screen; no cell is ever a formula."""
    header, rows = services.export_rows(_dashboard())
    return Response(encode_table(kind, header, rows, 'Committee report'), mimetype=MIMETYPES[kind],
                    headers={"Content-Disposition": f"attachment; filename=committee-report.{kind}"})


@bp.get("/comments")
def comments():
    """What young people wrote, by theme. Committee members read only the redacted text."""
    from participation.comments.models import CommentAnalysis, CommentTheme
    from participation.respond.models import Answer
    from participation.themes.models import Theme
    from participation.themes.services import active_themes

    theme_key = request.args.get("theme", "")
    page = max(1, request.args.get("page", 1, type=int))
    original = can(current_user.role, Permission.READ_RESPONSES)
    query = (select(CommentAnalysis.answer_id, Answer.text, CommentAnalysis.redacted, CommentAnalysis.sentiment,
                    Survey.title)
             .join(Answer, Answer.id == CommentAnalysis.answer_id)
             .join(Survey, Survey.id == CommentAnalysis.survey_id))
    if theme_key:
        query = query.join(CommentTheme, CommentTheme.answer_id == CommentAnalysis.answer_id).join(
            Theme, Theme.id == CommentTheme.theme_id).where(Theme.key == theme_key)
    rows = db.session.execute(query.order_by(CommentAnalysis.answer_id.desc()).limit(50).offset((page - 1) * 50)).all()
    shown = [{"text": row.text if original else row.redacted, "sentiment": row.sentiment, "survey": row.title}
             for row in rows]
    return render_template("reports/comments.html", comments=shown, themes=active_themes(db.session),
                           theme_key=theme_key, page=page, original=original)


def sees_exact_counts() -> bool:
    """Administrators may see exact counts; everyone else sees small counts suppressed."""
    return can(current_user.role, Permission.MANAGE_USERS)


@bp.get("/promises")
def promises_index():
    """Every pledge review, newest first."""
    from participation.pledges.services import reviewed_versions

    return render_template("reports/promise_reviews.html", versions=reviewed_versions(db.session))


@bp.get("/promises/<int:version_id>")
def promises(version_id: int):
    """How young people rated each promise, against last year, and the promises most at risk."""
    from participation.pledges import services as pledges

    version = db.session.get(pledges.PledgeVersion, version_id) or abort(404)
    results = pledges.promise_results(db.session, version, exact=sees_exact_counts(),
                                      original=can(current_user.role, Permission.READ_RESPONSES))
    return render_template("reports/promises.html", version=version, results=results,
                           at_risk=pledges.at_risk(results), previous=pledges.previous_version(db.session, version),
                           ratings=RATING_LABELS, exact=sees_exact_counts(),
                           tracker="tracker.new_item" in current_app.view_functions)


#: How each answer to a promise question is named in results.
RATING_LABELS = {"kept": "Kept", "sometimes": "Sometimes", "not-yet": "Not yet", "dont-know": "Don't know"}
