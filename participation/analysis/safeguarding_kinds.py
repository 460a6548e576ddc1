"""The kinds of risk a comment can show, most urgent first, with the words a safeguarding lead reads."""

from __future__ import annotations

#: Kind key -> the words shown to a safeguarding lead. The order is the order of urgency.
KINDS: dict[str, str] = {
    "suicidal-thoughts": "suicidal thoughts",
    "self-harm": "self-harm",
    "sexual-abuse": "sexual abuse",
    "sexual-exploitation": "sexual exploitation",
    "physical-abuse": "physical abuse",
    "domestic-abuse": "domestic abuse",
    "criminal-exploitation": "criminal exploitation",
    "violence-threats": "threats and weapons",
    "homelessness": "homeless or thrown out",
    "going-missing": "going missing",
    "neglect": "neglect",
    "emotional-abuse": "emotional abuse",
    "substance-misuse": "drink or drugs to cope",
    "radicalisation": "radicalisation",
    "feeling-unsafe": "feeling unsafe",
}
URGENCY = {kind: rank for rank, kind in enumerate(KINDS)}

#: Reasons stored by earlier versions of the product, read as today's kinds.
OLD_REASONS: dict[str, str] = {
    "suicide": "suicidal-thoughts", "self-harm": "self-harm", "abuse": "physical-abuse",
    "unsafe-at-home": "feeling-unsafe", "missing": "going-missing", "exploitation": "criminal-exploitation",
    "homeless": "homelessness", "bullying-threats": "violence-threats",
}


def kind_of(reason: str) -> str:
    """Today's kind key for a stored reason (old or new); unknown reasons read as feeling unsafe."""
    if reason in KINDS:
        return reason
    return OLD_REASONS.get(reason, "feeling-unsafe")


def label(reason: str) -> str:
    """The words a lead reads for a stored reason, old or new."""
    return KINDS[kind_of(reason)]


def ordered(reasons) -> tuple[str, ...]:
    """Kind keys for stored reasons, without repeats, most urgent first."""
    return tuple(sorted({kind_of(r) for r in reasons}, key=URGENCY.__getitem__))
