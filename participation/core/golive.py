"""What a council must set before young people use the product for real.

`gaps(config, leads)` is pure: it reads the app's settings and the number of designated safeguarding
leads, and returns one plain sentence per thing still to do. `flask --app participation check` prints
the same list, and the staff home page shows it to administrators.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from urllib.parse import urlsplit

DEFAULT_COUNCIL_NAME = "Your council"
DEFAULT_HELP_NAME = "the Participation Team"


def gaps(config: Mapping, leads: int, environ: Mapping[str, str] = os.environ) -> list[str]:
    """One sentence per setting or role a council still has to put in place before going live."""
    todo: list[str] = []
    if not environ.get("SECRET_KEY"):
        todo.append("Set SECRET_KEY to a long random value: without it each server makes its own under "
                    "instance/, and sign-ins stop working when there is more than one server.")
    if config.get("COUNCIL_NAME", DEFAULT_COUNCIL_NAME) == DEFAULT_COUNCIL_NAME:
        todo.append("Set COUNCIL_NAME: young people and staff see “Your council” on every page.")
    if not (config.get("COUNCIL_HELP_PHONE") or config.get("COUNCIL_HELP_EMAIL")):
        todo.append(f"Set COUNCIL_HELP_PHONE or COUNCIL_HELP_EMAIL: the thank-you page tells young people to talk "
                    f"to {config.get('COUNCIL_HELP_NAME') or DEFAULT_HELP_NAME} but gives no way to reach them.")
    elif config.get("COUNCIL_HELP_NAME", DEFAULT_HELP_NAME) == DEFAULT_HELP_NAME:
        todo.append("Set COUNCIL_HELP_NAME to the team young people can contact (for example "
                    "“the Children in Care Council team”).")
    public = urlsplit(str(config.get("PUBLIC_URL") or ""))
    if public.hostname in (None, "", "localhost", "127.0.0.1", "::1"):
        todo.append("Set PUBLIC_URL to the address young people open (for example https://have-your-say.example.gov.uk): "
                    "share links, QR codes and posters use it.")
    if str(config.get("SQLALCHEMY_DATABASE_URI", "")).startswith("sqlite"):
        todo.append("Set DATABASE_URL to a PostgreSQL database: a SQLite file suits a pilot on one server only.")
    if str(config.get("RATELIMIT_STORAGE_URI", "memory://")).startswith("memory"):
        todo.append("Set RATELIMIT_STORAGE_URI to a Redis server (redis://...): without it each server worker "
                    "counts tries on its own, and a request to be contacted held by a worker that crashes is lost.")
    if not config.get("SESSION_COOKIE_SECURE"):
        todo.append("Serve the site over HTTPS and set PARTICIPATION_ENV=production, so sign-in cookies only "
                    "travel encrypted.")
    if not config.get("MAIL_SERVER"):
        todo.append("Set MAIL_SERVER (with MAIL_PORT, MAIL_USE_TLS, MAIL_USERNAME and MAIL_PASSWORD as your mail "
                    "server needs): until then designated safeguarding leads get no email when a comment is flagged.")
    if not config.get("MAIL_DEFAULT_SENDER"):
        todo.append("Set MAIL_DEFAULT_SENDER to the address safeguarding alerts come from (for example "
                    "participation@council.gov.uk).")
    if leads == 0:
        todo.append("Mark at least one staff account as a designated safeguarding lead: until then nobody can "
                    "deal with a safeguarding flag.")
    return todo
