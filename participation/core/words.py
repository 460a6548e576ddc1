"""Small helpers for text, names and labels that several features share."""

from __future__ import annotations

import re
import unicodedata
from typing import Any


def slug_value(label: str) -> str:
    """Make a stable value from a label: "My PA" becomes "my-pa"."""
    cleaned = "".join(ch.lower() if ch.isalnum() else "-" for ch in label)
    return "-".join(part for part in cleaned.split("-") if part)[:60] or "option"


# Control characters are never part of a real answer; newlines and tabs are.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def clean_text(value: Any) -> str:
    """Normalise free text: unify newlines, drop control characters, trim the ends."""
    if not isinstance(value, str):
        return ""
    value = unicodedata.normalize("NFC", value.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub("", value).strip()
