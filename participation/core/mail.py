"""Plain-text email through the council's SMTP server, with the standard library's smtplib.

The settings use Flask-Mail's names, so a council that already has them set for another Flask app
can copy them: MAIL_SERVER, MAIL_PORT, MAIL_USE_TLS (STARTTLS), MAIL_USE_SSL, MAIL_USERNAME,
MAIL_PASSWORD, MAIL_DEFAULT_SENDER and MAIL_TIMEOUT (seconds).
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Mapping, Sequence
from email.message import EmailMessage
from email.utils import formatdate, make_msgid


class MailNotSet(RuntimeError):
    """MAIL_SERVER or MAIL_DEFAULT_SENDER is missing, so nothing can be sent."""


def configured(config: Mapping) -> bool:
    """True when the app has a mail server and an address to send from."""
    return bool(config.get("MAIL_SERVER") and config.get("MAIL_DEFAULT_SENDER"))


def settings_line(config: Mapping) -> str:
    """The mail settings in one line for `flask check`, without the password."""
    if not configured(config):
        return "Mail: not set up (MAIL_SERVER and MAIL_DEFAULT_SENDER)."
    security = "SSL" if config.get("MAIL_USE_SSL") else ("STARTTLS" if config.get("MAIL_USE_TLS") else "no encryption")
    login = f", signing in as {config['MAIL_USERNAME']}" if config.get("MAIL_USERNAME") else ""
    return (f"Mail: {config['MAIL_SERVER']} port {config.get('MAIL_PORT')}, {security}{login}, "
            f"from {config['MAIL_DEFAULT_SENDER']}.")


def send(config: Mapping, to: Sequence[str], subject: str, body: str) -> None:
    """Send one plain-text message to every address in `to`; raises on any failure, so callers can retry."""
    if not configured(config):
        raise MailNotSet("Set MAIL_SERVER and MAIL_DEFAULT_SENDER to send email.")
    message = EmailMessage()
    sender = config["MAIL_DEFAULT_SENDER"]
    message["From"] = sender
    message["To"] = ", ".join(to)
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid(domain=str(sender).rpartition("@")[2] or None)
    message.set_content(body)
    host, port, timeout = config["MAIL_SERVER"], int(config.get("MAIL_PORT") or 25), float(config.get("MAIL_TIMEOUT") or 10)
    if config.get("MAIL_USE_SSL"):
        client: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=timeout, context=ssl.create_default_context())
    else:
        client = smtplib.SMTP(host, port, timeout=timeout)
    with client:
        if config.get("MAIL_USE_TLS") and not config.get("MAIL_USE_SSL"):
            client.starttls(context=ssl.create_default_context())
        if config.get("MAIL_USERNAME"):
            client.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
        client.send_message(message)
