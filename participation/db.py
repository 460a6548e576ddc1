"""The declarative base with a naming convention, and the database handle every model uses."""

from __future__ import annotations

import secrets
from datetime import date, datetime, timezone
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, cast

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import BigInteger, CheckConstraint, CursorResult, Executable, Integer, MetaData, Table, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Session, scoped_session

from participation.core import state

# Stable constraint names keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base class for every model."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    #: The name the audit log files a model's records under (AuditEntry.target_type), set on each model
    #: and never changed, so renaming a table keeps its history. Older entries were named by the table
    #: less its final "s"; each model's name is that, so no stored entry changes.
    audit_type: ClassVar[str]


class Database(SQLAlchemy):
    """Flask-SQLAlchemy's handle, with `session` typed as the Session its scoped proxy stands for.

    `db.session` is a scoped_session, which forwards every Session method to the request's session;
    services are typed to take a Session, so the checker is told what the proxy behaves as.
    """

    session: Session  # type: ignore[assignment]


db = Database(model_class=Base)

if TYPE_CHECKING:
    #: What every model derives from: Flask-SQLAlchemy's model class, made from Base.
    class Model(Base):
        __abstract__ = True
        __table__: ClassVar[Table]  # every model here maps one table
else:
    Model = db.Model


#: PostgreSQL's codes for a statement stopped by statement_timeout and a lock wait ended by lock_timeout.
TIMED_OUT = ("57014", "55P03")


def timed_out(error: BaseException) -> bool:
    """True when a database error is one of the timeouts: the database already waited as long as it should."""
    return getattr(getattr(error, "orig", None), "sqlstate", None) in TIMED_OUT


def one_of(column: str, allowed: Iterable[str]) -> CheckConstraint:
    """A CHECK that the column holds one of the allowed words (an enum's values), named
    ck_<table>_<column>_allowed, so the database itself refuses any other."""
    words = ", ".join(f"'{str(word)}'" for word in allowed)
    return CheckConstraint(f"{column} IN ({words})", name=f"{column}_allowed")


def changed_rows(session: Session, statement: Executable) -> int:
    """Run an UPDATE or DELETE and return how many rows it changed."""
    return cast(CursorResult, session.execute(statement)).rowcount or 0


def end_session() -> None:
    """Give back this thread's session, as Flask-SQLAlchemy does at the end of every request."""
    cast("scoped_session[Session]", db.session).remove()


#: A row id drawn at random instead of counted: on PostgreSQL a BIGINT, on SQLite its INTEGER, which
#: is the row's own key there, so rows are also kept in random order rather than in the order written.
RandomId = BigInteger().with_variant(Integer, "sqlite")


def random_id() -> int:
    """A fresh random id, from 1 to 2^62: no order, no count, nothing about when it was made."""
    return secrets.randbelow(2 ** 62) + 1


def today() -> date:
    """Return today's date: the only time we keep with anything a young person sends."""
    return datetime.now(timezone.utc).date()


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record) -> None:
    """Turn on foreign keys and WAL for SQLite; other databases are left alone. Its busy timeout, how
    long it waits for another process's write lock, is the connection's `timeout` (config.engine_options)."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()


#: Built upsert statements, by dialect, table, key and total columns: building one costs more than running it.
_UPSERTS: state.Kept[tuple, Any] = state.kept("upsert statements", 256)


def _upsert(dialect: str, model, keys: tuple[str, ...], columns: tuple[str, ...]):
    key = (dialect, model.__table__.name, keys, columns)
    statement = _UPSERTS.get(key)
    if statement is None:
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = insert(model.__table__)  # the table, not the class: a plain Core statement
        excluded = statement.excluded
        statement = statement.on_conflict_do_update(
            index_elements=list(keys),
            set_={c: getattr(model.__table__.c, c) + getattr(excluded, c) for c in columns})
        _UPSERTS.put(key, statement)
    return statement


def add_to_tallies(executor, model, keys: tuple[str, ...], deltas: dict[tuple, dict[str, float]]) -> None:
    """Add deltas to running totals, creating rows as needed, in the current transaction.

    `executor` is a Session or a Connection. `deltas` maps a key tuple (in the order of `keys`) to
    the amounts to add to each total column. Keys are sorted so concurrent transactions always
    lock rows in the same order (no deadlocks).
    """
    if not deltas:
        return
    columns = tuple(sorted({name for amounts in deltas.values() for name in amounts}))
    rows = [{**dict(zip(keys, key)), **{c: deltas[key].get(c, 0) for c in columns}} for key in sorted(deltas)]
    dialect = executor.dialect if hasattr(executor, "dialect") else executor.get_bind().dialect
    executor.execute(_upsert(dialect.name, model, keys, columns), rows)
