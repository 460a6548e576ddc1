"""Settings read from the environment, with safe defaults for a pilot on one machine."""

from __future__ import annotations

import os
import re
import secrets
from datetime import timedelta
from pathlib import Path
from typing import Mapping
from urllib.parse import urlsplit

#: The folder for things that belong to one installation when INSTANCE_DIR is not set: the SQLite file,
#: the secret key.
DEFAULT_INSTANCE_DIR = Path(__file__).resolve().parent.parent / "instance"


def instance_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The folder for things that belong to one installation, from INSTANCE_DIR or the default."""
    return Path(_environ(environ).get("INSTANCE_DIR", DEFAULT_INSTANCE_DIR))


class MissingSecretKey(RuntimeError):
    """Production without SECRET_KEY: sessions and sign-ins would not be safe, so the app will not start."""


class MissingPublicUrl(RuntimeError):
    """Production without a valid PUBLIC_URL: share links, QR codes and posters would have no safe address."""


def _yes(value: str) -> bool:
    """An on/off setting from the environment: 1, true, yes or on mean on."""
    return value.strip().lower() in ("1", "true", "yes", "on")


def _seconds_or_none(value: str) -> float | None:
    """A number of seconds, or None for an empty setting (the timer it sets is off)."""
    return float(value) if value.strip() else None


def _environ(environ: Mapping[str, str] | None) -> Mapping[str, str]:
    """The mapping settings are read from: the one given, or the process's environment as it is now."""
    return os.environ if environ is None else environ


def production(environ: Mapping[str, str] | None = None) -> bool:
    """True when PARTICIPATION_ENV=production: secure cookies and a SECRET_KEY that must be set."""
    return _environ(environ).get("PARTICIPATION_ENV", "").lower() == "production"


def _secret_key(instance_dir: Path, environ: Mapping[str, str] | None = None) -> str:
    """Return SECRET_KEY from the environment, or (outside production) one generated once under instance/."""
    environ = _environ(environ)
    if environ.get("SECRET_KEY"):
        return environ["SECRET_KEY"]
    if production(environ):
        raise MissingSecretKey("PARTICIPATION_ENV is production but SECRET_KEY is not set. Set SECRET_KEY to a long "
                               "random value, the same on every server, and start again.")
    instance_dir.mkdir(parents=True, exist_ok=True)
    key_file = instance_dir / "secret_key"
    if not key_file.exists():
        # O_EXCL: when several workers start at once, only one writes the key and all read it.
        try:
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_hex(32))
    return key_file.read_text().strip()


def _public_url(environ: Mapping[str, str] | None = None) -> str:
    """The address young people open, from PUBLIC_URL; share links never come from a request's Host header.

    In production a missing or malformed PUBLIC_URL stops the app starting; elsewhere it is this
    computer's own address, which is right for a trial on one machine.
    """
    environ = _environ(environ)
    url = environ.get("PUBLIC_URL", "").strip().rstrip("/")
    parts = urlsplit(url)
    if url and parts.scheme in ("http", "https") and parts.hostname and not (parts.query or parts.fragment):
        return url
    if production(environ):
        raise MissingPublicUrl(
            "PARTICIPATION_ENV is production but PUBLIC_URL is " + ("not a web address" if url else "not set")
            + ". Set PUBLIC_URL to the address young people open, like https://have-your-say.council.gov.uk, "
              "and start again.")
    return f"http://localhost:{environ.get('PORT', '5000')}"


def _database_url(instance_dir: Path, environ: Mapping[str, str] | None = None) -> str:
    """Return DATABASE_URL, accepting the postgres:// form many hosts hand out."""
    url = _environ(environ).get("DATABASE_URL")
    if not url:
        instance_dir.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{instance_dir / 'participation.db'}"
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url[len("postgres://"):]
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


#: A database error never carries the values sent with its statement (answers, draft keys), so no log
#: that prints the error can hold them.
ENGINE_KEEPS_VALUES_OUT_OF_ERRORS = {"hide_parameters": True}

#: Seconds one database statement may run, and seconds it may wait for a lock another has, before it gives
#: up with an error; both well under the 30 seconds after which gunicorn kills a worker, so a slow query or
#: a held lock gives the friendly error page (with what was typed kept) instead of a dropped connection.
#: Set by DATABASE_STATEMENT_TIMEOUT and DATABASE_LOCK_TIMEOUT; these are the defaults.
STATEMENT_TIMEOUT = 10.0
LOCK_TIMEOUT = 5.0


def engine_options(url: str, statement_timeout: float = STATEMENT_TIMEOUT,
                   lock_timeout: float = LOCK_TIMEOUT) -> dict:
    """The engine's options for this database: values kept out of errors, and the timeouts.

    PostgreSQL is given statement_timeout and lock_timeout as each connection opens. SQLite runs in this
    process, where a statement cannot be stopped from outside and waiting for another process's write lock
    is where its time goes: it waits at most `statement_timeout` for that lock (its busy timeout).
    """
    options: dict = dict(ENGINE_KEEPS_VALUES_OUT_OF_ERRORS)
    if url.startswith("sqlite"):
        options["connect_args"] = {"timeout": statement_timeout}
    else:
        options["pool_pre_ping"] = True  # a server database can drop idle connections; a SQLite file cannot
        if url.startswith("postgresql"):
            options["connect_args"] = {"options": f"-c statement_timeout={int(statement_timeout * 1000)} "
                                                  f"-c lock_timeout={int(lock_timeout * 1000)}"}
    return options


class Config:
    """Production and pilot settings, read from the environment when the app is created.

    Every setting that comes from the environment is read in `__init__` (from `os.environ`, or the mapping
    given), never when this module is imported, so a test sets the environment and makes a new `Config`.
    """

    #: Longest free-text answer a young person can send, in characters.
    MAX_TEXT_ANSWER = 1000
    #: Unsent answers are deleted after this many days.
    DRAFT_DAYS = 2

    # A young person may take a break mid-survey: the form token lives as long as the session.
    WTF_CSRF_TIME_LIMIT = None
    PERMANENT_SESSION_LIFETIME = timedelta(days=DRAFT_DAYS)
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    #: Every process touches the Redis set of held requests this often (seconds), so its idle time
    #: never tells when the latest request was asked.
    HELP_REQUEST_HOLD_TOUCH: float | None = 0.5
    #: Mail a request hands over (a link to sign in on a new browser) is sent this many seconds later,
    #: at random, by the process's sender thread, so no request waits on the mail server (core/outbox.py).
    OUTBOX_DELAY_MIN = 0.5
    OUTBOX_DELAY_MAX = 2.0
    #: Wrong access codes one browser may type. Nothing limits everyone together (see surveys/codes.py).
    ACCESS_CODES_PER_VISITOR = "10 per 10 minutes"
    RATELIMIT_HEADERS_ENABLED = False
    TESTING = False

    def __init__(self, environ: Mapping[str, str] | None = None) -> None:
        environ = _environ(environ)
        self.read_settings(environ)
        folder = instance_dir(environ)
        self.SECRET_KEY = _secret_key(folder, environ)
        self.SQLALCHEMY_DATABASE_URI = _database_url(folder, environ)
        #: The address share links, QR codes and posters point to, e.g. https://have-your-say.council.gov.uk.
        self.PUBLIC_URL = _public_url(environ)
        self.SQLALCHEMY_ENGINE_OPTIONS = engine_options(self.SQLALCHEMY_DATABASE_URI, self.STATEMENT_TIMEOUT,
                                                        self.LOCK_TIMEOUT)
        # In production cookies only ever travel over HTTPS.
        secure = environ.get("SESSION_COOKIE_SECURE", "1" if production(environ) else "0") == "1"
        self.SESSION_COOKIE_SECURE = self.REMEMBER_COOKIE_SECURE = secure

    def read_settings(self, environ: Mapping[str, str]) -> None:
        """The settings every installation, and the test suite, takes from the environment."""
        get = environ.get
        self.PORT = int(get("PORT", "5000"))
        #: Languages young people and the public can choose, e.g. "en,cy,ar" (see README, "Languages").
        self.LANGUAGES = get("LANGUAGES", "en,cy")
        #: Languages whose catalogue no fluent speaker has checked yet, offered anyway.
        self.LANGUAGES_UNCHECKED_ON = get("LANGUAGES_UNCHECKED_ON", "")
        #: Seconds one database statement may run, and seconds it may wait for a lock (see engine_options).
        self.STATEMENT_TIMEOUT = float(get("DATABASE_STATEMENT_TIMEOUT", str(STATEMENT_TIMEOUT)))
        self.LOCK_TIMEOUT = float(get("DATABASE_LOCK_TIMEOUT", str(LOCK_TIMEOUT)))

        #: The council's name, shown to young people and staff.
        self.COUNCIL_NAME = get("COUNCIL_NAME", "Your council")
        #: Who a young person can contact at the council, in plain words.
        self.COUNCIL_HELP_NAME = get("COUNCIL_HELP_NAME", "the Participation Team")
        self.COUNCIL_HELP_PHONE = get("COUNCIL_HELP_PHONE", "")
        self.COUNCIL_HELP_EMAIL = get("COUNCIL_HELP_EMAIL", "")
        #: The two names in another language the council offers, e.g. COUNCIL_NAME_CY, COUNCIL_HELP_NAME_CY.
        for key, value in environ.items():
            if re.fullmatch(r"COUNCIL_(HELP_)?NAME_[A-Z]{2,3}", key) and value.strip():
                setattr(self, key, value.strip())

        #: Seconds each process keeps a survey's intro page, the same for everyone; 0 turns it off.
        self.INTRO_CACHE_SECONDS = float(get("INTRO_CACHE_SECONDS", "2"))
        #: Staff are signed out after this many minutes without a request.
        self.STAFF_IDLE_MINUTES = int(get("STAFF_IDLE_MINUTES", "30"))
        #: Staff sign in again this many hours after signing in, however busy they have been.
        self.STAFF_SESSION_HOURS = float(get("STAFF_SESSION_HOURS", "12"))
        #: Where rate-limit counters live; memory is per process, use redis://host:6379/0 with several
        #: processes or machines so every worker counts together.
        self.RATELIMIT_STORAGE_URI = get("RATELIMIT_STORAGE_URI", "memory://")
        #: Requests to be contacted are held and written together at a random moment this many seconds
        #: after the first is taken (see help_requests/holding.py). They wait in Redis when
        #: HELP_REQUEST_HOLD_URI (or RATELIMIT_STORAGE_URI) is a Redis server, so a killed worker loses none.
        self.HELP_REQUEST_HOLD_URI = get("HELP_REQUEST_HOLD_URI", "")
        self.HELP_REQUEST_HOLD_MIN = float(get("HELP_REQUEST_HOLD_MIN", "120"))
        self.HELP_REQUEST_HOLD_MAX: float | None = float(get("HELP_REQUEST_HOLD_MAX", "600"))
        #: Emails with a link to sign in on a new browser one staff address may be sent (auth/browsers.py).
        self.SIGNIN_LINKS_PER_EMAIL = get("SIGNIN_LINKS_PER_EMAIL", "1 per 5 minutes")
        #: Wrong codes typed for one survey in a day at which its page warns staff that someone may be guessing.
        self.ACCESS_CODES_WARNING = int(get("ACCESS_CODES_WARNING", "100"))

        #: The council's SMTP server, under Flask-Mail's names (see participation/core/mail.py). With
        #: MAIL_SERVER and MAIL_DEFAULT_SENDER set, designated safeguarding leads are emailed when flags wait.
        self.MAIL_SERVER = get("MAIL_SERVER", "")
        self.MAIL_USE_TLS = _yes(get("MAIL_USE_TLS", ""))
        self.MAIL_USE_SSL = _yes(get("MAIL_USE_SSL", ""))
        self.MAIL_PORT = int(get("MAIL_PORT") or (465 if self.MAIL_USE_SSL else 587 if self.MAIL_USE_TLS else 25))
        self.MAIL_USERNAME = get("MAIL_USERNAME", "")
        self.MAIL_PASSWORD = get("MAIL_PASSWORD", "")
        self.MAIL_DEFAULT_SENDER = get("MAIL_DEFAULT_SENDER", "")
        self.MAIL_TIMEOUT = float(get("MAIL_TIMEOUT", "10"))
        #: Each server process looks for new safeguarding flags at random moments this many seconds apart
        #: and emails the leads once for all it finds (see alerts/safeguarding.py); an empty maximum turns
        #: the timer off, for councils that run `flask send-alerts` on a schedule instead.
        self.SAFEGUARDING_ALERT_MIN = float(get("SAFEGUARDING_ALERT_MIN", "180"))
        self.SAFEGUARDING_ALERT_MAX: float | None = _seconds_or_none(get("SAFEGUARDING_ALERT_MAX", "420"))


class TestConfig(Config):
    """Settings for the test suite: a throwaway database, no real secret."""

    __test__ = False  # not a pytest test class
    TESTING = True

    def __init__(self, database_url: str | None = None, environ: Mapping[str, str] | None = None) -> None:
        environ = _environ(environ)
        self.read_settings(environ)
        self.INTRO_CACHE_SECONDS = 0.0  # tests change surveys and look at once; one test turns it on
        self.HELP_REQUEST_HOLD_MAX = None  # no timer: tests write held requests with holding.write_now
        self.SAFEGUARDING_ALERT_MAX = None  # no timer: tests sweep with alerts.safeguarding.sweep
        self.MAIL_SERVER = ""  # tests that send mail point it at their own local SMTP server
        self.OUTBOX_DELAY_MIN, self.OUTBOX_DELAY_MAX = 0.0, 0.05  # tests wait for mail; it still leaves from the sender thread
        self.MAIL_DEFAULT_SENDER = ""
        self.SECRET_KEY = "test-secret-key"
        self.PUBLIC_URL = "https://have-your-say.council.example"
        self.SQLALCHEMY_DATABASE_URI = database_url or environ.get("TEST_DATABASE_URL", "sqlite://")
        self.SQLALCHEMY_ENGINE_OPTIONS = engine_options(self.SQLALCHEMY_DATABASE_URI, self.STATEMENT_TIMEOUT,
                                                        self.LOCK_TIMEOUT)
