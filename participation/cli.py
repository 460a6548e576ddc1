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
    app.cli.add_command(create_user)
    app.cli.add_command(tag_comments)


@click.command("seed-demo")
@click.option("--responses", type=click.IntRange(min=0), default=None,
              help="Add this many demo responses (default: 120 when the demo survey has none).")
@with_appcontext
def seed_demo(responses: int | None) -> None:
    """Load the five themes, the open demo survey at /s/demo and demo answers. Safe to run again."""
    from sqlalchemy import func, select

    from participation.db import today
    from participation.pledges.demo import seed_demo_pledge
    from participation.respond.demo import add_demo_responses
    from participation.respond.models import Response
    from participation.surveys.demo import DEMO_SURVEY
    from participation.surveys.services import build_survey, survey_by_slug
    from participation.themes.services import ensure_default_themes

    ensure_default_themes(db.session)
    survey = survey_by_slug(db.session, DEMO_SURVEY["slug"])
    if survey is None:
        survey = build_survey(db.session, DEMO_SURVEY)
        click.echo("Added the demo survey at /s/demo.")
    else:
        click.echo("The demo survey is already there.")
    db.session.commit()
    if responses is None:
        has_any = db.session.scalar(select(func.count(Response.id)).where(Response.survey_id == survey.id))
        responses = 0 if has_any else 120
    if responses:
        added = add_demo_responses(db.session, survey, responses)
        click.echo(f"Added {added} demo responses, with their comments tagged.")
    if seed_demo_pledge(db.session, today().year, responses=60 if responses else 0):
        click.echo("Added the demo Pledge, last year's review results, and this year's review at /s/pledge-review.")


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


@click.command("create-user")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice(["administrator", "officer", "committee"]))
@click.option("--name", default="", help="The person's name, shown to other staff.")
@click.option("--safeguarding-lead", is_flag=True, help="Mark as a designated safeguarding lead.")
@with_appcontext
def create_user(email: str, role: str, name: str, safeguarding_lead: bool) -> None:
    """Add a staff account; the password is asked for twice and never shown."""
    from participation.auth.services import AccountError
    from participation.auth.services import create_user as add_user

    password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = add_user(db.session, None, email, password, role, name=name, safeguarding_lead=safeguarding_lead)
    except AccountError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from error
    click.echo(f"Added {user.email} as {role}.")


@click.command("tag-comments")
@click.option("--all", "everything", is_flag=True, help="Also re-tag comments officers have confirmed.")
@with_appcontext
def tag_comments(everything: bool) -> None:
    """Tag comments again, after the themes change or the tagger is retrained."""
    from participation.comments.services import retag

    click.echo(f"Tagged {retag(db.session, everything=everything)} comments.")
