"""Demo scorecard: a few measures a Corporate Parenting Committee follows, typed in for the last year's
quarters, and two the product feeds from the demo survey and the tracker."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from participation.db import today
from participation.scorecard import services
from participation.scorecard.feeds import FeedKind
from participation.scorecard.models import Measure
from participation.scorecard.rules import Period, period_for
from participation.surveys.models import Question, QuestionKind, Survey

#: (group, reference, measure, lead, polarity, unit, target, comparators, values for the last five periods, notes)
TYPED = (
    ("Involve me", "IM1", "% of children in care who took part in their last review", "Independent Reviewing Service",
     "high", "percentage", "95%", "National: 93%", ("91%", "93%", "94%", "96%", "97%"),
     "Reviewing officers now meet each child before the review and agree who chairs it."),
    ("Involve me", "IM2", "Number of children and young people using the advocacy service",
     "Children's Rights Team", "high", "count", "", "", ("112", "31", "64", "58", "71"),
     "Workshops in schools were followed by more requests for an advocate."),
    ("Provide me with a good, safe home", "SH1", "Number of children in care", "Head of Service for Children in Care",
     "none", "count", "380-430", "Statistical neighbours: 402", ("421", "428", "433", "441", "439"),
     "The number rose with more unaccompanied children arriving in the summer."),
    ("Provide me with a good, safe home", "SH2", "% of children in care who had three or more homes in the year",
     "Placements Team", "low", "percentage", "10%", "National: 10%", ("11%", "9%", "10%", "12%", "10.5%"),
     "Two new children's homes opened in the spring."),
    ("Keep me healthy", "KH1", "% of initial health assessments done within 20 working days", "Children in Care Nurse",
     "high", "percentage", "90%", "", ("58%", "64%", "72%", "70%", "Data not available this quarter"),
     "The new booking process started in the second quarter."),
    ("Help me to achieve", "HA1", "% of Personal Education Plans completed on time", "Virtual School",
     "high", "percentage", "90%", "", ("83%", "93%", "88%", "92%", "94%"), ""),
    ("Support me to move to adult life", "AL1", "% of care leavers aged 19-21 in education, employment or training",
     "Leaving Care Service", "high", "percentage", "55%", "England: 56%", ("49%", "52%", "51%", "54%", "57%"),
     "Twelve care leavers started apprenticeships with the council this year."),
)


def _last_periods(count: int) -> list[Period]:
    current = period_for(today())
    periods = [current]
    while len(periods) < count:
        last = periods[-1]
        periods.append(Period(last.year, last.quarter - 1) if last.quarter and last.quarter > 1 else Period(last.year - 1, 4))
    return list(reversed(periods))


def seed_demo_scorecard(session: Session, survey: Survey) -> bool:
    """Load the demo scorecard once; False if there are measures already."""
    if session.scalar(select(func.count()).select_from(Measure)):
        return False
    periods = _last_periods(5)
    for group, ref, name, lead, polarity, unit, target, comparators, values, notes in TYPED:
        measure = services.save_measure(session, None, services.MeasureInput(
            ref, name, group, lead, polarity, unit, "quarterly", target, "5%", comparators, "", notes))
        for period, written in zip(periods, values):
            services.set_value(session, None, measure, period.key, written)
    safe = session.scalar(select(Question).where(Question.survey_id == survey.id, Question.kind == QuestionKind.YESNO))
    if safe is not None:
        feel_safe = services.save_measure(session, None, services.MeasureInput(
            "SH3", f"% of young people who answered '{safe.text}' with Yes", "Provide me with a good, safe home",
            "Participation Team", "high", "percentage", target="90%", notes="From the Your life, your say survey."))
        services.set_feed(session, None, feel_safe, {"kind": FeedKind.SURVEY_ANSWER.value, "question_id": safe.id,
                                                     "choices": ["yes"]})
    overdue = services.save_measure(session, None, services.MeasureInput(
        "IM3", "Number of 'you said, we did' actions overdue", "Involve me", "Participation Team", "low", "count",
        target="0", notes="From the tracker."))
    services.set_feed(session, None, overdue, {"kind": FeedKind.ACTIONS_OVERDUE.value})
    session.flush()
    return True
