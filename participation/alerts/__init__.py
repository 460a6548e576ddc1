"""Telling staff by email that something is waiting for them, without saying what or when it came.

Messages go through `core/mail.py` (the council's SMTP server, the MAIL_* settings); `safeguarding`
sweeps for safeguarding flags no lead has been told about and emails the leads once for all of them.
"""
