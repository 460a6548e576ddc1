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
    rf"\b(?:(?:my|our|the) (?:new |old )?(?:{_ROLES})(?:'s name)? (?:is|was|called|named)|called|named|"
    rf"name is|name's|names)\s+([A-Za-z][a-z'\-]+)(?:\s+([A-Z][a-z'\-]+))?", re.IGNORECASE)
# Words that follow a cue but are not names ("my social worker is nice").
_NOT_NAMES = frozenset("""
a an the is was nice kind good great ok okay fine bad rubbish lovely amazing helpful useless new old always never
not really very so too quite alright nasty horrible brilliant sound strict busy off away leaving changing me you
him her them it this that my your our his their and but or because cos always sometimes late never there here
""".split())
_QUICK = re.compile(r"[@\d]|called|named|name|\bis\b|\bwas\b", re.IGNORECASE)


def _name(match: re.Match) -> str:
    first, second = match.group(1), match.group(2)
    if first.lower() in _NOT_NAMES:
        return match.group(0)
    start = match.start(1) - match.start(0)
    return match.group(0)[:start] + "[name]"


def redact(text: str) -> str:
    """The text with personal details replaced by [email], [phone], [postcode], [address] and [name]."""
    if not _QUICK.search(text):
        return text
    text = _EMAIL.sub("[email]", text)
    text = _ADDRESS.sub("[address]", text)
    text = _POSTCODE.sub("[postcode]", text)
    text = _PHONE.sub("[phone]", text)
    return _NAME_CUE.sub(_name, text)
