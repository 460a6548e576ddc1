"""Helpers the pledge tests share: a pledge with imported promises, and one reviewed twice."""

from __future__ import annotations

from participation.db import db
from participation.pledges import services
from participation.pledges.importing import parse_lines
from participation.pledges.models import PledgeVersion
from participation.themes.services import ensure_default_themes
from tests.factories import answer_review


PROMISES = """Involve me:
We will listen to you and take your views seriously.
We will be honest with you.
Help me to achieve:
You will receive a planned and stable education.
"""


def imported_pledge(session, year: int = 2025, text: str = PROMISES) -> PledgeVersion:
    ensure_default_themes(session)
    pledge = services.create_pledge(session, None, "Our Pledge to you", "cared-for", year)
    services.import_promises(session, None, pledge.latest, parse_lines(text, services.theme_names(session)))
    return pledge.latest


def reviewed_pledge(app):
    """A 2025 review and a 2026 review with answers; returns the 2026 version id."""
    with app.app_context():
        session = db.session
        last = imported_pledge(session, 2025)
        survey = services.create_review(session, None, last, services.ReviewOptions(slug="review-2025"))
        answer_review(session, survey, {1: {"kept": 20, "sometimes": 5, "not-yet": 5},
                                        2: {"kept": 12, "sometimes": 8}, 3: {"kept": 15, "not-yet": 5}})
        this = services.new_version(session, None, last.pledge)
        survey = services.create_review(session, None, this, services.ReviewOptions(slug="review-2026"))
        answer_review(session, survey, {1: {"kept": 24, "sometimes": 6, "not-yet": 0, "dont-know": 0},
                                        2: {"kept": 6, "sometimes": 10, "not-yet": 3},
                                        3: {"kept": 9, "not-yet": 11}},
                      comments={3: ["My sw is Dave and I moved school twice", "school is ok"]})
        return this.id
