"""Extension objects, created unbound and attached to the app in create_app."""

from flask_migrate import Migrate
from flask_wtf.csrf import CSRFProtect

csrf = CSRFProtect()
migrate = Migrate()

from flask_limiter import Limiter  # noqa: E402
from flask_login import LoginManager  # noqa: E402

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Sign in to see that page."
# Off: it would hash the client address and browser into the session of every young person too.
login_manager.session_protection = None


def _rate_limit_key() -> str:
    """A key for rate limits that never keeps a client address: a keyed hash that changes daily."""
    import hashlib
    import hmac

    from flask import current_app, request

    from participation.db import today

    secret = f"{current_app.config['SECRET_KEY']}:{today().isoformat()}".encode()
    return hmac.new(secret, (request.remote_addr or "").encode(), hashlib.sha256).hexdigest()[:32]


limiter = Limiter(key_func=_rate_limit_key, default_limits=[], storage_uri="memory://")
