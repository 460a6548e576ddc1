"""Read-only summaries for committee members, officers and administrators."""

from __future__ import annotations

from flask import Blueprint, render_template
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
