"""Telling staff by email that something is waiting for them, without saying what or when it came.

`mail` sends a plain message through the council's SMTP server (the MAIL_* settings); `safeguarding`
sweeps for safeguarding flags no lead has been told about and emails the leads once for all of them.
"""
