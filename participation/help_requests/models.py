"""HelpRequest: a way to reach a young person who asked for it.

It is stored apart from every survey answer and can never be linked to one: no survey, response,
draft or cookie key, a random id (so the order of requests says nothing about the order of
answers), and no time finer than the day. The contact details are personal data, so only staff
who read responses see them, and requests dealt with are deleted: by staff from the list, or with `purge`.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from sqlalchemy import Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from participation.db import Model, one_of, today


class HelpRequestStatus(StrEnum):
    """Where a request to be contacted stands; stored as the plain word (its value)."""

    OPEN = "open"  # nobody has been in touch yet
    CONTACTED = "contacted"  # someone has been in touch and written what was done
    UNREACHED = "unreached"  # staff tried and could not reach them, and wrote what they tried


class HelpRequest(Model):
    """Someone asked the council to contact them."""

    __tablename__ = "help_requests"
    audit_type = "help_request"
    __table_args__ = (one_of("status", HelpRequestStatus),)

    #: Random, never a running number.
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    #: The day it was asked; never the time.
    asked_on: Mapped[date] = mapped_column(Date, default=today, index=True)
    #: What to call them, if they said.
    name: Mapped[str] = mapped_column(String(80), default="")
    #: A phone number or email address, as they wrote it.
    contact: Mapped[str] = mapped_column(String(200))
    #: When is a good time, if they said.
    best_time: Mapped[str] = mapped_column(String(120), default="")
    #: What they would like help with, if they said.
    message: Mapped[str] = mapped_column(Text, default="")
    #: A HelpRequestStatus: open until it is dealt with, then contacted, or unreached when staff tried and could
    #: not reach them.
    status: Mapped[str] = mapped_column(String(10), default=HelpRequestStatus.OPEN, index=True)
    handled_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id", ondelete="SET NULL"))
    handled_on: Mapped[date | None] = mapped_column(Date)
    #: What was done or tried, written by the member of staff.
    note: Mapped[str] = mapped_column(Text, default="")
