"""Read-only summaries for committee members, officers and administrators."""

from __future__ import annotations

from datetime import date
from typing import Callable, Iterable

from flask import Blueprint, abort, current_app, render_template, request
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import Session

from participation.auth.access import require
from participation.auth.roles import Permission, can, sees_original_words
from participation.comments import services as comment_services
from participation.core.headers import CHART_PAGE_POLICY
from participation.core.numbers import day_from, id_from, page_from
from participation.core.suppression import suppress_small_count
from participation.db import db, today
from participation.exchange.downloads import ready_rows, table_download
from participation.exchange.services import response_header, response_rows
from participation.pledges import services as pledges
from participation.pledges.models import PledgeVersion
from participation.reports import groups, results, services
from participation.scorecard import services as scorecard
from participation.themes.services import active_themes
from participation.surveys.builder import response_counts
from participation.surveys.models import AUDIENCES, Question, QuestionKind, Survey, SurveyStatus
from participation.tracker import services as tracker_services
from participation.tracker.rules import STATUSES

bp = Blueprint("reports", __name__, url_prefix="/reports")
require(bp, Permission.READ_REPORTS)


@bp.after_request
def _chart_styles(response):
    """plotly.js sets styles as it draws, so report pages allow inline styles; never inline script."""
    response.headers["Content-Security-Policy"] = CHART_PAGE_POLICY
    return response


def _filters() -> services.Filters:
    """The report's filters from the address; anything unreadable falls back to the last 12 months."""
    on = today()
    default = services.default_filters(on)

    def day(name: str, fallback: date) -> date:
        return day_from(request.args.get(name)) or fallback

    start, end = day("start", default.start), day("end", default.end)
    if start > end or (end - start).days > 3660:
        start, end = default.start, default.end
    audience = request.args.get("audience", "")
    return services.Filters(start, end, id_from(request.args.get("survey")),
                            audience if audience in AUDIENCES else "")


def _dashboard() -> services.Dashboard:
    return services.dashboard(db.session, _filters(), sees_exact_counts(), today())


@bp.get("/")
def index():
    """The committee dashboard: charts with their numbers, the scorecard, promises at risk, overdue actions."""
    board = _dashboard()
    surveys = db.session.scalars(
        select(Survey).where(Survey.status != SurveyStatus.DRAFT)
        .order_by(Survey.created_on.desc(), Survey.id.desc())).all()
    counts = response_counts(db.session)
    shown = {s.id: suppress_small_count(counts.get(s.id, 0), exact=board.exact) for s in surveys}
    return render_template("reports/index.html", board=board, summary=services.summary_words(board),
                           card=scorecard.scorecard(db.session, exact=board.exact),
                           surveys=surveys, counts=shown, exact=board.exact, audiences=AUDIENCES,
                           statuses=STATUSES, args=request.args)


@bp.get("/tracker")
def tracker():
    """The "you said, we did" tracker for the committee: every item by source and reference, read-only and
    redacted, including those with no date and no progress."""
    return render_template("reports/tracker.html", sources=tracker_services.committee_tracker(db.session))


@bp.get("/export.<any(csv, xlsx):kind>")
def export(kind: str):
    """The dashboard's figures as CSV or Excel, suppressed as on screen; no cell is ever a formula."""
    header, rows = services.export_rows(_dashboard())
    return table_download(kind, header, ready_rows(rows), "Committee report", f"committee-report.{kind}")


@bp.get("/comments")
def comments():
    """What young people wrote, by theme. Committee members read only the redacted text."""
    theme_key = request.args.get("theme", "")
    page = page_from(request.args.get("page"))
    original = sees_original_words(current_user.role)
    shown = comment_services.readable_comments(db.session, theme_key, original, limit=50, offset=(page - 1) * 50)
    return render_template("reports/comments.html", comments=shown, themes=active_themes(db.session),
                           theme_key=theme_key, page=page, original=original,
                           writes=can(current_user.role, Permission.READ_RESPONSES))


def sees_exact_counts() -> bool:
    """Administrators may see exact counts; everyone else sees small counts suppressed."""
    return can(current_user.role, Permission.MANAGE_USERS)


@bp.get("/promises")
def promises_index():
    """Every pledge review, newest first."""
    return render_template("reports/promise_reviews.html", versions=pledges.reviewed_versions(db.session))


@bp.get("/promises/<int:version_id>")
def promises(version_id: int):
    """How young people rated each promise, against last year, and the promises most at risk."""
    version = db.session.get(PledgeVersion, version_id) or abort(404)
    results = pledges.promise_results(db.session, version, exact=sees_exact_counts(),
                                      original=sees_original_words(current_user.role))
    return render_template("reports/promises.html", version=version, results=results,
                           at_risk=pledges.at_risk(results), previous=pledges.previous_version(db.session, version),
                           ratings=RATING_LABELS, exact=sees_exact_counts(),
                           tracker="tracker.new_item" in current_app.view_functions)


#: How each answer to a promise question is named in results.
RATING_LABELS = {"kept": "Kept", "sometimes": "Sometimes", "not-yet": "Not yet", "dont-know": "Don't know"}


results_bp = Blueprint("results", __name__, url_prefix="/surveys")
require(results_bp, Permission.READ_REPORTS)
results_bp.after_request(_chart_styles)


def _survey_and_group(survey_id: int):
    """The survey, whether the reader sees exact figures, the group the address asks for and its form."""
    survey = db.session.get(Survey, survey_id)
    if survey is None:
        abort(404)
    exact = can(current_user.role, Permission.READ_RESPONSES)
    group, form = groups.read_group(request.args, survey, whole_months=not exact)
    return survey, exact, group, form


@results_bp.get("/<int:survey_id>/results")
def survey_results(survey_id: int):
    """One survey's results question by question, for the chosen group; small numbers hidden unless the
    reader sees responses."""
    survey, exact, group, form = _survey_and_group(survey_id)
    res = None if form.errors else results.results(db.session, survey, exact, group)
    return render_template("reports/results.html", survey=survey, exact=exact, res=res, form=form,
                           breakdowns=groups.breakdown_choices(survey), audiences=groups.audience_choices(survey), args=_group_args(form),
                           QuestionKind=QuestionKind)


@results_bp.get("/<int:survey_id>/results/comments/<int:text_question_id>")
def survey_comments(survey_id: int, text_question_id: int):
    """Every comment to one free-text question in the chosen group, newest first, paged and searchable."""
    survey, exact, group, form = _survey_and_group(survey_id)
    question = db.session.get(Question, text_question_id)
    if question is None or question.survey_id != survey.id or question.kind != QuestionKind.TEXT:
        abort(404)
    search = request.args.get("q", "").strip()[:100]
    page = max(1, min(request.args.get("page", 1, type=int), 10_000))
    shown = not form.errors and results.group_visible(db.session, survey, group, exact)
    found = results.comment_count(db.session, survey, question, group, exact, search) if shown else 0
    per = results.COMMENTS_PER_PAGE
    listed = results.comments(db.session, survey, question, group, exact, search, per, (page - 1) * per) \
        if shown else []
    return render_template("reports/results_comments.html", survey=survey, question=question, exact=exact,
                           form=form, group=group, shown=shown, comments=listed, found=found, search=search,
                           page=page, pages=max(1, -(-found // per)), args=_group_args(form),
                           breakdowns=groups.breakdown_choices(survey), audiences=groups.audience_choices(survey))


@results_bp.get("/<int:survey_id>/results/<any(results, comments, responses):what>.<any(csv, xlsx):kind>")
def survey_download(survey_id: int, what: str, kind: str):
    """The results, the comments or (officers only) the responses of the chosen group, as CSV or Excel,
    formula-safe; committee members get the figures as the page shows them and nothing from a group under 5."""
    survey, exact, group, form = _survey_and_group(survey_id)
    if form.errors:
        abort(400)
    rows_from: Callable[[Session], Iterable[Iterable[object]]]
    if what == "responses":
        if not exact:
            abort(403)
        header = response_header(survey, with_day=True)

        def rows_from(session: Session) -> Iterable[Iterable[object]]:
            again = session.get_one(Survey, survey_id)  # read afresh: the rows are written after the request
            return response_rows(session, again, results.in_group(again, group), with_day=True)
    else:
        res = results.results(db.session, survey, exact, group)
        if what == "results":
            header, rows_from = results.RESULTS_HEADER, ready_rows(results.results_table(res))
        else:
            header, too_few = results.comments_header(exact), res.too_few

            def rows_from(session: Session) -> Iterable[Iterable[object]]:
                return () if too_few else results.comments_table(session, session.get_one(Survey, survey_id), group,
                                                                  exact)
    return table_download(kind, header, rows_from, what.capitalize(), f"{survey.slug}-{what}.{kind}")


def _group_args(form: groups.GroupForm) -> dict[str, str]:
    """The filters as typed, to carry into links."""
    return {k: v for k, v in {"start": form.start, "end": form.end, "breakdown": form.breakdown,
                              "audience": form.audience}.items() if v}


responses_bp = Blueprint("responses", __name__, url_prefix="/surveys")
require(responses_bp, Permission.READ_RESPONSES)


@responses_bp.get("/<int:survey_id>/responses/<int:number>")
def one_response(survey_id: int, number: int):
    """One anonymous response of the chosen group as the young person saw their answers, the day only."""
    survey, exact, group, form = _survey_and_group(survey_id)
    shown = None if form.errors else results.one_response(db.session, survey, group, number)
    if shown is None and not form.errors and number != 1:
        abort(404)
    return render_template("reports/one_response.html", survey=survey, shown=shown, form=form, group=group,
                           breakdowns=groups.breakdown_choices(survey), audiences=groups.audience_choices(survey), args=_group_args(form), exact=exact)
