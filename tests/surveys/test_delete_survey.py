"""Deleting a survey: a confirmation page that says what goes and what stays, refused while a safeguarding
flag waits for the lead or young people can still answer it, and everything in one transaction."""

from __future__ import annotations


from sqlalchemy import func, select

from participation.auth.models import AuditEntry, StaffUser
from participation.comments.models import CommentAnalysis, CommentTally
from participation.comments.services import handle_flag
from participation.core.transaction import run, transaction
from participation.db import db, today
from participation.pledges.models import PledgeVersion
from participation.reports.models import CommitteeQuote
from participation.respond.models import Answer, AnswerTally, Draft, Response, ResponseTally
from participation.respond.storing import AnswerRow, Sent, store
from participation.surveys.models import Question, Section, Survey
from participation.tracker.models import YouSaid, YouSaidEvidence
from participation.tracker.services import ItemInput, create_item
from tests.helpers import PASSWORD, csrf_token, post_form
from tests.factories import make_committee_quote, make_draft, make_pledge, make_pledge_version, make_survey

WORRYING = "i dont want to be here anymore"
ITEM = "We want more time with our brothers and sisters"


def _survey_with_everything(app, status: str = "closed") -> tuple[int, int]:
    """“Your home” with three responses (one comment flagged), an unsent set of answers, a "you said" with a
    comment as evidence, a committee quote and a pledge review; and another survey that must stay whole."""
    with app.app_context():
        survey = make_survey(db.session, "your-home", status=status)
        other = make_survey(db.session, "other-survey", title="Another survey")
        yes_no, more = (q.id for q in survey.ordered_questions)
        other_yes_no, other_more = (q.id for q in other.ordered_questions)
        with transaction(db.session):
            store(db.session, survey.id, [Sent(today(), [AnswerRow(yes_no, choice="yes"), AnswerRow(more, text=text)])
                                          for text in ("My foster carer is kind", "I want more time with my sister",
                                                       WORRYING)])
            store(db.session, other.id, [Sent(today(), [AnswerRow(other_yes_no, choice="no"),
                                                        AnswerRow(other_more, text="My PA is great")])])
            make_draft(db.session, survey, answers={f"q{yes_no}": "no"})
            sister = db.session.scalar(select(Answer.id).where(Answer.text == "I want more time with my sister"))
            create_item(db.session, None, ItemInput(summary=ITEM, source="survey", source_survey_id=survey.id,
                                                    source_question_id=more, evidence=[sister]))
            make_committee_quote(db.session, db.session.get(CommentAnalysis, sister), starred_on=today())
            make_pledge_version(db.session, make_pledge(db.session, "Our Pledge"), year=2026,
                                review_survey_id=survey.id)
        assert db.session.scalar(select(func.count()).select_from(CommentAnalysis).where(
            CommentAnalysis.survey_id == survey.id, CommentAnalysis.flag_status == "open")) == 1
        return survey.id, other.id


def _handle_the_flag(app, lead_id: int) -> None:
    with app.app_context():
        flagged = db.session.scalar(select(CommentAnalysis.answer_id).where(CommentAnalysis.flag_status == "open"))
        lead = db.session.get(StaffUser, lead_id)
        run(db.session, lambda: handle_flag(db.session, lead, flagged, "Rang the social worker, visit booked"))


def _count(model, *where) -> int:
    return db.session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def test_a_survey_with_a_flag_waiting_for_the_lead_cannot_be_deleted(app, login_as):
    survey_id, _ = _survey_with_everything(app)
    officer = login_as("officer")
    assert f'href="/surveys/{survey_id}/delete"' in officer.get(f"/surveys/{survey_id}").text
    page = officer.get(f"/surveys/{survey_id}/delete").text
    assert "Delete “Your home”?" in page
    assert ("A safeguarding flag on one of its comments is still waiting for the designated safeguarding lead. "
            "Deleting the survey would delete the comment the lead has to read") in page
    assert f"/comments/?survey={survey_id}&amp;flag=open" in page  # where the waiting flag is
    assert "Delete the survey and its answers" not in page  # no button
    reply = post_form(officer, f"/surveys/{survey_id}/delete", {}, form_page=f"/surveys/{survey_id}")
    assert reply.headers["Location"].endswith(f"/surveys/{survey_id}")
    assert "still waiting for the designated safeguarding lead" in officer.get(reply.headers["Location"]).text
    with app.app_context():
        assert db.session.get(Survey, survey_id) is not None
        assert _count(Response, Response.survey_id == survey_id) == 3
        assert _count(AuditEntry, AuditEntry.action == "survey.deleted") == 0


def test_a_survey_young_people_can_still_answer_must_be_closed_first(app, login_as):
    with app.app_context():
        survey_id = make_survey(db.session, "still-open", status="open").id
    officer = login_as("officer")
    page = officer.get(f"/surveys/{survey_id}/delete").text
    assert "Young people can still answer this survey. Close it first" in page
    assert "Delete the survey and its answers" not in page
    post_form(officer, f"/surveys/{survey_id}/delete", {}, form_page=f"/surveys/{survey_id}")
    with app.app_context():
        assert db.session.get(Survey, survey_id) is not None


def test_the_confirmation_page_says_what_goes_and_what_stays(app, login_as, make_user):
    survey_id, _ = _survey_with_everything(app)
    _handle_the_flag(app, make_user("officer", email="lead@council.example", safeguarding_lead=True))
    officer = login_as("officer")
    page = officer.get(f"/surveys/{survey_id}/delete").text
    for line in (
            "“Your home” goes for good, with its 1 page and 2 questions. It cannot be brought back, and its link "
            "/s/your-home stops working.",
            "The 3 responses young people sent go, with every answer in them. Results, reports and committee papers "
            "stop counting them, also for periods already reported.",
            "1 set of answers started and never sent goes too.",
            "The 3 comments young people wrote go, with their themes.",
            "1 safeguarding flag the safeguarding lead has already handled goes, with the lead&#39;s notes. The audit "
            "log keeps that each was handled, by whom and on which day, but not the note",
            "1 comment starred to quote to the committee goes from the committee paper.",
            "1 link from “you said” items to its comments as evidence goes.",
            f"What stays: 1 “you said” item keeps its words, actions and history, but no longer links to this survey "
            f"or its comments (“{ITEM}”)",
            "What stays: the pledge “Our Pledge 2026” and its promises.",
            "What stays: the audit log, with an entry saying who deleted the survey"):
        assert line in page, line
    assert "Delete the survey and its answers" in page and "No, keep the survey" in page


def test_deleting_takes_everything_young_people_sent_and_keeps_the_tracker_items_words(app, login_as, make_user):
    survey_id, other_id = _survey_with_everything(app)
    _handle_the_flag(app, make_user("officer", email="lead@council.example", safeguarding_lead=True))
    with app.app_context():
        question_ids = list(db.session.scalars(select(Question.id).where(Question.survey_id == survey_id)))
        answer_ids = list(db.session.scalars(select(Answer.id).join(Response).where(Response.survey_id == survey_id)))
    officer = login_as("officer")
    reply = post_form(officer, f"/surveys/{survey_id}/delete", {}, form_page=f"/surveys/{survey_id}/delete")
    assert reply.status_code == 302 and reply.headers["Location"].endswith("/surveys/")
    page = officer.get(reply.headers["Location"]).text
    assert "Deleted the survey “Your home”, with 3 responses and 3 comments." in page
    assert officer.get(f"/surveys/{survey_id}").status_code == 404
    assert officer.get("/s/your-home").status_code == 404
    with app.app_context():
        assert db.session.get(Survey, survey_id) is None
        assert _count(Section, Section.survey_id == survey_id) == 0
        assert _count(Question, Question.survey_id == survey_id) == 0
        assert _count(Response, Response.survey_id == survey_id) == 0
        assert _count(Answer, Answer.question_id.in_(question_ids)) == 0
        assert _count(Draft, Draft.survey_id == survey_id) == 0
        assert _count(CommentAnalysis, CommentAnalysis.survey_id == survey_id) == 0
        assert _count(CommitteeQuote) == 0
        assert _count(YouSaidEvidence, YouSaidEvidence.answer_id.in_(answer_ids)) == 0
        assert _count(ResponseTally, ResponseTally.survey_id == survey_id) == 0
        assert _count(AnswerTally, AnswerTally.survey_id == survey_id) == 0
        assert _count(CommentTally, CommentTally.survey_id == survey_id) == 0
        # The other survey is whole.
        assert _count(Response, Response.survey_id == other_id) == 1
        assert _count(CommentAnalysis, CommentAnalysis.survey_id == other_id) == 1
        assert _count(ResponseTally, ResponseTally.survey_id == other_id) == 1
        # The "you said" keeps its words and loses the link; its history says why.
        item = db.session.scalars(select(YouSaid)).one()
        assert (item.summary, item.source_survey_id, item.source_question_id, item.evidence) == (ITEM, None, None, [])
        history = db.session.scalars(select(AuditEntry).where(AuditEntry.target_type == "you_said_item",
                                                              AuditEntry.action == "tracker.source-deleted")).one()
        assert history.summary == ("The survey “Your home” it came from was deleted, with its comments; this item "
                                   "keeps its words")
        version = db.session.scalars(select(PledgeVersion)).one()
        assert version.review_survey_id is None and version.pledge.name == "Our Pledge"
        # The audit log records who deleted what; the flag's handling stays recorded too.
        entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "survey.deleted")).one()
        assert entry.user_id is not None and entry.target_id == survey_id
        assert entry.summary == "Deleted “Your home” with 3 responses and 3 comments"
        assert {key: entry.detail[key] for key in ("responses", "unsent", "comments", "handled_flags", "quotes",
                                                   "evidence_links", "items")} == {
            "responses": 3, "unsent": 1, "comments": 3, "handled_flags": 1, "quotes": 1, "evidence_links": 1,
            "items": 1}
        assert entry.detail["pledge_versions"] == ["Our Pledge 2026"]
        assert _count(AuditEntry, AuditEntry.action == "comment.flag-handled") == 1
    item_page = officer.get(f"/tracker/{item.id}").text
    assert ITEM in item_page and "it came from was deleted" in item_page


def test_a_draft_with_no_answers_says_nothing_is_lost_and_committee_members_cannot_delete(app, login_as, make_user):
    with app.app_context():
        survey_id = make_survey(db.session, "draft-one", status="draft").id
    make_user("committee", email="councillor@council.example")
    committee = app.test_client()
    page = committee.get("/login")
    committee.post("/login", data={"csrf_token": csrf_token(page.text), "email": "councillor@council.example",
                                   "password": PASSWORD})
    assert committee.get(f"/surveys/{survey_id}/delete").status_code == 403
    assert committee.post(f"/surveys/{survey_id}/delete").status_code in (400, 403)
    administrator = login_as("administrator")
    page = administrator.get(f"/surveys/{survey_id}/delete").text
    assert "Nobody has sent answers to it, so no responses are lost." in page
    reply = post_form(administrator, f"/surveys/{survey_id}/delete", {}, form_page=f"/surveys/{survey_id}/delete")
    assert "Deleted the survey “Your home”, with 0 responses and 0 comments." in administrator.get(
        reply.headers["Location"]).text
    with app.app_context():
        assert db.session.get(Survey, survey_id) is None
