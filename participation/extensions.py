"""Extension objects, created unbound and attached to the app in create_app."""

import secrets

from flask import session
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_wtf.csrf import CSRFProtect

from participation.core.languages import N_

csrf = CSRFProtect()
migrate = Migrate()

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Sign in to see that page."
# Off: it would hash the client address and browser into the session of every young person too.
login_manager.session_protection = None


def visitor_key() -> str:
    """Whom a rate limit counts: a random value kept only in the visitor's own session cookie.

    It never comes from the client's address or browser, and it is not the key that finds a young
    person's unsent answers, so a rate-limit counter can never be tied to anyone or to any answers.
    Someone who throws their cookie away starts a fresh count; the shared limits below cover that.
    """
    key = session.get("limit_key")
    if not key:
        key = session["limit_key"] = secrets.token_hex(16)
    return key


#: Shown when sending is tried too often (30 a minute): the wait is never more than that minute.
TOO_MANY = N_("Too many tries. Wait a minute, then try again.")

#: Its store comes from RATELIMIT_STORAGE_URI (memory:// or redis://), shared with core.limits.
limiter = Limiter(key_func=visitor_key, default_limits=[])
