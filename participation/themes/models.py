"""The Theme model. The taxonomy is data: councils rename, add and archive themes."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from participation.db import Model


class Theme(Model):
    """One outcome theme, such as "Involve me"."""

    __tablename__ = "themes"
    audit_type = "theme"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: Stable key used in code, exports and the tagger, e.g. "involve-me".
    key: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    #: What belongs under this theme, in plain words.
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: Archived themes keep their history but are not offered for new work.
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Extra words and phrases young people use for this theme, one per line, for the tagger.
    keywords: Mapped[str] = mapped_column(Text, default="")
    #: Example comments that belong under this theme, one per line, for the tagger.
    examples: Mapped[str] = mapped_column(Text, default="")
