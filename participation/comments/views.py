"""The officers' review queue: confirm themes, bulk-accept, handle safeguarding flags, retrain."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from markupsafe import Markup, escape
from werkzeug.datastructures import MultiDict
from flask_login import current_user

from participation.analysis import safeguarding_kinds, safeguarding_model
from participation.auth.access import require
from participation.auth.roles import Permission
from participation.comments import services
from participation.comments.models import FlagStatus, ReviewStatus
from participation.core.forms import ButtonForm, flash_outcome
from participation.core.numbers import answer_id_from, id_from, page_from
from participation.core.transaction import run
from participation.db import db, today
from participation.core import mail
from participation.alerts.safeguarding import leads as safeguarding_leads
from participation.surveys.models import Question, Survey
from participation.themes.services import active_themes

bp = Blueprint("comments", __name__, url_prefix="/comments")
require(bp, Permission.READ_RESPONSES)


@bp.context_processor
def _names() -> dict:
    return {"FlagStatus": FlagStatus, "ReviewStatus": ReviewStatus}


@bp.app_template_filter("risk_words")
def risk_words(reasons) -> str:
    """A flag's kinds of risk in the words a safeguarding lead uses, most urgent first."""
    return ", ".join(safeguarding_kinds.KINDS[kind] for kind in safeguarding_kinds.ordered(reasons or ()))


@bp.app_template_filter("with_evidence")
def with_evidence(text: str, spans) -> Markup:
    """The comment with the words that raised its safeguarding flag marked, each titled with its kind."""
    text = text or ""
    out, at = [], 0
    for start, end, kind in sorted(tuple(span) for span in spans or ()):
        if start < at or end > len(text) or start >= end:
            continue  # overlapping or stale spans are left unmarked rather than garbled
        words = safeguarding_kinds.KINDS.get(safeguarding_kinds.kind_of(kind), "")
        out += [escape(text[at:start]), Markup('<mark title="%s">') % words, escape(text[start:end]), Markup("</mark>")]
        at = end
    out.append(escape(text[at:]))
    return Markup("").join(out)


@bp.app_template_filter("flag_note")
def flag_note(text: str) -> str:
    """Why the learnt model flagged a comment no rule flagged, in plain words; empty otherwise."""
    return safeguarding_model.note_for(text or "")


@bp.app_template_global("survey_source")
def survey_source(survey_id, question_id=None) -> str:
    """Where a "you said" came from in words: the survey's title and, when known, the question."""
    survey_id, question_id = id_from(survey_id), id_from(question_id)
    survey = db.session.get(Survey, survey_id) if survey_id else None
    if survey is None:
        return ""
    question = db.session.get(Question, question_id) if question_id else None
    named = f"the survey “{survey.title}”"
    return named + (f", question “{question.text}”" if question is not None and question.survey_id == survey.id else "")


@bp.app_template_filter("waited")
def waited(day) -> str:
    """How long a flag has waited, in days: only the day a comment was sent is ever kept."""
    if day is None:
        return ""
    days = (today() - day).days
    return "came in today" if days <= 0 else ("waiting since yesterday" if days == 1 else f"waiting {days} days")


def _where_from_form() -> tuple[services.QueueFilters, int]:
    """The view, filters and page an action was pressed on, sent back with it as "back"."""
    args = MultiDict(parse_qsl(request.form.get("back", "")[:2000]))
    return services.filters_from(args), page_from(args.get("page"))


def _back_to_queue(at: int | None = None):
    """Back to the page of the queue the officer was on, with its filters; with `at`, to that comment,
    where the message about what was done is shown (this works without JavaScript)."""
    filters, page = _where_from_form()
    values: dict[str, Any] = {**filters.args(), "page": page if page > 1 else None, "at": at}
    address = url_for(".queue", **values)
    return redirect(address + ("#done" if at else ""))


def _at() -> int | None:
    return answer_id_from(request.form.get("at"))


@bp.get("/")
def queue():
    """Safeguarding flags first, then untagged and uncertain comments, 20 a page, narrowed by the filters."""
    filters = services.filters_from(request.args)
    size = services.queue_size(db.session, filters)
    pages = max(1, -(-size // services.QUEUE_PAGE))
    page = min(page_from(request.args.get("page")), pages)
    items = services.queue(db.session, filters, offset=(page - 1) * services.QUEUE_PAGE)
    at = answer_id_from(request.args.get("at"))
    here = {**filters.args(), **({"page": str(page)} if page > 1 else {})}
    return render_template("comments/queue.html", items=items, themes=active_themes(db.session), page=page,
                           pages=pages, size=size, filters=filters, here=urlencode(here),
                           page_url=lambda n: url_for(".queue", **filters.args(), page=n if n > 1 else None),
                           at=at if at in {item.comment.answer_id for item in items} else None,
                           choices=services.queue_choices(db.session), views=services.VIEWS,
                           flag_filters=services.FLAG_FILTERS, reviewed=filters.show == "reviewed",
                           counts=services.counts(db.session), button=ButtonForm(),
                           leads=safeguarding_leads(db.session), mail_on=mail.configured(current_app.config))


@bp.post("/<answer:answer_id>")
def confirm(answer_id: int):
    """Save the themes an officer chose for one comment."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    keys = request.form.getlist(f"themes-{answer_id}")
    flash_outcome(db.session, lambda: services.confirm(db.session, current_user, answer_id, keys),
                  f"Saved the themes for comment {answer_id}.")
    return _back_to_queue(_at())


def _ticked() -> list[int]:
    """The comments ticked for a bulk action, or the one whose own button was pressed ("one")."""
    one = answer_id_from(request.form.get("one"))
    return [one] if one else [n for n in map(answer_id_from, request.form.getlist("selected")) if n]


@bp.post("/accept")
def accept():
    """Accept the suggested themes of every comment ticked."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    field = "on_page" if request.form.get("all") == "page" else "selected"
    ids = [n for n in map(answer_id_from, request.form.getlist(field)) if n]
    if not ids:
        flash("Tick the comments whose suggested themes you accept.", "error")
    else:
        accepted = run(db.session, lambda: services.accept_suggestions(db.session, current_user, ids))
        flash(f"Accepted the suggested themes for {accepted} comment{'s' if accepted != 1 else ''}.")
    return _back_to_queue()


@bp.post("/set-aside")
def set_aside():
    """Set replies that are not comments ("no", "dunno", "nothing") aside, one or all those ticked."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    ids = _ticked()
    if not ids:
        flash("Tick the replies that are not comments.", "error")
        return _back_to_queue()
    moved, flagged = run(db.session, lambda: services.set_aside(db.session, current_user, ids))
    message = f"Set aside {moved} repl{'ies' if moved != 1 else 'y'} as not comments. “Set aside” lists them."
    if flagged:
        message += (f" {flagged} with an open safeguarding flag stay{'s' if flagged == 1 else ''} here for the "
                    "safeguarding lead.")
    flash(message)
    return _back_to_queue(_at())


@bp.post("/put-back")
def put_back():
    """Put replies set aside back among the comments to review."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    ids = _ticked()
    if not ids:
        flash("Tick the replies to put back.", "error")
        return _back_to_queue()
    moved = run(db.session, lambda: services.put_back(db.session, current_user, ids))
    flash(f"Put {moved} repl{'ies' if moved != 1 else 'y'} back among the comments to review.")
    return _back_to_queue(_at())


@bp.post("/<answer:answer_id>/handled")
def handled(answer_id: int):
    """The safeguarding lead marks a flag as handled, with a note."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    flash_outcome(db.session, lambda: services.handle_flag(db.session, current_user, answer_id,
                                                   request.form.get("note", "")),
                  f"Marked the safeguarding flag on comment {answer_id} as handled.")
    return _back_to_queue(_at())


@bp.post("/retrain")
def retrain():
    """Teach the tagger from every confirmed comment."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    model = run(db.session, lambda: services.retrain(db.session, current_user))
    flash(f"The tagger has learned from {model.confirmed} confirmed comments. New comments use it now.")
    return _back_to_queue()
