"""Replace personal details in a comment before committee members read it.

Emails, UK phone numbers (mobile and landline, with or without +44 and spaces), postcodes,
house-number-and-street addresses, and names after cues like "my social worker is" or "called".
"""

from __future__ import annotations

import re

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0)(?:\d[\s\-)]{0,2}){8,10}\d(?!\d)")
_POSTCODE = re.compile(r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b", re.IGNORECASE)
_STREET_TYPES = (r"road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|court|ct|crescent|cres|place|pl|"
                 r"terrace|gardens|grove|hill|walk|square|row|mews|park|view|rise|green|parade|vale")
_ADDRESS = re.compile(rf"\b\d{{1,4}}[a-z]?,?\s+(?:[a-z'\-]+\s+){{1,3}}(?:{_STREET_TYPES})\b", re.IGNORECASE)
_ROLES = (r"social worker|sw|pa|personal adviser|personal advisor|foster (?:mum|mom|dad|carer|parent)s?|carers?|"
          r"key ?worker|teacher|iro|reviewing officer|mum|mom|dad|brother|sister|nan|gran|friend|boyfriend|girlfriend|"
          r"support worker|advocate|therapist|counsellor|manager")
_NAME_CUE = re.compile(
    rf"\b(?:(?:my|our|the) (?:new |old )?(?:{_ROLES})(?:'s name)? (?:(?:is|was)(?: called| named)?|called|named)|called|named|"
    rf"name is|name's|names)\s+([A-Za-z][a-z'\-]+)(?-i:\s+([A-Z][a-z'\-]+))?", re.IGNORECASE)
# Words that follow a cue but are not names ("my social worker is nice").
_NOT_NAMES = frozenset("""
a an the is was nice kind good great ok okay fine bad rubbish lovely amazing helpful useless new old always never
not really very so too quite alright nasty horrible brilliant sound strict busy off away leaving changing me you
him her them it this that my your our his their and but or because cos always sometimes late never there here
called named
""".split())
_DETAILS = re.compile(r"[@\d]")


def _name(match: re.Match) -> str:
    first = match.group(1)
    if first.lower() in _NOT_NAMES:
        return match.group(0)
    start = match.start(1) - match.start(0)
    return match.group(0)[:start] + "[name]"


# Words that can start a name cue; a comment with none of them cannot name anyone that way.
_CUE_WORDS = frozenset("""
called named name name's names is was social worker sw social-worker pa adviser advisor foster carer carers
keyworker key teacher iro independent-reviewing-officer officer mum mom dad brother sister nan gran friend
boyfriend girlfriend support advocate therapist counsellor manager
""".split())
_NAME_STARTERS = frozenset({"called", "named", "name", "name's", "names", "is", "was"})


def redact(text: str, words: set[str] | frozenset[str] | None = None) -> str:
    """The text with personal details replaced by [email], [phone], [postcode], [address] and [name].

    `words`, the comment's lower-case tokens, may be passed in when already known.
    """
    if _DETAILS.search(text):  # emails, phones, postcodes and addresses all hold a digit or an @
        text = _EMAIL.sub("[email]", text)
        text = _ADDRESS.sub("[address]", text)
        text = _POSTCODE.sub("[postcode]", text)
        text = _PHONE.sub("[phone]", text)
    if words is None:
        words = set(re.findall(r"[a-z']+", text.lower()))
    if words.isdisjoint(_NAME_STARTERS) or len(words & _CUE_WORDS) < 2 and not words & {"called", "named"}:
        return text
    return _NAME_CUE.sub(_name, text)
