"""The command-line tasks an administrator runs."""

from __future__ import annotations

from sqlalchemy import func, select

from participation.db import db
from participation.respond.models import Response
from participation.surveys.models import Question, Survey
from participation.surveys.question_types import QUESTION_TYPES
from participation.themes.models import Theme


def test_seed_demo_can_run_twice_without_duplicates(app, runner):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0 and "already there" in second.output
    with app.app_context():
        slugs = set(db.session.scalars(select(Survey.slug)))
        assert slugs == {"demo", "pledge-review", "pledge-review-2025"}
        # Demo answers are added once, not again on the second run.
        per_survey = dict(db.session.execute(select(Survey.slug, func.count(Response.id)).join(Response)
                                             .group_by(Survey.slug)).all())
        assert per_survey == {"demo": 120, "pledge-review": 60, "pledge-review-2025": 80}
        keys = list(db.session.scalars(select(Theme.key).order_by(Theme.position)))
        assert keys == ["involve-me", "safe-home", "healthy", "achieve", "adult-life"]
        names = set(db.session.scalars(select(Theme.name)))
        assert "Provide me with a good, safe home" in names and "Support me to move to adult life" in names


def test_demo_survey_is_open_and_has_every_kind_of_question(app, runner, client):
    runner.invoke(args=["seed-demo", "--responses", "0"])
    with app.app_context():
        kinds = list(db.session.scalars(select(Question.kind)))
    assert set(kinds) == set(QUESTION_TYPES)
    assert kinds.count("text") >= 2
    assert client.get("/s/demo").status_code == 200


def _flask(tmp_path, *args, stdin="", env_extra=None):
    """Run the real `flask --app participation` command as an administrator would, in its own process."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SECRET_KEY", "COUNCIL_HELP_PHONE",
                                                             "COUNCIL_HELP_EMAIL", "COUNCIL_NAME", "PUBLIC_URL",
                                                             "PARTICIPATION_ENV")
           and not k.startswith("MAIL_")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "flask", "--app", "participation", *args], input=stdin,
                          capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)


def test_create_user_against_a_database_without_tables_says_so_in_one_sentence(tmp_path):
    target = tmp_path / "never-made.db"
    done = _flask(tmp_path, "create-user", "lead@example.gov.uk", "--role", "officer",
                  stdin="Correct-horse-battery-77\n", env_extra={"DATABASE_URL": f"sqlite:///{target}"})
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "sqlalchemy" not in done.stderr.lower()
    message = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(message) == 1
    assert str(target) in message[0] and "db upgrade" in message[0]
    assert not target.exists(), "the check must not leave an empty database file behind"


def test_piped_password_creates_the_account_without_an_echo_warning(tmp_path):
    url = f"sqlite:///{tmp_path / 'council.db'}"
    assert _flask(tmp_path, "db", "upgrade", env_extra={"DATABASE_URL": url}).returncode == 0
    done = _flask(tmp_path, "create-user", "lead@example.gov.uk", "--role", "officer", "--safeguarding-lead",
                  stdin="Correct-horse-battery-77\n", env_extra={"DATABASE_URL": url})
    assert done.returncode == 0, done.stderr
    assert "echoed" not in (done.stdout + done.stderr).lower()
    assert "Added lead@example.gov.uk as officer." in done.stdout
    mismatch = _flask(tmp_path, "create-user", "two@example.gov.uk", "--role", "officer",
                      stdin="Correct-horse-battery-77\nsomething-else-entirely\n", env_extra={"DATABASE_URL": url})
    assert mismatch.returncode != 0 and "do not match" in mismatch.stderr


def test_go_live_check_lists_what_is_missing_and_clears_when_set(tmp_path):
    url = f"sqlite:///{tmp_path / 'council.db'}"
    assert _flask(tmp_path, "db", "upgrade", env_extra={"DATABASE_URL": url}).returncode == 0
    before = _flask(tmp_path, "check", env_extra={"DATABASE_URL": url})
    assert before.returncode == 1
    for needed in ("SECRET_KEY", "COUNCIL_HELP_PHONE", "COUNCIL_NAME", "PUBLIC_URL", "safeguarding lead",
                   "MAIL_SERVER", "MAIL_DEFAULT_SENDER", "Mail: not set up"):
        assert needed in before.stdout
    assert _flask(tmp_path, "create-user", "lead@example.gov.uk", "--role", "officer", "--safeguarding-lead",
                  stdin="Correct-horse-battery-77\n", env_extra={"DATABASE_URL": url}).returncode == 0
    after = _flask(tmp_path, "check", env_extra={"DATABASE_URL": url, "SECRET_KEY": "x" * 64,
                                                 "COUNCIL_NAME": "Example Council",
                                                 "COUNCIL_HELP_PHONE": "01234 567890",
                                                 "PUBLIC_URL": "https://have-your-say.example.gov.uk",
                                                 "MAIL_SERVER": "smtp.example.gov.uk", "MAIL_USE_TLS": "1",
                                                 "MAIL_DEFAULT_SENDER": "participation@example.gov.uk"})
    assert "SECRET_KEY" not in after.stdout and "COUNCIL_HELP_PHONE" not in after.stdout
    assert "COUNCIL_NAME" not in after.stdout and "safeguarding lead" not in after.stdout
    assert "PUBLIC_URL" not in after.stdout and "Set MAIL_" not in after.stdout
    assert "Mail: smtp.example.gov.uk port 587, STARTTLS, from participation@example.gov.uk." in after.stdout
    # A SQLite file and memory limits are still on the list: fine for a pilot, not for going live.
    assert "PostgreSQL" in after.stdout and after.returncode == 1
