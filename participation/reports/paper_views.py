"""The committee paper: officers write its words for a meeting; committee members read and print it."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import DateField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from participation.auth.access import require
from participation.auth.roles import Permission, can, safe_next
from participation.core.forms import ButtonForm, attempt, filled, flash_outcome
from participation.db import db, today
from participation.reports import paper as papers, services
from participation.reports.models import CommitteePaper
from participation.reports.views import _chart_styles, _filters, bp as reports_bp, sees_exact_counts
from participation.scorecard import services as scorecard

bp = Blueprint("papers", __name__, url_prefix="/reports/papers")
require(bp, Permission.READ_REPORTS)
bp.after_request(_chart_styles)

#: Officers write the paper and choose its quotes; committee members read it.
WRITES = Permission.READ_RESPONSES
writing_bp = Blueprint("paper_writing", __name__, url_prefix="/reports/papers")
require(writing_bp, WRITES)


class PaperForm(FlaskForm):
    meeting_on = DateField("Date of the meeting", validators=[DataRequired("Give the date of the meeting.")])
    period_start = DateField("Figures from", validators=[DataRequired("Give the first day the figures cover.")])
    period_end = DateField("Figures to", validators=[DataRequired("Give the last day the figures cover.")])
    report_of = StringField("Report of: a role or team", validators=[Optional(), Length(max=300)],
                            description="For example: Head of Participation")
    summary = TextAreaField("Summary", validators=[Optional(), Length(max=papers.MAX_WORDS_FIELD)],
                            description="A few sentences the committee reads first. Left empty, the paper "
                                        "sums up the figures itself.")
    asked_to = TextAreaField("Committee is asked to", validators=[Optional(), Length(max=papers.MAX_WORDS_FIELD)],
                             description="One request a line, such as: note the scorecard for quarter 3.")
    commentary = TextAreaField("Officer commentary", validators=[Optional(), Length(max=papers.MAX_WORDS_FIELD)],
                               description="What the figures mean and what officers are doing about them. "
                                           "Leave a blank line between paragraphs.")


@bp.app_template_filter("css_string")
def css_string(value: object) -> str:
    """Text as a CSS string's contents, for the page footer: quotes, backslashes and angle brackets escaped."""
    out = []
    for ch in str(value):
        out.append(f"\\{ord(ch):x} " if ch in '"\\<>&\n\r' or ord(ch) < 32 else ch)
    return "".join(out)


@bp.app_template_global("quoted_for_committee")
def quoted_for_committee(answer_ids) -> set[int]:
    """For the review queue: which comments are starred to quote to the committee."""
    return papers.quoted_ids(db.session, list(answer_ids))


@bp.get("/")
def index():
    """Every meeting's paper; officers start the next one here."""
    return render_template("reports/papers.html", papers=papers.papers(db.session),
                           writes=can(current_user.role, WRITES))


def _paper(paper_id: int) -> CommitteePaper:
    return db.session.get(CommitteePaper, paper_id) or abort(404)


@writing_bp.route("/new", methods=["GET", "POST"])
def new():
    """Start the paper for a meeting: its date, the period its figures cover, and its words."""
    on = today()
    form = PaperForm(data=None if request.method == "POST" else {
        "meeting_on": on + timedelta(days=28), "period_start": on - timedelta(days=364), "period_end": on})
    return _save(form, None)


@writing_bp.route("/<int:paper_id>/edit", methods=["GET", "POST"])
def edit(paper_id: int):
    """Change a paper's words before it is printed."""
    paper = _paper(paper_id)
    form = PaperForm(obj=paper)
    return _save(form, paper)


def _save(form: PaperForm, paper: CommitteePaper | None):
    if form.validate_on_submit():
        saved = attempt(db.session, form, lambda: papers.save_paper(
            db.session, current_user, paper, meeting_on=filled(form.meeting_on.data),
            period_start=filled(form.period_start.data), period_end=filled(form.period_end.data),
            report_of=form.report_of.data or "", summary=form.summary.data or "",
            asked_to=form.asked_to.data or "", commentary=form.commentary.data or ""))
        if saved is not None:
            flash(f"Saved the committee paper for the meeting on {saved.meeting_on.day} {saved.meeting_on:%B %Y}.")
            return redirect(url_for("papers.show", paper_id=saved.id))
    return render_template("reports/paper_form.html", form=form, paper=paper)


def render_paper(paper: CommitteePaper | None, filters: services.Filters):
    """The paper for a meeting (or, with no meeting, for the report's filters), laid out for A4."""
    exact = sees_exact_counts()
    board = services.dashboard(db.session, filters, exact, today())
    done, done_total = papers.completed_actions(db.session, filters.start, filters.end)
    return render_template(
        "reports/paper.html", paper=paper, board=board, summary=services.summary_words(board),
        card=scorecard.scorecard(db.session, exact=exact), exact=exact, figures=papers.figures(board),
        quotes=papers.quotes_by_theme(db.session, filters.start, filters.end), done=done, done_total=done_total,
        generated=today(), writes=can(current_user.role, WRITES), back=request.args)


@reports_bp.get("/print")
def printable():
    """The committee paper for the report's chosen period, without a meeting's words, ready to print."""
    return render_paper(None, _filters())


@bp.get("/<int:paper_id>")
def show(paper_id: int):
    """The paper as the committee reads and prints it."""
    paper = _paper(paper_id)
    return render_paper(paper, services.Filters(paper.period_start, paper.period_end))


@writing_bp.post("/quotes/<answer:answer_id>")
def star(answer_id: int):
    """Star a comment to quote it, redacted, in the committee paper; or take the star off."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    if request.form.get("quote") == "off":
        flash_outcome(db.session, lambda: papers.unstar(db.session, current_user, answer_id),
                      "The comment will not be quoted to the committee.")
    else:
        flash_outcome(db.session, lambda: papers.star(db.session, current_user, answer_id),
                      "The comment will be quoted, with names and contact details taken out, in the committee paper.")
    return redirect(safe_next(request.form.get("next"), url_for("comments.queue")))
