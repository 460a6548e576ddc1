"""Command-line tasks: `flask --app participation <command>`. Each one calls a service."""

from __future__ import annotations

import sys
from pathlib import Path

import functools
from collections.abc import Callable
from typing import Any, cast

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from sqlalchemy import func, inspect, select
from sqlalchemy.engine import make_url

from participation.alerts import safeguarding as safeguarding_alerts
from participation.core.mail import settings_line as mail_settings
from participation.core import golive
from participation.auth.services import count_safeguarding_leads, create_user as add_user
from participation.comments.services import rebuild_tallies as rebuild_comment_tallies
from participation.comments.services import retag
from participation.core.transaction import Refused, run, transaction
from participation.db import db, today
from participation.core.spreadsheets import UnreadableFile, encode_table
from participation.exchange.services import write_responses_csv
from participation.help_requests.services import purge_handled
from participation.pledges.demo import seed_demo_pledge
from participation.reports import results
from participation.reports.paper import seed_demo_paper
from participation.respond.demo import add_demo_responses
from participation.respond.models import Response
from participation.respond.retention import cutoff_for, purge_old_responses
from participation.respond.services import purge_old_drafts
from participation.respond.tallies import rebuild
from participation.scorecard import services as scorecard
from participation.scorecard.demo import seed_demo_scorecard
from participation.surveys import translating
from participation.surveys.demo import DEMO_SURVEY, DEMO_TRANSLATIONS
from participation.surveys.services import build_survey, survey_by_slug
from participation.themes.services import ensure_default_themes
from participation.tracker.demo import seed_demo_tracker
from participation.tracker.importing import MAX_FILE as MAX_TRACKER_FILE
from participation.tracker.importing import (Columns, SourceInput, apply_import, guess_columns, plan_import,
                                             published_words, read_tracker)
from participation.tracker.models import SOURCE_KINDS, SourceKind
from participation.tracker.rules import read_date
from participation.tracker.services import export_rows


def register_commands(app: Flask) -> None:
    """Attach every command to the app."""
    app.cli.add_command(seed_demo)
    app.cli.add_command(export_responses)
    app.cli.add_command(export_results)
    app.cli.add_command(purge_drafts)
    app.cli.add_command(create_user)
    app.cli.add_command(tag_comments)
    app.cli.add_command(import_tracker)
    app.cli.add_command(export_tracker)
    app.cli.add_command(import_scorecard)
    app.cli.add_command(export_scorecard)
    app.cli.add_command(rebuild_tallies)
    app.cli.add_command(purge)
    app.cli.add_command(check)
    app.cli.add_command(send_alerts)


#: What every command that reads or writes the data says when the database it opened has no tables.
def _no_schema_message(url: str) -> str:
    return (f"The database {url} has no tables yet: run `flask --app participation db upgrade` with the same "
            f"DATABASE_URL first (the server and every command use DATABASE_URL, or instance/participation.db "
            f"when it is not set).")


def schema_ready() -> str | None:
    """None when the configured database has the product's tables; otherwise the sentence to show.

    A SQLite file that does not exist is never opened, so checking leaves no empty file behind."""
    url = make_url(current_app.config["SQLALCHEMY_DATABASE_URI"])
    shown = url.render_as_string(hide_password=True)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:") \
            and not url.database.startswith("file:") and not Path(url.database).exists():
        return _no_schema_message(shown)
    try:
        ready = inspect(db.engine).has_table("staff_users")
    except Exception as error:  # the server cannot be reached, or refuses us: say so in one sentence
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return f"Could not open the database {shown}: {first}"
    return None if ready else _no_schema_message(shown)


def needs_schema(command: Callable[..., Any]) -> Callable[..., Any]:
    """Stop a command with one plain sentence, never a traceback, when the database has no tables."""
    @functools.wraps(command)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        problem = schema_ready()
        if problem:
            raise click.ClickException(problem)
        return command(*args, **kwargs)
    return guarded


def read_new_password() -> str:
    """Ask twice at a terminal; read the first line (and, if given, a matching second) when piped in."""
    if sys.stdin is not None and sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    lines = sys.stdin.read().splitlines() if sys.stdin is not None else []
    if not lines or not lines[0]:
        raise click.ClickException("No password was given: type it, or pipe it in on the first line.")
    if len(lines) > 1 and lines[1] and lines[1] != lines[0]:
        raise click.ClickException("The two passwords given do not match.")
    return lines[0]


@click.command("seed-demo")
@click.option("--responses", type=click.IntRange(min=0), default=None,
              help="Add this many demo responses (default: 120 when the demo survey has none).")
@with_appcontext
@needs_schema
def seed_demo(responses: int | None) -> None:
    """Load the five themes, the open demo survey at /s/demo and demo answers. Safe to run again."""
    # One transaction for the whole demo: if any part fails, nothing of it is kept.
    with transaction(db.session):
        ensure_default_themes(db.session)
        survey = survey_by_slug(db.session, str(DEMO_SURVEY["slug"]))
        said = []
        if survey is None:
            survey = build_survey(db.session, DEMO_SURVEY)
            said.append("Added the demo survey at /s/demo.")
        else:
            said.append("The demo survey is already there.")
        if sum(translating.add_from_outline(db.session, None, survey, language, words, DEMO_TRANSLATIONS)
               for language, words in DEMO_TRANSLATIONS.items()):
            said.append("Added the demo survey's Welsh and Arabic words.")
        if responses is None:
            has_any = db.session.scalar(select(func.count(Response.id)).where(Response.survey_id == survey.id))
            responses = 0 if has_any else 120
        if responses:
            added = add_demo_responses(db.session, survey, responses)
            said.append(f"Added {added} demo responses, with their comments tagged.")
        if seed_demo_pledge(db.session, today().year, responses=60 if responses else 0):
            said.append("Added the demo Pledge, last year's review results, and this year's review at "
                        "/s/pledge-review.")
        if seed_demo_tracker(db.session):
            said.append("Added the demo tracker; some items are on the board at /you-said-we-did.")
        if seed_demo_scorecard(db.session, survey):
            said.append("Added the demo scorecard at /scorecard; the committee sees it first at /reports.")
        if seed_demo_paper(db.session):
            said.append("Added a paper for the next committee meeting at /reports/papers.")
    for line in said:
        click.echo(line)


@click.command("export-responses")
@with_appcontext
@needs_schema
@click.argument("slug")
def export_responses(slug: str) -> None:
    """Write one survey's responses as CSV to standard output."""
    survey = survey_by_slug(db.session, slug)
    if survey is None:
        raise click.ClickException(f"There is no survey with the link name {slug!r}.")
    write_responses_csv(db.session, survey, sys.stdout)


@click.command("export-results")
@with_appcontext
@needs_schema
@click.argument("slug")
@click.option("--format", "kind", type=click.Choice(["csv", "xlsx"]), default="csv", show_default=True,
              help="CSV text, or an Excel workbook (write it to a file: > results.xlsx).")
def export_results(slug: str, kind: str) -> None:
    """Write one survey's results table (question, answer, count, percent) to standard output, every count exact."""
    survey = survey_by_slug(db.session, slug)
    if survey is None:
        raise click.ClickException(f"There is no survey with the link name {slug!r}.")
    res = results.results(db.session, survey, exact=True)
    data = encode_table(kind, results.RESULTS_HEADER, results.results_table(res), "Results")
    if kind == "csv":
        sys.stdout.write(data.decode("utf-8-sig"))
    else:
        sys.stdout.buffer.write(data)


@click.command("purge-drafts")
@with_appcontext
@needs_schema
def purge_drafts() -> None:
    """Delete unsent answers older than DRAFT_DAYS days."""
    count = run(db.session, lambda: purge_old_drafts(db.session, current_app.config["DRAFT_DAYS"]))
    click.echo(f"Deleted {count} unsent sets of answers.")


@click.command("create-user")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice(["administrator", "officer", "committee"]))
@click.option("--name", default="", help="The person's name, shown to other staff.")
@click.option("--safeguarding-lead", is_flag=True, help="Mark as a designated safeguarding lead.")
@with_appcontext
@needs_schema
def create_user(email: str, role: str, name: str, safeguarding_lead: bool) -> None:
    """Add a staff account; the password is asked for twice and never shown."""
    password = read_new_password()
    try:
        user = run(db.session, lambda: add_user(db.session, None, email, password, role, name=name,
                                                safeguarding_lead=safeguarding_lead))
    except Refused as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Added {user.email} as {role}.")


@click.command("tag-comments")
@click.option("--all", "everything", is_flag=True, help="Also re-tag comments officers have confirmed.")
@with_appcontext
@needs_schema
def tag_comments(everything: bool) -> None:
    """Tag comments again, after the themes change or the tagger is retrained."""
    click.echo(f"Tagged {run(db.session, lambda: retag(db.session, everything=everything))} comments.")


@click.command("import-tracker")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--you-said", default="", help="Header of the column with what young people said (or the "
              "recommendation or action); guessed from the file's headers without it.")
@click.option("--we-did", default="", help="Header of the column with the response or what was done.")
@click.option("--status", default="", help="Header of the status column.")
@click.option("--due", default="", help="Header of the due date column.")
@click.option("--owner", default="", help="Header of the owner column.")
@click.option("--theme", default="", help="Header of the theme column.")
@click.option("--ref", default="", help="Header of the reference column.")
@click.option("--source-kind", type=click.Choice(sorted(kind.value for kind in SourceKind)), default=None,
              help="What the tracker comes from: a review, an action plan, a meeting...")
@click.option("--source-name", default="", help="The paper's or meeting's name, such as \"Care Leavers Review 2012\".")
@click.option("--source-date", default="", help="Its date; the items are raised on it.")
@click.option("--publish", is_flag=True, help="Publish the items on the public board.")
@click.option("--dry-run", is_flag=True, help="Only show what would be created, and the errors per row.")
@with_appcontext
@needs_schema
def import_tracker(file: str, you_said: str, we_did: str, status: str, due: str, owner: str, theme: str, ref: str,
                   source_kind: str | None, source_name: str, source_date: str, publish: bool, dry_run: bool) -> None:
    """Import a council's existing tracker from CSV or Excel: everything or nothing.

    A file written by export-tracker needs no column options: its own headers are recognised."""
    path = Path(file)
    with path.open("rb") as source_file:
        data = source_file.read(MAX_TRACKER_FILE + 1)  # a bigger file is refused unread
    try:
        table = read_tracker(data, path.name)  # read once, and planned from what was read
    except UnreadableFile as error:
        raise click.ClickException(str(error)) from None
    columns = Columns(you_said, we_did, status, due, owner, theme, ref)
    if not you_said:
        columns = guess_columns(table[0])
        if not columns.you_said:
            raise click.ClickException("Say which column holds what young people said, with --you-said.")
    source = (SourceInput(source_kind, source_name or SOURCE_KINDS[source_kind], read_date(source_date))
              if source_kind else None)
    plan = plan_import(db.session, data, path.name, columns, table, source=source)
    for planned in plan.items:
        due_text = planned.action.due_on.isoformat() if planned.action.due_on else "-"
        click.echo(f"row {planned.row}: {planned.status_label}; due {due_text}; themes "
                   f"{', '.join(planned.item.theme_keys) or '-'}: {planned.item.summary[:70]}")
    for note in plan.skipped:
        click.echo(note)
    for problem in plan.errors:
        click.echo(f"error: {problem}", err=True)
    if not plan.ok:
        raise click.ClickException("Nothing was imported. Fix the rows above and try again.")
    if dry_run:
        click.echo(f"Dry run: {len(plan.items)} items would be created. Nothing was imported.")
        return
    count = run(db.session, lambda: apply_import(db.session, None, plan, publish=publish))
    click.echo(published_words(plan, count) if publish else f"Imported {count} items.")


@click.command("export-tracker")
@click.option("--format", "kind", type=click.Choice(["csv", "xlsx"]), default="csv")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="File to write; standard output without it.")
@with_appcontext
@needs_schema
def export_tracker(kind: str, output: str | None) -> None:
    """Write the tracker as CSV or Excel; no cell is ever run as a formula."""
    header, rows = export_rows(db.session)
    _write_out(encode_table(kind, header, rows, "You said, we did"), kind, output)


@click.command("import-scorecard")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Only show how every measure was read; store nothing.")
@with_appcontext
@needs_schema
def import_scorecard(file: str, dry_run: bool) -> None:
    """Import the committee's scorecard from CSV or Excel, replacing the one held: everything or nothing."""
    path = Path(file)
    try:
        with path.open("rb") as source_file:
            table = scorecard.read_file(source_file.read(scorecard.MAX_FILE + 1), path.name)  # a bigger file unread
        shown = scorecard.preview(db.session, table)
    except (UnreadableFile, Refused) as error:
        raise click.ClickException(str(error)) from None
    if shown.found:
        click.echo(f"The scorecard's table is on lines {shown.found[0]} to {shown.found[1]} of the file; "
                   "the rest of the file is not part of it.")
    for row, cells, checks in shown.rows:
        values = "; ".join(f"{c.heading} {c.written}" for c in cells[3:] if c.written)
        click.echo(f"line {row.line}: {row.reference} ({row.group}) {row.polarity.label}; target "
                   f"{row.target or '-'}; {values or 'no values'}")
        for check in checks:
            click.echo(f"  check: {check}")
    if dry_run:
        click.echo(f"Dry run: {len(shown.rows)} measures would be imported; nothing was stored.")
        return
    count = run(db.session, lambda: scorecard.import_sheet(db.session, None, table))
    click.echo(f"Imported {count} measures.")


@click.command("export-scorecard")
@click.option("--format", "kind", type=click.Choice(["csv", "xlsx"]), default="csv")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="File to write; standard output without it.")
@with_appcontext
@needs_schema
def export_scorecard(kind: str, output: str | None) -> None:
    """Write the committee's scorecard as CSV or Excel, in the shape it is imported."""
    header, rows = scorecard.export_table(db.session)
    _write_out(encode_table(kind, header, rows, "Scorecard"), kind, output)


def _write_out(data: bytes, kind: str, output: str | None) -> None:
    if output:
        with open(output, "wb") as out:
            out.write(data)
    elif kind == "csv":
        sys.stdout.write(data.decode("utf-8-sig"))
    else:
        sys.stdout.buffer.write(data)


@click.command("rebuild-tallies")
@with_appcontext
@needs_schema
def rebuild_tallies() -> None:
    """Recount the running totals that reports read, from the stored answers and comments."""
    with transaction(db.session):
        rebuild(db.session)
        rebuild_comment_tallies(db.session)
    click.echo("Recounted the running totals.")


@click.command("purge")
@click.option("--older-than", "age", required=True, help="For example 3y (years), 18m (months) or 90d (days).")
@click.option("--dry-run", is_flag=True, help="Only show what would be deleted.")
@with_appcontext
@needs_schema
def purge(age: str, dry_run: bool) -> None:
    """Delete responses of closed surveys older than the limit, with their comments and tags, and requests
    to be contacted dealt with before the limit."""
    try:
        cutoff = cutoff_for(age, today())
    except Refused as error:
        raise click.ClickException(str(error)) from error
    with transaction(db.session):
        report = purge_old_responses(db.session, None, cutoff, dry_run=dry_run)
        handled = purge_handled(db.session, None, cutoff, dry_run=dry_run)
    for title, count in report.surveys:
        click.echo(f"{title}: {count} responses")
    verb = "Would delete" if dry_run else "Deleted"
    click.echo(f"{verb} {report.responses} responses sent before {cutoff.isoformat()}, with {report.answers} answers "
               f"and {report.comments} comments. Figures already reported stay as they are.")
    click.echo(f"{verb} {handled} requests to be contacted that were dealt with before {cutoff.isoformat()}.")


@click.command("check")
@with_appcontext
def check() -> None:
    """List what the council must still set before young people use the product for real."""
    problem = schema_ready()
    leads = 0 if problem else count_safeguarding_leads(db.session)
    todo = golive.gaps(current_app.config, leads)
    if problem:
        todo.insert(0, problem)
    click.echo(mail_settings(current_app.config))
    if not todo:
        click.echo("Ready to go live: every setting on the list is in place.")
        return
    click.echo("Before going live:")
    for line in todo:
        click.echo(f"- {line}")
    sys.exit(1)


@click.command("send-alerts")
@with_appcontext
@needs_schema
def send_alerts() -> None:
    """Email the designated safeguarding leads once about every new safeguarding flag (for a scheduled job)."""
    try:
        told = safeguarding_alerts.sweep(cast(Any, current_app)._get_current_object())
    except Exception as error:
        raise click.ClickException(f"Could not send the email: {error}. The flags stay waiting for the next try.") \
            from error
    click.echo(f"Told the safeguarding leads about {told} new flag{'s' if told != 1 else ''}." if told
               else "No new safeguarding flags to tell anyone about.")
