"""Command-line tasks: `flask --app participation <command>`. Each one calls a service."""

from __future__ import annotations

import sys

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from participation.db import db


def register_commands(app: Flask) -> None:
    """Attach every command to the app."""
    app.cli.add_command(seed_demo)
    app.cli.add_command(export_responses)
    app.cli.add_command(purge_drafts)


@click.command("seed-demo")
@with_appcontext
def seed_demo() -> None:
    """Load the five themes and the open demo survey at /s/demo. Safe to run again."""
    from participation.surveys.demo import DEMO_SURVEY
    from participation.surveys.services import build_survey, survey_by_slug
    from participation.themes.services import ensure_default_themes

    ensure_default_themes(db.session)
    if survey_by_slug(db.session, DEMO_SURVEY["slug"]) is None:
        build_survey(db.session, DEMO_SURVEY)
        click.echo("Added the demo survey at /s/demo.")
    else:
        click.echo("The demo survey is already there.")
    db.session.commit()


@click.command("export-responses")
@with_appcontext
@click.argument("slug")
def export_responses(slug: str) -> None:
    """Write one survey's responses as CSV to standard output."""
    from participation.exchange.services import write_responses_csv
    from participation.surveys.services import survey_by_slug

    survey = survey_by_slug(db.session, slug)
    if survey is None:
        raise click.ClickException(f"There is no survey with the link name {slug!r}.")
    write_responses_csv(db.session, survey, sys.stdout)


@click.command("purge-drafts")
@with_appcontext
def purge_drafts() -> None:
    """Delete unsent answers older than DRAFT_DAYS days."""
    from participation.respond.services import purge_old_drafts

    count = purge_old_drafts(db.session, current_app.config["DRAFT_DAYS"])
    click.echo(f"Deleted {count} unsent sets of answers.")
