"""Old answers of closed surveys are deleted on request, figures already reported stay, and an
administrator can take everything the system holds away as a ZIP of CSV files."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, timedelta

from sqlalchemy import func, select

from participation.auth.models import AuditEntry
from participation.comments.models import CommentAnalysis, CommentTheme
from participation.core.transaction import transaction
from participation.db import db, today
from participation.respond.models import Answer, Response, ResponseTally
from participation.respond.retention import cutoff_for
from participation.surveys.models import Survey


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_cutoffs_are_read_in_years_months_and_days():
    on = date(2026, 11, 23)
    assert cutoff_for("3y", on) == date(2023, 11, 23)
    assert cutoff_for("18m", on) == date(2025, 5, 23)
    assert cutoff_for("90d", on) == on - timedelta(days=90)
    assert cutoff_for("1m", date(2026, 3, 31)) == date(2026, 2, 28)


def test_purge_deletes_old_answers_of_closed_surveys_only(app, runner):
    assert runner.invoke(args=["seed-demo", "--responses", "30"]).exit_code == 0
    with app.app_context():
        # Last year's pledge review is closed and its answers are a year old; the demo survey is open.
        review = db.session.scalar(select(Survey).where(Survey.slug == "pledge-review-" + str(today().year - 1)))
        old = db.session.scalar(select(func.count()).select_from(Response).where(Response.survey_id == review.id))
        before = (_count(Response), _count(Answer), _count(CommentAnalysis), _count(CommentTheme))
        tallied = db.session.scalar(select(func.sum(ResponseTally.count)))
    dry = runner.invoke(args=["purge", "--older-than", "6m", "--dry-run"])
    assert dry.exit_code == 0 and f"Would delete {old} responses" in dry.output
    with app.app_context():
        assert _count(Response) == before[0]
    done = runner.invoke(args=["purge", "--older-than", "6m"])
    assert f"Deleted {old} responses" in done.output
    with app.app_context():
        assert _count(Response) == before[0] - old
        assert not db.session.scalar(select(func.count()).select_from(Response).where(Response.survey_id == review.id))
        assert _count(Answer) < before[1] and _count(CommentAnalysis) < before[2] and _count(CommentTheme) < before[3]
        # Answers left behind by a deleted response: none.
        assert not db.session.scalar(select(func.count()).select_from(Answer).where(
            ~Answer.response_id.in_(select(Response.id))))
        assert db.session.scalar(select(func.sum(ResponseTally.count))) == tallied  # reported figures stay
        entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "responses.purged")).one()
        assert entry.detail["responses"] == old
    assert runner.invoke(args=["purge", "--older-than", "soon"]).exit_code != 0


def test_an_administrator_downloads_everything_without_password_hashes(app, demo, login_as):
    officer = login_as("officer")
    assert officer.get("/admin/export.zip").status_code == 403
    admin = app.test_client()
    from tests.helpers import PASSWORD, csrf_token
    from participation.auth.services import create_user
    with app.app_context(), transaction(db.session):
        create_user(db.session, None, "admin@council.example", PASSWORD, "administrator")
    admin.post("/login", data={"csrf_token": csrf_token(admin.get("/login").text), "email": "admin@council.example",
                               "password": PASSWORD})
    reply = admin.get("/admin/export.zip")
    assert reply.status_code == 200 and reply.mimetype == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(reply.data))
    names = set(archive.namelist())
    assert {"surveys.csv", "responses.csv", "answers.csv", "staff_users.csv", "you_said_items.csv"} <= names
    staff = list(csv.reader(io.StringIO(archive.read("staff_users.csv").decode("utf-8-sig"))))
    assert "password_hash" not in staff[0] and "email" in staff[0]
    assert not any("scrypt" in cell for row in staff for cell in row)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "data.exported"))
