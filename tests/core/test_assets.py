"""Every page loads only the app's own files: nothing from another host, ever."""

from __future__ import annotations

import re

from participation import ROOT
from tests.auth.helpers import every_rule, url_values
from tests.helpers import PASSWORD, csrf_token

#: An address on another host. XML namespace names (www.w3.org) identify SVG parts; browsers never fetch them.
OTHER_HOST = re.compile(r"(?:https?:)?//(?!www\.w3\.org/)[a-z0-9-]+(?:\.[a-z0-9-]+)+", re.I)
#: Where a page says what to load.
LOADS = re.compile(r"""<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)|"""
                   r"""<link\b[^>]*\bhref\s*=\s*["']?([^"'\s>]+)|url\(\s*["']?([^"')]+)|@import\s+["']([^"']+)""", re.I)


def test_no_static_file_or_template_names_another_host():
    found = []
    for folder in ("static", "templates"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in (".js", ".css", ".html", ".svg"):
                for match in OTHER_HOST.finditer(path.read_text(errors="replace")):
                    found.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
    assert found == []


def test_every_page_loads_only_files_from_this_app(app, runner):
    assert runner.invoke(args=["seed-demo", "--responses", "5"]).exit_code == 0
    from participation.auth.services import create_user
    from participation.core.transaction import transaction
    from participation.db import db
    with app.app_context(), transaction(db.session):
        create_user(db.session, None, "admin@council.example", PASSWORD, "administrator")
    staff, stranger = app.test_client(), app.test_client()
    staff.post("/login", data={"csrf_token": csrf_token(staff.get("/login").text), "email": "admin@council.example",
                               "password": PASSWORD})
    checked = 0
    for client in (stranger, staff):
        for rule, method in every_rule(app):
            if method != "GET" or rule.endpoint in ("auth.logout",):
                continue
            reply = client.get(rule.build(url_values(app, rule), append_unknown=False)[1])
            if reply.status_code != 200 or reply.mimetype not in ("text/html", "text/css", "image/svg+xml"):
                continue
            for match in LOADS.finditer(reply.get_data(as_text=True)):
                target = next(g for g in match.groups() if g)
                assert target.startswith(("/", "data:", "#")) and not target.startswith("//"), \
                    f"{rule.rule} loads {target}"
            checked += 1
    assert checked >= 30
