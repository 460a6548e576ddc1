"""Small helpers for names and labels that several features share."""

from __future__ import annotations


def slug_value(label: str) -> str:
    """Make a stable value from a label: "My PA" becomes "my-pa"."""
    cleaned = "".join(ch.lower() if ch.isalnum() else "-" for ch in label)
    return "-".join(part for part in cleaned.split("-") if part)[:60] or "option"
