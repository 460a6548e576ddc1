"""Demo responses: realistic answers and comments in young people's own words.

Officers try the review queue, and committee members the reports, on answers that read like
the real thing. Comments are built from phrases in the language young people use in the
councils' own papers (`seeds/001`: "listen to us", "be honest with us", "we want to stay living
in our communities"), with a few that a safeguarding lead must see. Generation is seeded, so
the same demo is built every time.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any, Iterator, Mapping

from sqlalchemy.orm import Session

from participation.comments.services import tagger_and_theme_ids
from participation.db import today
from participation.respond import storing
from participation.respond.services import answer_rows
from participation.respond.storing import Sent
from participation.surveys.models import QuestionKind, Survey
from participation.surveys.question_types import question_type

# What young people say, by theme: (good things, things to change).
PHRASES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "involve-me": (
        ("my social worker actually listens to me now",
         "I got to go to my review meeting and say what I think",
         "the children in care council is good, they asked us what we think",
         "my worker is honest with me even when it is bad news",
         "they asked me before they made the plan",
         "I liked being on the interview panel for new social workers"),
        ("nobody asks me what I want, they just decide",
         "I have had 4 social workers this year and I have to tell my story again every time",
         "my social worker never rings me back",
         "I want to be told the truth about why things happen",
         "meetings are all about me but I never get a say",
         "adults talk about me like I'm not there",
         "I don't know who my IRO is",
         "stop judging us and patronising us"),
    ),
    "safe-home": (
        ("I love my foster mum she makes me feel like family",
         "my carers are kind and I feel settled here",
         "I have been in the same placement for 3 years and it feels like home",
         "the staff at my home are sound",
         "I get to see my brother every week now",
         "my room is nice and I can put my own stuff up"),
        ("I keep moving again and again and I don't want to",
         "I want more contact with my brother and sister",
         "I was moved miles away from my friends and my school",
         "I want to stay living in my area",
         "I didn't get told anything before I moved in",
         "the house rules are too strict and I can't have friends round",
         "I want to see my mum more"),
    ),
    "healthy": (
        ("CAMHS really helped me",
         "I joined a football club with my leisure pass",
         "my counsellor is easy to talk to",
         "I go swimming every week now",
         "the nurse explained my health assessment properly"),
        ("I waited ages for CAMHS and I still have not been seen",
         "I want to see the nurse somewhere I choose not at school",
         "my mental health is bad and nobody helps",
         "I feel anxious all the time",
         "the health assessment is embarrassing",
         "I want proper information about relationships not just sex"),
    ),
    "achieve": (
        ("my teacher believes in me",
         "I got my GCSEs and I am going to college",
         "the PEP meeting helped me get a tutor",
         "I love my apprenticeship",
         "there is someone at school I can talk to who knows what I need",
         "I'm going to uni in September"),
        ("school is hard and I keep getting excluded",
         "nobody expects me to do well",
         "I missed loads of school when I moved",
         "I need help with maths and English",
         "I don't know what a PEP is",
         "I want to do an apprenticeship but don't know how"),
    ),
    "adult-life": (
        ("my PA is amazing and always there for me",
         "I have my own flat now and I love it",
         "they helped me with my bank account and budgeting",
         "the care leavers group helped me find a job",
         "my PA helped me sort my council tax"),
        ("I am struggling with money and my benefits keep getting stopped",
         "I don't know how to cook or pay bills",
         "I was moved into a flat before I was ready",
         "I want a choice of where I live when I leave care",
         "my PA keeps changing",
         "I'm 18 and I feel like everyone has given up on me",
         "my universal credit is not enough to live on"),
    ),
}

# Comments that must reach the safeguarding lead. Rare, as in real surveys.
RISK = (
    "I don't feel safe at home, my carer shouts and hits me",
    "sometimes I want to kill myself",
    "I have been cutting myself again",
    "older boys make me carry stuff for them and say they will hurt me",
    "I'm getting kicked out tonight and have nowhere to sleep",
    "I keep running away because I'm scared there",
)

# Everyday words that sound worrying but are not.
EVERYDAY = (
    "I killed it in my exams this year",
    "I don't feel unsafe, my carers are great",
    "football training is murder but I love it",
)

NOTHING = ("nothing", "dunno", "its ok", "no", "everything is fine")

LINKS = (" and ", ". Also ", ", but ", ". ")

# Kinds whose answers run from best to worst, and from worst to best.
_BEST_FIRST = (QuestionKind.YESNO,)
_WORST_FIRST = (QuestionKind.SCALE, QuestionKind.FACES)


def demo_comment(rng: random.Random, lean: float, theme: str | None = None) -> str:
    """One comment: one or two things a young person might say; `lean` is the chance each is good.

    With a theme, the first thing said is about that theme.
    """
    roll = rng.random()
    if roll < 0.03:
        return rng.choice(RISK)
    if roll < 0.05:
        return rng.choice(EVERYDAY)
    if roll < 0.11:
        return rng.choice(NOTHING)
    parts = []
    for n in range(1 if rng.random() < 0.6 else 2):
        good, bad = PHRASES[theme if n == 0 and theme in PHRASES else rng.choice(tuple(PHRASES))]
        parts.append(rng.choice(good if rng.random() < lean else bad))
    link = rng.choice(LINKS)
    if link.startswith("."):
        parts = [parts[0]] + [p[0].upper() + p[1:] for p in parts[1:]]
    text = link.join(parts)
    return text[0].upper() + text[1:]


def _demo_answers(survey: Survey, rng: random.Random, tilt: Mapping[int, float]) -> dict[str, Any]:
    """Form values for one young person; a happier young person picks better answers.

    `tilt` moves answers to some questions up (positive) or down (negative), by question id.
    """
    happiness = rng.betavariate(3, 2)
    answers: dict[str, Any] = {}
    # Young people write a comment or two, however many boxes a survey has.
    texts = sum(q.kind == QuestionKind.TEXT for q in survey.ordered_questions)
    writes = min(0.85, 2.0 / max(texts, 1))
    for question in survey.ordered_questions:
        kind = question_type(question)
        if not question.is_shown(answers) or (not question.required and rng.random() < 0.15):
            continue
        lean = min(1.0, max(0.0, happiness + tilt.get(question.id, 0.0)))
        if kind.key == QuestionKind.TEXT:
            if rng.random() < writes:
                answers[question.field_name] = demo_comment(rng, lean, question.theme.key if question.theme else None)
            continue
        values = [c.value for c in kind.choices(question)]
        if not values:
            continue
        if kind.multiple:
            answers[question.field_name] = rng.sample(values, rng.randint(1, min(3, len(values))))
        elif kind.key == QuestionKind.PROMISE:
            # Most young people have a view; a few don't know.
            ranked = [v for v in values if v != "dont-know"]
            weights = [0.1 + lean ** 2 * (2 - i) ** 2 + (1 - lean) ** 2 * i ** 2 for i in range(len(ranked))]
            answers[question.field_name] = "dont-know" if rng.random() < 0.08 else rng.choices(ranked, weights)[0]
        elif kind.key in _BEST_FIRST or kind.key in _WORST_FIRST:
            ranked = values if kind.key in _BEST_FIRST else values[::-1]
            last = len(ranked) - 1
            weights = [0.2 + lean * (last - i) + (1 - lean) * i for i in range(len(ranked))]
            answers[question.field_name] = rng.choices(ranked, weights)[0]
        else:
            answers[question.field_name] = rng.choice(values)
    return answers


def demo_responses(survey: Survey, count: int, seed: int = 2014, days: int = 90, ending: date | None = None,
                   tilt: Mapping[int, float] | None = None) -> Iterator[Sent]:
    """`count` young people's answers to `survey`, over the `days` days up to `ending` (today)."""
    rng = random.Random(seed)
    first = (ending or today()) - timedelta(days=days)
    for _ in range(count):
        # More answers come in when a survey has just opened.
        day = first + timedelta(days=int(days * rng.random() ** 1.5))
        yield Sent(day, answer_rows(survey, _demo_answers(survey, rng, tilt or {})))


def add_demo_responses(session: Session, survey: Survey, count: int, batch: int = 500, **options: Any) -> int:
    """Store `count` demo responses and tag their comments, a batch at a time; return how many.

    `options` go to demo_responses: seed, days, ending, tilt.
    """
    tagger = tagger_and_theme_ids(session)
    stored = 0
    pending: list[Sent] = []
    for sent in demo_responses(survey, count, **options):
        pending.append(sent)
        if len(pending) == batch or stored + len(pending) == count:
            storing.store(session, survey.id, pending, tagger)
            session.flush()
            stored += len(pending)
            pending = []
    return stored
