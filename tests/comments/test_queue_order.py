"""The review queue keeps its promised order as flags are handled and themes confirmed: the order is
stored with each comment (so a page is read through an index, not sorted) and must follow every change."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from participation.auth.models import StaffUser
from participation.comments.models import CommentAnalysis
from participation.comments.services import QueueFilters, confirm, handle_flag, queue
from participation.core.transaction import run
from participation.db import db
from tests.comments.helpers import send_two_comments


def _promised(comment: CommentAnalysis) -> tuple:
    """Open flags first, the most urgent kind first, the longest waiting first; then comments filed under
    no theme; then the least certain; worked out from the comment as it stands now."""
    flag = comment.flag_status == "open"
    urgency = (99 if comment.flag_urgency is None else comment.flag_urgency) if flag else 0
    return (not flag, urgency, comment.submitted_on if flag else date.min, bool(comment.themes), comment.confidence,
            comment.answer_id)


def test_the_order_follows_a_handled_flag_and_confirmed_themes(app, demo, make_user):
    send_two_comments(app, "i wanna kms tbh", "theres no food in the house")
    send_two_comments(app, "older boys make me carry packages for them", "idk")
    send_two_comments(app, "my carer hits me", "more money for my flat please")
    send_two_comments(app, "I love my foster family and my school", "more trips out with my PA")
    lead_id = make_user("officer", email="lead@council.example", safeguarding_lead=True)
    with app.app_context():
        lead = db.session.get(StaffUser, lead_id)
        comments = db.session.scalars(select(CommentAnalysis)).all()
        flags = sorted((c for c in comments if c.flag_status == "open"), key=_promised)
        assert len(flags) >= 3
        run(db.session, lambda: handle_flag(db.session, lead, flags[0].answer_id, "Spoke to the social worker today"))
        tagged = sorted((c for c in comments if c.themes and not c.safeguarding), key=lambda c: c.confidence)
        assert len(tagged) >= 2
        # The surer of the two loses its themes: filed under none, it now comes first among the reviewed.
        run(db.session, lambda: confirm(db.session, lead, tagged[-1].answer_id, []))
        run(db.session, lambda: confirm(db.session, lead, tagged[0].answer_id, ["safe-home"]))
        db.session.expire_all()
        comments = db.session.scalars(select(CommentAnalysis)).all()
        for show, members in (("to-review", [c for c in comments if c.status == "suggested" or c.flag_status == "open"]),
                              ("reviewed", [c for c in comments if c.status == "confirmed"])):
            shown = [item.comment.answer_id for item in queue(db.session, QueueFilters(show=show), limit=100)]
            assert shown == [c.answer_id for c in sorted(members, key=_promised)], show
        assert flags[0].answer_id not in [i.comment.answer_id for i in queue(db.session, QueueFilters(), limit=2)]
