"""The share link and its QR code, drawn by segno with no network access: SVG for pages and print,
PNG for Word, Publisher and anything else that cannot place an SVG."""

from __future__ import annotations

import io
import unicodedata
from urllib.parse import quote, unquote

import segno

from participation.surveys.models import Survey


def public_link(survey: Survey, public_url: str) -> str:
    """The full link young people open, e.g. https://council.example/s/annual-2026, from the configured
    PUBLIC_URL (never a request's Host header, which anyone can set). A link name with letters such as
    "ŵ" is percent-encoded, so the link works in every phone's camera, text message and email."""
    return f"{public_url.rstrip('/')}/s/{quote(survey.slug, safe='')}"


def readable_link(link: str) -> str:
    """The link as people read and type it, with any "ŵ" shown as itself rather than %C5%B5."""
    return unquote(link)


def _code(link: str) -> segno.QRCode:
    return segno.make(link, error="m")


def qr_svg(link: str, scale: int = 5, standalone: bool = False) -> str:
    """A QR code for the link as SVG text: inline for pages, or a standalone file."""
    out = io.BytesIO()
    _code(link).save(out, kind="svg", scale=scale, border=2, xmldecl=standalone, svgns=True,
                     title="QR code for the survey link" if standalone else None, svgclass=None, lineclass=None)
    svg = out.getvalue().decode("utf-8")
    if not standalone:
        # Inline, the page's wrapper names the picture; screen readers skip the drawing itself.
        svg = svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
    return svg


def qr_png(link: str, scale: int = 10) -> bytes:
    """A QR code for the link as a PNG picture (segno writes PNG itself, without Pillow)."""
    out = io.BytesIO()
    _code(link).save(out, kind="png", scale=scale, border=2)
    return out.getvalue()


def download_as(name: str) -> str:
    """A Content-Disposition header for saving a file: an ASCII name every browser accepts, and the
    name itself (which may have letters such as "ŵ") for those that read it."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii") or "survey"
    plain = "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in plain)
    return f"attachment; filename=\"{plain}\"; filename*=UTF-8''{quote(name, safe='')}"
