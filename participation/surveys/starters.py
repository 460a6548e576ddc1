"""Starter templates an officer can build a consultation from, each written for its audience.

Questions follow the five outcomes of the Corporate Parenting Strategy. The younger bands get
shorter words and the faces scale; the youngest (4 to 7) answer with a grown-up reading it out to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Starter:
    key: str
    name: str
    description: str
    spec: dict[str, Any]


#: For children aged 4 to 7, answered with a grown-up: five short questions, faces or yes and no, each one
#: thing a child can picture, then one box they may leave empty. Every question page has its Listen button.
_YOUNG_4_7 = {
    "audience": "cared-for-4-7", "age_band": "4-7",
    "intro": ("For the grown-up helping: read each question out loud, or press Listen. Let the child point to "
              "an answer. Do not tell them which one to pick or put words in their mouth. "
              "They can skip any question."),
    "sections": [
        {"title": "Your home", "questions": [
            {"kind": "faces", "text": "How do you feel at home?", "theme": "safe-home"},
            {"kind": "yesno", "text": "Do you like where you live?", "theme": "safe-home"},
            {"kind": "yesno", "text": "Is there a grown-up you can talk to?", "theme": "involve-me"},
        ]},
        {"title": "Play and school", "questions": [
            {"kind": "faces", "text": "How do you feel at school?", "theme": "achieve"},
            {"kind": "yesno", "text": "Do you get to play with your friends?", "theme": "healthy"},
            {"kind": "text", "text": "Is there anything you want to tell us?",
             "help": "You can leave this empty."},
        ]},
    ],
}

_ANNUAL_8_11 = {
    "audience": "cared-for-8-11", "age_band": "8-11",
    "intro": "We want to know how things are for you. There are no right or wrong answers.",
    "sections": [
        {"title": "Your home", "questions": [
            {"kind": "faces", "text": "How do you feel at home?", "required": True, "theme": "safe-home"},
            {"kind": "yesno", "text": "Do you feel safe where you live?", "required": True, "theme": "safe-home"},
            {"kind": "yesno", "text": "Do you see your family as much as you want to?", "theme": "safe-home"},
        ]},
        {"title": "Being listened to", "questions": [
            {"kind": "faces", "text": "How do you feel about how grown-ups listen to you?", "required": True,
             "theme": "involve-me"},
            {"kind": "yesno", "text": "Do you know who your social worker is?", "theme": "involve-me"},
        ]},
        {"title": "School and fun", "questions": [
            {"kind": "faces", "text": "How do you feel about school?", "theme": "achieve"},
            {"kind": "multiple", "text": "What do you like doing in your free time?", "theme": "healthy",
             "options": ["Sport", "Music", "Drawing or making things", "Games", "Being outside", "Something else"]},
        ]},
        {"title": "Anything else", "questions": [
            {"kind": "text", "text": "What would make things better for you?"},
        ]},
    ],
}

_ANNUAL_11_18 = {
    "audience": "cared-for-11-18", "age_band": "11-18",
    "intro": "This is your chance to tell us what it is like being in care, and what we should change.",
    "sections": [
        {"title": "Where you live", "questions": [
            {"kind": "scale", "text": "How settled do you feel where you live?",
             "help": "1 means not at all. 5 means very settled.", "required": True, "theme": "safe-home"},
            {"kind": "yesno", "text": "Do you feel safe where you live?", "required": True, "theme": "safe-home"},
            {"kind": "single", "text": "How many times have you moved home in the last year?", "theme": "safe-home",
             "options": ["None", "Once", "Twice", "Three times or more"]},
        ]},
        {"title": "Having a say", "questions": [
            {"kind": "scale", "text": "How much are you listened to when decisions are made about you?",
             "help": "1 means not at all. 5 means all the time.", "required": True, "theme": "involve-me"},
            {"kind": "yesno", "text": "Do you know about the Children in Care Council?", "theme": "involve-me"},
        ]},
        {"title": "Health, school and the future", "questions": [
            {"kind": "scale", "text": "How happy are you with the help you get with school or college?",
             "help": "1 means not at all. 5 means very happy.", "theme": "achieve"},
            {"kind": "yesno", "text": "Do you know how to get help if you feel low or worried?", "theme": "healthy"},
        ]},
        {"title": "Tell us more", "questions": [
            {"kind": "text", "text": "What is the best thing about being cared for here?"},
            {"kind": "text", "text": "What is one thing we should change?"},
        ]},
    ],
}

_CARE_LEAVERS = {
    "audience": "care-leavers", "age_band": "16-25",
    "intro": "Tell us how leaving care is going, and what support would make the biggest difference.",
    "sections": [
        {"title": "Your Personal Adviser", "questions": [
            {"kind": "scale", "text": "How helpful is your Personal Adviser (PA)?",
             "help": "1 means not helpful. 5 means very helpful.", "required": True, "theme": "adult-life"},
            {"kind": "yesno", "text": "Do you have a Pathway Plan you helped to write?", "theme": "involve-me"},
        ]},
        {"title": "Home and money", "questions": [
            {"kind": "yesno", "text": "Do you feel safe where you live?", "required": True, "theme": "safe-home"},
            {"kind": "single", "text": "How are you managing with money?", "theme": "adult-life",
             "options": ["Fine", "Just about", "Struggling", "I'd rather not say"]},
        ]},
        {"title": "Work, study and health", "questions": [
            {"kind": "single", "text": "What are you doing now?", "theme": "achieve",
             "options": ["College or university", "Apprenticeship or training", "Working", "Looking for work",
                         "Something else"]},
            {"kind": "yesno", "text": "Do you know how to get help with your mental health?", "theme": "healthy"},
        ]},
        {"title": "Our Care Leavers Charter", "questions": [
            {"kind": "promise", "text": "We will help you find a safe, suitable place to live.", "theme": "adult-life"},
            {"kind": "text", "text": "What should we do better for care leavers?"},
        ]},
    ],
}

_CICC_TOPIC = {
    "audience": "cicc",
    "intro": "The Children in Care Council is looking at one topic. Tell us what you think.",
    "sections": [
        {"title": "The topic", "questions": [
            {"kind": "scale", "text": "How much does this topic matter to you?",
             "help": "1 means not much. 5 means a lot.", "required": True, "theme": "involve-me"},
            {"kind": "text", "text": "What works well now?"},
            {"kind": "text", "text": "What should change, and who should change it?"},
        ]},
    ],
}

STARTERS: dict[str, Starter] = {s.key: s for s in (
    Starter("young-4-7", "Survey for children aged 4 to 7, answered with a grown-up",
            "Five faces or yes and no questions to read out loud, and one box to tell us more.", _YOUNG_4_7),
    Starter("annual-8-11", "Annual survey, cared for children aged 8 to 11",
            "Short words and the faces scale.", _ANNUAL_8_11),
    Starter("annual-11-18", "Annual survey, cared for children aged 11 to 18",
            "Home, having a say, school, health and the future.", _ANNUAL_11_18),
    Starter("care-leavers", "Care leaver survey",
            "Personal Advisers, home, money, work and the Charter.", _CARE_LEAVERS),
    Starter("cicc-topic", "Children in Care Council consultation on one topic",
            "A short consultation the CiCC can run on any topic.", _CICC_TOPIC),
)}
