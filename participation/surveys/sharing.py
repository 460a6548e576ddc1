"""The share link and its QR code, drawn as SVG by segno with no network access."""

from __future__ import annotations

import io

import segno

from participation.surveys.models import Survey


def public_link(survey: Survey, public_url: str) -> str:
    """The full link young people open, e.g. https://council.example/s/annual-2026, from the configured
    PUBLIC_URL (never a request's Host header, which anyone can set)."""
    return f"{public_url.rstrip('/')}/s/{survey.slug}"


def qr_svg(link: str, scale: int = 5, standalone: bool = False) -> str:
    """A QR code for the link as SVG text: inline for pages, or a standalone file."""
    code = segno.make(link, error="m")
    out = io.BytesIO()
    code.save(out, kind="svg", scale=scale, border=2, xmldecl=standalone, svgns=True,
              title="QR code for the survey link" if standalone else None, svgclass=None, lineclass=None)
    svg = out.getvalue().decode("utf-8")
    if not standalone:
        # Inline, the page's wrapper names the picture; screen readers skip the drawing itself.
        svg = svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
    return svg
