"""Demo "you said, we did": items imported from the councils' own trackers (seeds/000 and 003), and
items made from the demo survey's comments, some published on the board."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from participation.respond.models import Answer
from participation.tracker import services
from participation.tracker.importing import Columns, apply_import, plan_import
from participation.tracker.models import Source, YouSaid
from participation.tracker.rules import ActionStatus

DEMO_TRACKER = Path(__file__).parent / "data" / "demo_tracker.csv"

#: (what young people said, theme, words their comments use, action, status, days until due, we did / why not)
FROM_COMMENTS = (
    ("We want to see our brothers and sisters more.", "safe-home", "%brother%",
     "Family time workers will plan time with brothers and sisters at every review.", "in-progress", 45, ""),
    ("Social workers should ring us back.", "involve-me", "%rings me back%",
     "Every social worker replies to calls and texts within 2 working days.", "done", 0,
     "Social workers now reply within 2 working days. Your IRO checks this at your review."),
    ("We wait too long to see CAMHS.", "healthy", "%CAMHS%",
     "Agree a faster way for children in care to see CAMHS.", "not-progressed", -20, ""),
    ("We want a choice of where we live when we leave care.", "adult-life", "%choice of where%",
     "Let every care leaver choose the town their first flat is in.", "wont-do", 0,
     "There are not enough flats for everyone to choose the town. We will always offer you at least two "
     "places to choose from, and your PA will visit them with you."),
)

#: Two of the review's recommendations as young people read them: (you said, we did).
PLAIN_WORDS = {
    "13.1.7": ("You told us you should have a say in how your Leaving Care Grant is spent.",
               "The grant went up from £2,000 to £3,000. Your pathway plan says how you want to spend it, "
               "and your personal adviser helps you plan."),
    "13.6.2": ("You told us the money for care leavers at university was not enough.",
               "The bursary is now £2,000 for every year of your course, not £2,000 in all."),
}


def seed_demo_tracker(session: Session) -> bool:
    """Load the demo tracker once; False if there are items already."""
    if session.scalar(select(func.count()).select_from(YouSaid)):
        return False
    plan = plan_import(session, DEMO_TRACKER.read_bytes(), DEMO_TRACKER.name,
                       Columns(you_said="Recommendation", we_did="Response", status="Completed on", ref="No"))
    apply_import(session, None, plan)
    # Two finished recommendations go on the board, in plain words an officer wrote for young people.
    for item in session.scalars(select(YouSaid).where(YouSaid.reference.in_(PLAIN_WORDS))):
        item.plain_summary, item.actions[0].we_did = PLAIN_WORDS[item.reference]
        services.set_published(session, None, item, True)
    for summary, theme, words, what, status, days, words_back in FROM_COMMENTS:
        evidence = list(session.scalars(select(Answer.id).where(Answer.text.ilike(words)).limit(5)))
        item = services.create_item(session, None, services.ItemInput(
            summary=summary, theme_keys=[theme], source=Source.SURVEY, evidence=evidence))
        services.add_action(session, None, item, services.ActionInput(
            what=what, owner="Participation team", status=status,
            due_on=services.today() + timedelta(days=days) if days else None,
            we_did=words_back if status == ActionStatus.DONE else "", wont_do_reason=words_back if status == ActionStatus.WONT_DO else ""))
        item.published = True
    session.flush()
    return True
