"""Flag comments that suggest a young person may be at risk, so a safeguarding lead reads them first.

Patterns are phrases young people use, grouped by reason. A match is set aside when a negation
comes just before it ("nobody hurts me", "I don't feel unsafe") or when it sits inside an
everyday saying ("I killed it in my exams", "I'd die for a pizza"). Missing a real case is worse
than a false alarm, so patterns lean wide; the tests hold both sides.
"""

from __future__ import annotations

import re

_REASONS: dict[str, list[str]] = {
    "suicide": [
        r"kill(?:ing)? ?my ?self", r"end(?:ing)? (?:it all|my life|it)\b(?! (?:with|at|on|in|for|by))",
        r"suicid\w*", r"want(?:ed)? to die", r"wish (?:i was|i were|i'?d been) (?:dead|never born)",
        r"(?:do ?n'?t|do not|dont) want to (?:be here|live|be alive|wake up|exist)",
        r"(?:no|what'?s the) (?:point|reason) (?:in |of )?(?:living|being alive|going on|me being here|life)",
        r"better off (?:dead|without me)", r"take my (?:own )?life", r"not (?:be|being) here any ?more",
    ],
    "self-harm": [
        r"self[- ]?harm\w*", r"cut(?:ting|s)? (?:my ?self|myself|my arms?|my legs?|my wrists?)",
        r"(?:hurt|hurting|harm|harming|burn|burning|punish|punishing) (?:my ?self|myself)", r"overdos\w*",
        r"took (?:loads of|too many|a load of) (?:tablets|pills)", r"(?:started|been|still|keep|kept) cutting",
        r"cutting again",
    ],
    "abuse": [
        r"(?:hits?|hitting|beats?|beating|beat|punch(?:es|ed)?|kicks?|kicked|slap(?:s|ped)?|chok(?:e|es|ed|ing)|"
        r"strangl\w*|push(?:es|ed)|shov(?:e|es|ed)|throws? things at) (?:me|us)\b",
        r"hurts? (?:me|us)(?! (?:when|that|if|because|cos|how))", r"touch(?:es|ed|ing)? me", r"abus(?:e|es|ed|ing|ive)\b",
        r"rap(?:e|ed|ing)\b", r"sexual(?:ly)? (?:abuse|assault\w*|touch\w*)", r"locks? me (?:in|out)",
        r"(?:doesn'?t|dont|don'?t|never) (?:let me|give me) (?:eat|food)", r"starv(?:e|es|ed|ing) me",
        r"makes? me (?:do|watch) (?:things|stuff|sexual)", r"hit me with",
    ],
    "unsafe-at-home": [
        r"(?:do ?n'?t|do not|dont|never|not) feel safe", r"(?:feel|felt|am|i'?m|im|get|getting) (?:so |really |very )?"
        r"(?:unsafe|scared|frightened|afraid|terrified)", r"scared (?:of|at|in|to go|to be)", r"not safe (?:at|in|where|with|here)",
        r"(?:afraid|frightened|terrified) of (?:my|the|him|her|them)",
    ],
    "missing": [
        r"(?:ran|run|running) away", r"(?:went|go|going|gone) missing", r"slept (?:rough|outside|in (?:a|the) park|"
        r"on the streets?|in a car|on a bench)", r"stay(?:ed|ing)? out all night", r"police (?:brought|bring|found) me back",
    ],
    "exploitation": [
        r"(?:carry|carrying|hold|holding|drop|dropping|move|moving) (?:stuff|things|drugs|packages?|bags?|parcels?|food) for (?:them|him|older)",
        r"county lines", r"(?:deal|dealing|sell|selling|run|running) (?:drugs|weed|gear|for them)",
        r"(?:older|old|grown) (?:man|men|boys?|lads?|guys?|people)\b.{0,40}\b(?:money|weed|drugs|gifts|presents|meet|pictures|pics|photos|lifts|phone)",
        r"send (?:him|them|her) (?:pics|pictures|photos|nudes)", r"nudes", r"groom(?:ed|ing)",
        r"(?:owe|owes|owing) (?:them|him) money", r"gives? me (?:money|weed|drugs|gifts|vapes)",
    ],
    "homeless": [
        r"nowhere to (?:sleep|stay|go|live)", r"no where to (?:sleep|stay|go)", r"(?:kicked|thrown|chucked) (?:me )?out",
        r"sleep(?:ing)? rough", r"homeless", r"sofa[- ]?surf\w*", r"(?:sleep|sleeping|slept|staying|stay|stayed) on (?:a |my |the |someone'?s |a mate'?s |mates? |friends? )?sofa", r"evict(?:ed|ion)", r"on the streets?\b",
    ],
    "bullying-threats": [
        r"(?:said|say|says|saying|going to|gonna|will|threaten\w*|told me)\b.{0,30}\b(?:stab|kill|hurt|beat|jump|batter|"
        r"shank|smash|get) (?:me|us)\b", r"threaten(?:s|ed|ing)? (?:me|to)", r"(?:bullied|bullying|bullies).{0,40}"
        r"(?:scared|threat|knife|hurt|hit|beat)", r"(?:knife|weapon) (?:to|at) school",
    ],
}

# Everyday sayings that look like risk words.
_SAYINGS = re.compile(
    r"kill(?:ed|ing)? it\b|killing me (?:lol|haha|lmao)|kill me (?:lol|haha)|(?:would|will|gonna|going to) kill me if|"
    r"die for\b|dying (?:to|for)\b|to die for|life ?saver|murder(?:s|ed)? (?:me|it)|school is murder|"
    r"killing (?:myself|me) laughing|dead (?:funny|good|nice)|scared of (?:spiders|dogs|heights|the dark|clowns)|"
    r"cut my (?:hair|nails|fringe)|run(?:ning)? away with (?:it|the)|missing from (?:class|lessons?|the lesson)|missing (?:out|my|the|you|him|her|them|home|school)\b"
)
_NEGATION_BEFORE = re.compile(
    r"(?:\b(?:not|never|no ?one|nobody|nothing|don'?t|doesn'?t|didn'?t|dont|doesnt|didnt|isn'?t|wasn'?t|aint|ain'?t|"
    r"no longer|stopped|stop|used to|anymore)\W+(?:\w+\W+){0,2})$"
)
_PATTERNS = [(reason, re.compile(r"\b(?:" + "|".join(patterns) + r")")) for reason, patterns in _REASONS.items()]
_ANY = re.compile("|".join(f"(?:{p.pattern})" for _, p in _PATTERNS))


def _negated(text: str, start: int) -> bool:
    return bool(_NEGATION_BEFORE.search(text[max(0, start - 40):start]))


# Words at least one of which every risk phrase contains; most comments have none, and skip the patterns.
_TRIGGERS = frozenset("""
kill killing killed myself suicide suicidal die dead harm harming cut cutting cuts hurt hurts hurting hit hits
hitting beat beats beating punch punches punched kick kicks kicked slap slaps slapped choke chokes choked choking
push pushes pushed shove shoves shoved throws touch touches touched touching abuse abuses abused abusing abusive
rape raped raping sexual sexually lock locks starve starves starved starving safe unsafe scared frightened afraid
terrified ran run running missing slept rough outside police carry carrying hold holding drop dropping moving
county deal dealing sell selling drugs weed older old grown nudes pics groomed grooming owe owes owing gives give
nowhere kicked thrown chucked homeless sofa evicted eviction streets street stab shank smash jump batter threaten
threatens threatened threatening bullied bullying bullies knife weapon overdose overdosed overdosing tablets pills
point living alive exist born wish better life end ending eat food bench car night stuff things here live
wake anymore existing reason move burn burning punish punishing sleep
""".split())
_STEMS = ("suicid", "harm", "kill", "abus", "overdos", "groom", "homeless", "threat", "bull", "nude", "stab",
          "sofa", "evict", "rape", " get me", " get us", "no where")


_STEM = re.compile("|".join(map(re.escape, _STEMS)))


def check(text: str, words: set[str] | frozenset[str] | None = None) -> tuple[str, ...]:
    """Return the reasons a comment may show a risk, most serious first; empty when none.

    `words`, the comment's lower-case tokens, may be passed in when already known.
    """
    lowered = text.lower().replace("\u2019", "'")
    if words is None:
        words = set(re.findall(r"[a-z]+", lowered))
    if words.isdisjoint(_TRIGGERS) and not _STEM.search(lowered):
        return ()
    if not _ANY.search(lowered):
        return ()
    lowered = _SAYINGS.sub(" ", lowered)
    reasons = []
    for reason, pattern in _PATTERNS:
        for match in pattern.finditer(lowered):
            phrase = match.group(0)
            # A risk phrase that carries its own negation ("don't feel safe") is never set aside.
            if re.match(r"(?:do ?n'?t|do not|dont|never|not|no )", phrase) or not _negated(lowered, match.start()):
                reasons.append(reason)
                break
    return tuple(reasons)
