"""The seed papers' own tables import with their source, sections, references and every column, and an
export imports back as the same items."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import delete, select

from participation.db import db
from participation.core.spreadsheets import encode_table
from participation.themes.services import ensure_default_themes
from participation.tracker import services
from participation.tracker.importing import Columns, SourceInput, apply_import, guess_columns, plan_import
from participation.tracker.models import TrackerSource, YouSaid
from participation.tracker.rules import natural_key

DATA = Path(__file__).parent.parent / "data"
#: Each seed table (see tests/data/make_seed_tables.py), its columns as an officer maps them, and its source.
SEEDS = {
    "000": ("care_leavers_review_2012.csv", Columns("RECOMMENDATION", "Response", "COMPLETED ON", ref="No"),
            SourceInput("review", "Care Leavers Review 2012", date(2012, 11, 1))),
    "001": ("strategy_action_plan_2015.csv", Columns("Action", "", owner="Who", ref="Ref"),
            SourceInput("action-plan", "Corporate Parenting Strategy 2015-2017", date(2015, 4, 1))),
    "003": ("fostering_task_and_finish.csv", Columns("mmendations", "Proposed", "Response", due="Lead & timescale",
                                                     owner="Lead & timescale", ref="Reco"),
            SourceInput("task-and-finish", "Fostering Task & Finish Group", None)),
    "004": ("merton_care_leaver_strategy_2016.csv", Columns("Action", "Update", "RAG", section="Area"),
            SourceInput("self-assessment", "Merton Care Leaver Strategy update 2016", date(2016, 10, 1))),
}


def _rows(name: str) -> list[list[str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as source:
        return list(csv.reader(source))


def _xlsx(rows: list[list[str]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _snapshot() -> list[tuple]:
    """Everything an item holds that a file carries, in the tracker's order."""
    return [(i.origin.kind if i.origin else "", i.origin.name if i.origin else "",
             i.origin.held_on if i.origin else None, [list(s) for s in i.origin.sections] if i.origin else [],
             i.section, i.reference, i.summary, i.plain_summary, i.raised_on, dict(i.extra), i.theme_keys,
             [(a.what, a.owner, a.due_on, a.second_due_on, a.status, a.status_words, a.we_did, a.wont_do_reason,
               a.rag_override) for a in i.actions])
            for i in services.items(db.session)]


def _import(data: bytes, filename: str, columns: Columns, source: SourceInput | None) -> int:
    header_and_rows = None
    plan = plan_import(db.session, data, filename, columns, header_and_rows, source)
    assert plan.ok, plan.errors
    count = apply_import(db.session, None, plan)
    db.session.flush()
    return count


@pytest.mark.parametrize("seed", sorted(SEEDS))
@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_each_seed_table_imports_with_its_source_and_exports_back_the_same(app, seed, form):
    name, columns, source = SEEDS[seed]
    rows = _rows(name)
    data = (DATA / name).read_bytes() if form == "csv" else _xlsx(rows)
    with app.app_context():
        ensure_default_themes(db.session)
        _import(data, f"tracker.{form}", columns, source)
        first = _snapshot()
        found = services.items(db.session)
        # Every row that is not a heading is an item, with its reference, in reference order within sections.
        assert all(i.origin.kind == source.kind and i.origin.name == source.name for i in found)
        assert all(i.raised_on == source.held_on for i in found) if source.held_on else True
        keys = [(natural_key(i.section), natural_key(i.reference)) for i in found]
        assert keys == sorted(keys)
        assert all(i.kind == source.kind and not i.from_young_people for i in found)
        header, table = services.export_rows(db.session)
        exported = encode_table(form, header, table, "You said, we did")
        db.session.execute(delete(YouSaid))
        db.session.execute(delete(TrackerSource))
        db.session.flush()
        db.session.expunge_all()  # as a fresh database would be: nothing of the first import remembered
        # The export reads back with no column options: its own headers are recognised.
        _import(exported, f"export.{form}", guess_columns(header), None)
        again = _snapshot()
        assert [a for a, b in zip(again, first) if a != b][:1] == [] and again == first
        db.session.rollback()


def _by_ref(app, seed: str) -> dict[str, YouSaid]:
    name, columns, source = SEEDS[seed]
    with app.app_context():
        ensure_default_themes(db.session)
        _import((DATA / name).read_bytes(), name, columns, source)
        found = {i.reference or i.summary[:30]: i for i in services.items(db.session)}
        for item in found.values():
            _ = (item.actions, item.origin)
        return found


def test_the_review_keeps_its_sections_and_the_words_it_wrote(app):
    with app.app_context():
        by_ref = _by_ref(app, "000")
        assert len(by_ref) == 40
        origin = by_ref["13.1.2"].origin
        assert [s[0] for s in origin.sections] == ["13.1", "13.2", "13.3", "13.4", "13.5", "13.6"]
        assert by_ref["13.6.10"].section.startswith("13.6 Education") and list(by_ref)[-1] == "13.6.10"
        words = {a.status_words for i in by_ref.values() for a in i.actions}
        assert "Completed" in words
        assert by_ref["13.1.2"].board_label == "The review recommended"


def test_the_action_plan_keeps_refs_1a_to_5j_with_owners_under_their_outcomes(app):
    with app.app_context():
        by_ref = _by_ref(app, "001")
        assert list(by_ref)[:3] == ["1a", "1b", "2a"] and list(by_ref)[-1] == "5j" and len(by_ref) == 30
        assert by_ref["1a"].actions[0].owner == "All Group Managers"
        assert by_ref["1a"].section == "Outcome 1 – Involve me"
        assert by_ref["5j"].section == "Outcome 5 - Support Me to Move to Adult Life"
        assert by_ref["2a"].board_label == "Our plan says"


def test_the_task_and_finish_responses_keep_risk_factors_and_their_own_status_words(app):
    with app.app_context():
        by_ref = _by_ref(app, "003")
        assert len(by_ref) == 34 and list(by_ref)[:4] == ["3.7", "3.8", "3.9", "3.10"]
        assert by_ref["3.8"].extra == {"Risk Factors": _rows("fostering_task_and_finish.csv")[2][5]}
        at_risk = by_ref["3.10"].actions[0]
        assert at_risk.status == "in-progress" and at_risk.rag(date(2026, 11, 23)) != "green"
        assert at_risk.status_words.startswith("Agreed in Principle However in light of the current financial")
        undated = by_ref["3.20"].actions[0]
        assert undated.status_words == "Agreed in Principle" and undated.rag(date(2026, 11, 23)) == "amber"


def test_an_export_imports_back_on_the_command_line_with_no_column_options(app, runner, tmp_path):
    with app.app_context():
        ensure_default_themes(db.session)
        db.session.commit()
    name = DATA / "fostering_task_and_finish.csv"
    done = runner.invoke(args=["import-tracker", str(name), "--you-said", "mmendations", "--we-did", "Proposed",
                               "--status", "Response", "--ref", "Reco", "--source-kind", "task-and-finish",
                               "--source-name", "Fostering Task & Finish Group", "--source-date", "1 December 2011"])
    assert "Imported 34 items." in done.output, done.output
    with app.app_context():
        written = db.session.scalars(select(YouSaid).where(YouSaid.reference == "3.8")).one()
        written.plain_summary = "You told us every part of the council should think about children in care."
        written.actions[0].status, written.actions[0].we_did = "done", "Every new council policy now says how it affects you."
        db.session.commit()
    exported = tmp_path / "tracker.xlsx"
    assert runner.invoke(args=["export-tracker", "--format", "xlsx", "--output", str(exported)]).exit_code == 0
    with app.app_context():
        first = _snapshot()
        assert first[0][2] == date(2011, 12, 1) and first[0][9] == {"Lead & timescale": _rows(name.name)[1][4]}
        assert first[1][5] == "3.8" and first[1][7].startswith("You told us every part")
        db.session.execute(delete(YouSaid))
        db.session.execute(delete(TrackerSource))
        db.session.commit()
    again = runner.invoke(args=["import-tracker", str(exported)])
    assert "Imported 34 items." in again.output, again.output
    with app.app_context():
        assert _snapshot() == first


def test_the_strategy_updates_with_no_status_and_no_date_are_never_green(app):
    # Seed table 004 gives an update for each action but leaves its RAG column empty, and no dates.
    name, columns, source = SEEDS["004"]
    with app.app_context():
        ensure_default_themes(db.session)
        _import((DATA / name).read_bytes(), name, columns, source)
        found = services.items(db.session)
        assert len(found) == len(_rows("merton_care_leaver_strategy_2016.csv")) - 1
        actions = [a for i in found for a in i.actions]
        assert all(a.status == "not-started" and a.due_on is None and a.rag_override == "" for a in actions)
        assert {a.rag(date(2026, 11, 23)) for a in actions} == {"amber"}
        # The tracker's filter agrees: none of them is listed as green.
        assert services.items(db.session, services.Filters(rag="green")) == []
