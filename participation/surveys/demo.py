"""The demo survey at /s/demo: short, written for young people, with every kind of question."""

from __future__ import annotations

DEMO_SURVEY = {
    "slug": "demo",
    "title": "Your life, your say",
    "audience": "everyone",
    "status": "open",
    "intro": (
        "We want to know what life is like for you, so we can make things better. "
        "Your answers help the council keep its promises to children in care and care leavers."
    ),
    "sections": [
        {
            "title": "Where you live",
            "questions": [
                {"kind": "faces", "text": "How do you feel about where you live?", "required": True,
                 "theme": "safe-home"},
                {"kind": "yesno", "text": "Do you feel safe where you live?", "required": True,
                 "theme": "safe-home"},
                {"kind": "single", "text": "Who do you live with now?", "theme": "safe-home",
                 "options": ["Foster carers", "In a children's home", "With my family",
                             "In my own place", "Somewhere else"]},
            ],
        },
        {
            "title": "Being listened to",
            "questions": [
                {"kind": "scale", "text": "How much do adults listen to you when they make plans for you?",
                 "help": "1 means not at all. 5 means all the time.", "required": True,
                 "theme": "involve-me"},
                {"kind": "multiple", "text": "Who can you talk to when something is wrong?",
                 "help": "Choose all that fit.", "theme": "involve-me",
                 "options": ["My carer or key worker", "My social worker", "My PA",
                             "A teacher", "A friend", "Someone in my family", "Nobody"]},
            ],
        },
        {
            "title": "Our promises to you",
            "intro": "We made promises to you. Tell us if we keep them.",
            "questions": [
                {"kind": "promise", "text": "We will listen to you and take your views seriously.",
                 "required": True, "theme": "involve-me"},
                {"kind": "promise", "text": "We will help you do well at school or college.",
                 "theme": "achieve"},
            ],
        },
        {
            "title": "Tell us more",
            "intro": "You can write as much or as little as you like.",
            "questions": [
                {"kind": "text", "text": "What is the best thing about where you live?",
                 "theme": "safe-home"},
                {"kind": "text", "text": "What is one thing we should change?"},
            ],
        },
    ],
}
