"""The security headers every answer carries."""

from __future__ import annotations

#: No inline script or style anywhere; everything comes from our own static files.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
#: Chart pages: plotly.js sets styles as it draws, so they allow inline styles; never inline script.
CHART_PAGE_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
