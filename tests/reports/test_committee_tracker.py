"""Committee members read the tracker by source and reference: read-only, redacted, and with every item listed,
those with no date and no progress included."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

from participation.db import db
from participation.themes.services import ensure_default_themes
from participation.tracker import services
from participation.tracker.importing import Columns, SourceInput, apply_import, plan_import

DATA = Path(__file__).parent.parent / "data"
STRATEGY = ("merton_care_leaver_strategy_2016.csv", Columns("Action", "Update", "RAG", section="Area"),
            SourceInput("self-assessment", "Merton Care Leaver Strategy update 2016", date(2016, 10, 1)))
PLAN = ("strategy_action_plan_2015.csv", Columns("Action", "", owner="Who", ref="Ref"),
        SourceInput("action-plan", "Corporate Parenting Strategy 2015-2017", date(2015, 4, 1)))


def _tracker(app) -> None:
    with app.app_context():
        ensure_default_themes(db.session)
        for name, columns, source in (STRATEGY, PLAN):
            apply_import(db.session, None, plan_import(db.session, (DATA / name).read_bytes(), name, columns,
                                                       source=source))
        item = services.create_item(db.session, None, services.ItemInput(
            summary="Jordan Smith said ring him on 07700 900123 about the bus passes.", source="cicc",
            meeting_on=date(2026, 10, 5)))
        services.add_action(db.session, None, item, services.ActionInput(what="Ask the transport team",
                                                                         due_on=date(2027, 1, 31)))
        db.session.commit()


def _text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def test_a_committee_member_reads_every_item_by_source_and_reference_redacted(app, login_as):
    _tracker(app)
    committee = login_as("committee")
    assert "by source and reference" in committee.get("/reports/").text
    reply = committee.get("/reports/tracker")
    assert reply.status_code == 200
    page, text = reply.text, _text(reply.text)
    # Each source under its own heading, in the tracker's order: officers' own items, the plan (2015), the update (2016).
    headings = re.findall(r'<h2 class="heading-m" id="source-\d+">([^<]+)</h2>', page)
    assert headings == ["Added by officers", "Corporate Parenting Strategy 2015-2017",
                        "Merton Care Leaver Strategy update 2016"]
    plan_part = page.split('id="source-2"')[1].split('id="source-3"')[0]
    refs = re.findall(r"<tr>\s*<td>(\w+)<br>", plan_part)
    assert refs[:3] == ["1a", "1b", "2a"] and refs[-1] == "5j" and len(refs) == 30
    assert "Outcome 1 – Involve me" in plan_part
    # The update's 31 actions have no date and no status: every one is listed, and says so.
    strategy = page.split('id="source-3"')[1]
    assert strategy.count("<tr>") == 1 + 31
    assert strategy.count("No date.") == 31 and strategy.count("No progress recorded.") == 31
    assert "tag-rag-green" not in strategy
    assert "62 items: 61 with no date and 62 with no progress recorded." in text and "Engage young people in the delivery of the ILS Workshops" in text
    # Redacted: no phone number; and nothing to change.
    assert "07700 900123" not in page and "[phone]" in page
    assert page.count('method="post"') == 1 and "Sign out" in page  # the one form signs out
    assert "/tracker/" not in page


def test_the_committee_cannot_change_the_tracker(app, login_as):
    _tracker(app)
    committee = login_as("committee")
    assert committee.get("/tracker/").status_code == 403
    assert committee.get("/tracker/import").status_code == 403
