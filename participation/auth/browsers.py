"""Browsers a member of staff signs in on: the "trusted browser" cookie, and the emailed link that makes a
new browser trusted.

A browser someone signed in on before carries a signed cookie naming it for that email address, and
wrong passwords typed anywhere else never make it wait (OWASP's device cookies; see
services.authenticate). A new browser (a new laptop, cleared cookies) has no such cookie, so strangers
typing wrong passwords for the address could keep the real member of staff waiting for as long as they
keep typing. The way past them is a link emailed to the address:

1. On the new browser, "Email me a link to sign in on this browser" asks for the address. The browser
   gets a signed cookie saying it asked, for which address and when. The request takes the same steps
   whether or not the address has an account and whether or not a message is due (the same cookie,
   count, look-up, link and message), and hands one letter to the outbox (core/outbox.py), addressed to
   nobody when no message is due: the page never waits on the mail server, and the outbox's thread sends
   a moment later, while other requests are answered.
2. If the address has an active account, it is sent a link: signed, for that address, working once and
   for LINK_MINUTES. At most SIGNIN_LINKS_PER_EMAIL messages go to one address (1 per 5 minutes), so
   nobody can flood a mailbox; anyone asking again within that time is told a link may already be there.
3. The link works only in a browser that asked for a link for that address in the last LINK_MINUTES: the
   one that asked, which the member of staff is sitting at. Opened anywhere else (a mail scanner, a
   forwarded message) it does nothing and stays unused. Opened there, it makes that browser trusted for
   the address, and the password then works there despite the strangers.

The password is still needed: the link trusts a browser, it never signs anyone in. Strangers asking for
links for the address cannot block it either: whichever request sent the message in the mailbox, its link
works in every browser that asked, and only the owner of the mailbox can open it. (Binding the link to
the one browser whose request sent it would let strangers use up the address's message with links bound
to their own browsers, and keep the owner out: the mailbox, read only by its owner, is the safeguard.)
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any, cast

from flask import current_app, request, url_for
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy.orm import Session

from participation.auth import services
from participation.core import limits
from participation.core.outbox import Letter, outbox

#: A cookie a browser gets when someone signs in on it: that browser is then "trusted" for that email
#: address, and wrong passwords typed elsewhere never make it wait.
TRUSTED = "staff_browser"
TRUSTED_DAYS = 180
#: A cookie a browser gets when it asks for a link: which address, and when.
ASKED = "staff_browser_asked"
#: How long an emailed link works, and how long a browser's request for one lasts.
LINK_MINUTES = 15
#: Messages with a link one address may be sent (setting SIGNIN_LINKS_PER_EMAIL).
LINKS_PER_EMAIL = limits.Limit("signin-links", "SIGNIN_LINKS_PER_EMAIL")


def email_tag(email: str) -> str:
    return hashlib.sha256((email or "").strip().lower().encode()).hexdigest()[:24]


def _signer(purpose: str) -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=purpose)


def _cookie(response, name: str, value: str, max_age: int):
    response.set_cookie(name, value, max_age=max_age, path=url_for("auth.login"), httponly=True, samesite="Lax",
                        secure=current_app.config["SESSION_COOKIE_SECURE"])
    return response


def trusted_browser(email: str) -> str | None:
    """The random name of this browser if it is trusted for this email address."""
    try:
        tag, name = _signer("trusted-staff-browser").loads(request.cookies.get(TRUSTED, ""))
    except (BadSignature, ValueError, TypeError):
        return None
    return name if hmac.compare_digest(str(tag), email_tag(email)) else None


def trust_this_browser(response, email: str, name: str | None = None):
    """Mark this browser trusted for the address, keeping its name if it had one."""
    value = _signer("trusted-staff-browser").dumps([email_tag(email), name or secrets.token_hex(16)])
    return _cookie(response, TRUSTED, value, TRUSTED_DAYS * 86400)


def ask_for_link(session: Session, response, email: str):
    """Note on this browser that it asked for a link for the address, and email a link if the address has an
    active account and has not been sent one too recently. Every request takes the same steps, whichever it is: the cookie, the count, the look-up, the
    link and the message are made for every address, and one letter goes to the outbox, addressed to
    nobody when no message is due; the outbox sends it later, never while the page is answered."""
    email = (email or "").strip().lower()
    now = int(limits.clock())
    _cookie(response, ASKED, _signer("staff-browser-asked").dumps([email_tag(email), now]),
            LINK_MINUTES * 60)
    due = limits.allowed(LINKS_PER_EMAIL, email_tag(email))
    user = services.user_by_email(session, email)
    due = due and user is not None and user.active
    token = _signer("sign-in-on-this-browser").dumps([email, now, secrets.token_hex(16)])
    link = current_app.config["PUBLIC_URL"] + url_for("auth.trust_browser", token=token)
    outbox(cast(Any, current_app)._get_current_object()).post(
        Letter((email,) if due else (), "Sign in on a new browser", _message(email, link)))
    return response


def _message(to: str, link: str) -> str:
    council = current_app.config.get("COUNCIL_NAME") or "the council"
    return (f"Someone asked to sign in to {council}'s participation service as {to} on a browser that has "
            f"not been used for it before.\n\n"
            f"If that was you, open this link in that same browser within {LINK_MINUTES} minutes:\n\n{link}\n\n"
            f"Then sign in with your password as usual. The link works once, and only in the browser that "
            f"asked for it.\n\n"
            f"If it was not you, you need do nothing: nobody can sign in without your password.\n")


def use_link(token: str) -> str | None:
    """The email address this browser may now be trusted for, or None when the link does not work here:
    made up, older than LINK_MINUTES, used already, or opened in a browser that did not ask for it.
    Only a link that works here is used up."""
    now = limits.clock()
    try:
        email, issued, once = _signer("sign-in-on-this-browser").loads(token)
        tag, asked = _signer("staff-browser-asked").loads(request.cookies.get(ASKED, ""))
    except (BadSignature, ValueError, TypeError):
        return None
    fresh = now - int(issued) <= LINK_MINUTES * 60 and now - int(asked) <= LINK_MINUTES * 60
    if not fresh or not hmac.compare_digest(str(tag), email_tag(str(email))):
        return None
    if not limits.first_use(f"signin-link/{once}", LINK_MINUTES * 60 + 60):
        return None
    return str(email)


def forget_asking(response):
    response.delete_cookie(ASKED, path=url_for("auth.login"))
    return response
