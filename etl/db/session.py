"""Engine and session factory, aware of the SQLite/PostgreSQL differences that matter.

Concurrency: every write transaction (:func:`transaction`) excludes the other
writers, across processes. On PostgreSQL it takes a transaction-scoped advisory
lock, so two runs merging meetings from overlapping documents never both decide
that a meeting is new. On SQLite it begins with ``BEGIN IMMEDIATE``, so a second
writer waits up to the busy timeout (instead of failing on a read-to-write lock
upgrade) and then stops with :class:`DatabaseBusy`. Extraction, the slow part,
runs outside these transactions.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

WRITE_LOCK_KEY = 0x53554D4D  # "SUMM": the advisory lock all summit-etl writers share
IMMEDIATE = "sqlite_immediate"


class DatabaseBusy(RuntimeError):
    """Another process held the database longer than this one would wait."""


def _prepare_sqlite_path(url: str) -> None:
    database = make_url(url).database
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def make_engine(url: str, *, busy_timeout_s: int = 30, **kwargs: Any) -> Engine:
    """An engine with foreign keys enforced and, on SQLite, a busy timeout so a
    second writer waits instead of failing at once."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        _prepare_sqlite_path(url)
        connect_args = {"timeout": busy_timeout_s, **kwargs.pop("connect_args", {})}
        engine = create_engine(url, connect_args=connect_args, **kwargs)
        on_disk = bool(parsed.database) and parsed.database != ":memory:"

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event emits BEGIN
            cursor = dbapi_connection.cursor()
            cursor.execute("pragma foreign_keys = on")
            cursor.execute(f"pragma busy_timeout = {int(busy_timeout_s * 1000)}")
            if on_disk:
                cursor.execute("pragma journal_mode = wal")  # readers never wait for a writer
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(connection: Connection) -> None:
            immediate = connection.get_execution_options().get(IMMEDIATE, False)
            connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def exclude_writers(connection: Connection) -> None:
    """Wait until no other writer holds the database (PostgreSQL advisory lock,
    released at commit or rollback). On SQLite, ``BEGIN IMMEDIATE`` did it."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"select pg_advisory_xact_lock({WRITE_LOCK_KEY})")


def is_locked_error(error: BaseException) -> bool:
    return isinstance(error, OperationalError) and "database is locked" in str(error.orig)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work, alone among writers: commit on success, roll back on any error."""
    try:
        with factory() as session, session.begin():
            exclude_writers(session.connection(execution_options={IMMEDIATE: True}))
            yield session
    except OperationalError as error:
        if is_locked_error(error):
            raise DatabaseBusy(
                "the SQLite database is locked by another run; it is still running or "
                "ETL_SQLITE_BUSY_TIMEOUT (seconds) is too short"
            ) from error
        raise
