"""The demo Pledge: the five outcome promises of the Corporate Parenting Strategy (seeds/001),
reviewed last year and open for review this year at /s/pledge-review, so change shows."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from participation.pledges import services
from participation.pledges.importing import PromiseRow, Parsed
from participation.pledges.models import Pledge, PledgeAudience, Promise, ReviewPart, ReviewQuestion
from participation.respond.demo import add_demo_responses
from participation.surveys.models import Survey, SurveyStatus

DEMO_PLEDGE = "Our Pledge to cared for children"
DEMO_SLUG = "pledge-review"

#: (theme, we will, in young people's words, for 8 to 11 year olds), in the strategy's own words.
PROMISES_LAST_YEAR: tuple[tuple[str, str, str, str], ...] = (
    ("involve-me", "We will make sure every cared for child has a say when adults make decisions that affect them, "
     "and that their opinions are taken into account.",
     "You have a say when adults make decisions about you.", "Adults ask what you think."),
    ("involve-me", "We will make sure feedback from children and young people shapes how we plan and deliver services.",
     "What you tell us changes how we do things.", ""),
    ("involve-me", "We will be honest with you and respect your right to confidentiality.",
     "We are honest with you and keep private things private.", "We tell you the truth."),
    ("safe-home", "We will ensure that you are in a good, safe placement where you feel happy, settled and secure.",
     "You live somewhere good and safe where you feel happy and settled.", "You feel safe and happy at home."),
    ("safe-home", "You will receive the information you need before your placement and we will listen to you if you "
     "have concerns at any time.", "You are told what you need to know before you move, and we listen if you are worried.",
     "We tell you about a new home before you move."),
    ("safe-home", "We will help you keep your links with family and friends.",
     "We help you keep in touch with family and friends.", "You can see your family and friends."),
    ("healthy", "We will make sure that your health needs are assessed and planned for and that you have access to "
     "health services when and where you need them.", "You can see a doctor, nurse or dentist when you need to.", ""),
    ("healthy", "Any need for additional emotional support will be recognised and addressed.",
     "If you are struggling with your feelings, you get help.", "If you feel sad or worried, someone helps."),
    ("achieve", "You will receive a planned and stable education which will enable you to fulfil your potential.",
     "You get a planned and stable education that helps you do your best.", "We help you do well at school."),
    ("achieve", "You will have a Personal Education Plan, and you will be invited to give your views before the "
     "meeting as well as attending it.", "You are asked what you think before your PEP meeting, and you can go to it.", ""),
    ("adult-life", "You will only move into independent living when you are ready to do so.",
     "You only move to your own place when you are ready.", ""),
    ("adult-life", "We will make sure you have the right skills before you move into independent living, such as "
     "cooking, finance and practical skills.", "You learn to cook, handle money and look after a home before you move on.", ""),
    ("adult-life", "We will inform you of your entitlements and do our best to make sure you receive them.",
     "We tell you what help you can get, and make sure you get it.", ""),
)

#: This year's changes: one promise reworded (it keeps its history) and one new promise.
REWORDED = ("We will help you keep your links with family and friends.",
            "We will help you keep in touch with your family and friends, when it is safe.")
NEW_PROMISE = ("healthy", "We will support you in your hobbies and interests.",
               "We help you do hobbies and things you enjoy.", "We help you do things you enjoy.")

#: How much better (+) or worse (-) than average each promise is rated, last year and this year,
#: so the demo shows promises rising, falling and at risk.
TILT_LAST_YEAR = {2: -0.1, 8: 0.2, 10: -0.2, 7: -0.3}
TILT_THIS_YEAR = {2: 0.1, 8: -0.25, 10: -0.35, 7: 0.15}


def _rows(promises) -> Parsed:
    return Parsed([PromiseRow(n, we_will, theme, young, younger)
                   for n, (theme, we_will, young, younger) in enumerate(promises, 1)])


def _tilts(session: Session, survey: Survey, tilts: dict[int, float]) -> dict[int, float]:
    """Tilts by promise position turned into tilts by the id of each rating question."""
    rows = session.execute(select(ReviewQuestion.question_id, ReviewQuestion.promise_id)
                           .where(ReviewQuestion.part == ReviewPart.RATING)
                           .where(ReviewQuestion.question_id.in_([q.id for q in survey.ordered_questions]))).all()
    positions = {p.id: p.position for p in session.scalars(select(Promise).where(
        Promise.id.in_([r.promise_id for r in rows])))}
    return {r.question_id: tilts.get(positions[r.promise_id], 0.0) for r in rows}


def seed_demo_pledge(session: Session, year: int, responses: int = 60) -> bool:
    """Load the demo Pledge for last year and this year, with both reviews answered. False if already there."""
    if session.scalar(select(Pledge).where(Pledge.name == DEMO_PLEDGE)) is not None:
        return False
    pledge = services.create_pledge(session, None, DEMO_PLEDGE, PledgeAudience.CARED_FOR, year - 1)
    last = pledge.latest
    assert last is not None  # a new pledge starts with its first year's version
    services.import_promises(session, None, last, _rows(PROMISES_LAST_YEAR))
    survey = services.create_review(session, None, last, services.ReviewOptions(slug=f"{DEMO_SLUG}-{year - 1}"))
    survey.status = SurveyStatus.CLOSED
    session.flush()
    add_demo_responses(session, survey, responses + 20 if responses else 0, seed=year - 1, days=40, ending=date(year - 1, 11, 30),
                       tilt=_tilts(session, survey, TILT_LAST_YEAR))

    this = services.new_version(session, None, pledge, year)
    promise = next(p for p in this.promises if p.we_will == REWORDED[0])
    services.update_promise(session, None, promise, services.PromiseChange(
        REWORDED[1], promise.for_young_people, promise.for_younger, promise.theme.key))
    services.import_promises(session, None, this, _rows([NEW_PROMISE]))
    survey = services.create_review(session, None, this, services.ReviewOptions(slug=DEMO_SLUG))
    survey.status = SurveyStatus.OPEN
    session.flush()
    add_demo_responses(session, survey, responses, seed=year, days=30, tilt=_tilts(session, survey, TILT_THIS_YEAR))
    return True
