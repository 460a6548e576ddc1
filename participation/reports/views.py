"""Read-only summaries for committee members, officers and administrators."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request
from flask_login import current_user
from sqlalchemy import select

from participation.auth.access import require
from participation.auth.roles import Permission, can
from participation.db import db
from participation.reports.suppression import suppress_small_count
from participation.surveys.builder import response_counts
from participation.surveys.models import Survey

bp = Blueprint("reports", __name__, url_prefix="/reports")
require(bp, Permission.READ_REPORTS)


@bp.get("/")
def index():
    """Published surveys and how many young people answered; small counts suppressed."""
    surveys = db.session.scalars(
        select(Survey).where(Survey.status != "draft").order_by(Survey.created_on.desc(), Survey.id.desc())).all()
    exact = can(current_user.role, Permission.MANAGE_USERS)
    counts = response_counts(db.session)
    shown = {s.id: suppress_small_count(counts.get(s.id, 0), exact=exact) for s in surveys}
    return render_template("reports/index.html", surveys=surveys, counts=shown, exact=exact)


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
