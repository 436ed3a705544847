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

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

WRITE_LOCK_KEY = 0x53554D4D  # "SUMM": the advisory lock all summit-etl writers share
IMMEDIATE = "sqlite_immediate"


BUSY_MESSAGE = (
    "the SQLite database is locked by another run; it is still running or "
    "ETL_SQLITE_BUSY_TIMEOUT (seconds) is too short"
)


class DatabaseBusy(RuntimeError):
    """Another process held the database longer than this one would wait."""

    def __init__(self, message: str = BUSY_MESSAGE) -> None:
        super().__init__(message)


class DatabaseMissing(RuntimeError):
    """A command that only reads was pointed at a database that does not exist."""


def _prepare_sqlite_path(url: str) -> None:
    database = make_url(url).database
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def make_engine(
    url: str, *, busy_timeout_s: int = 30, read_only: bool = False, **kwargs: Any
) -> Engine:
    """An engine with foreign keys enforced and, on SQLite, a busy timeout so a
    second writer waits instead of failing at once. ``read_only`` opens an
    existing database and refuses every write (``pragma query_only`` on SQLite,
    read-only transactions on PostgreSQL): what the commands that only read use,
    so they can neither create a file nor change a row."""
    parsed = make_url(url)
    if read_only:
        _require_existing(url)
    if parsed.get_backend_name() == "sqlite":
        if not read_only:
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
            if read_only:
                cursor.execute("pragma query_only = on")
            cursor.close()
            if on_disk and not read_only:
                enter_wal(dbapi_connection, busy_timeout_s)  # readers never wait for a writer
                # in WAL mode, NORMAL syncs at checkpoints instead of at every commit: a
                # killed run still leaves whole transactions (a power cut may lose the last)
                dbapi_connection.execute("pragma synchronous = normal")

        @event.listens_for(engine, "begin")
        def _sqlite_begin(connection: Connection) -> None:
            immediate = connection.get_execution_options().get(IMMEDIATE, False)
            connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    if read_only:
        options = "-c default_transaction_read_only=on"
        kwargs["connect_args"] = {"options": options, **kwargs.get("connect_args", {})}
    return create_engine(url, pool_pre_ping=True, **kwargs)


def enter_wal(dbapi_connection: Any, busy_timeout_s: float) -> None:
    """``pragma journal_mode = wal``, retried until the busy timeout.

    Processes that open a new file at once all switch it to WAL; the switch
    can fail with "database is locked" at once, without the busy handler
    (one in a few hundred six-way races), which stopped a first run."""
    deadline = time.monotonic() + busy_timeout_s
    pause = 0.005
    while True:
        try:
            dbapi_connection.execute("pragma journal_mode = wal")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() >= deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.2)


def _require_existing(url: str) -> None:
    """Raise :class:`DatabaseMissing` unless the database is there to be read."""
    from etl.settings import describe_database, sqlite_file

    path = sqlite_file(url)
    if path is not None:
        if not path.is_file():
            raise DatabaseMissing(
                f"no database at {path}: `etl load` or `etl run` creates it, "
                "`--db` or ETL_DATABASE_URL chooses another"
            )
        return
    if make_url(url).get_backend_name() != "postgresql":
        return
    probe = create_engine(url, poolclass=NullPool)
    try:
        with probe.connect():
            pass
    except OperationalError as error:
        if "does not exist" in str(error.orig):
            raise DatabaseMissing(f"no database {describe_database(url)}") from None
        raise
    finally:
        probe.dispose()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def foreign_keys_deferred(connection: Connection) -> Iterator[None]:
    """SQLite: foreign keys off around a migration, checked before it commits.

    Alembic's batch mode rebuilds a SQLite table by copying it and dropping the
    old one; with foreign keys on, that drop cascades (``ON DELETE CASCADE``
    rows are deleted, ``SET NULL`` references are cleared). The pragma only
    takes effect outside a transaction, so this wraps the migration's
    transaction; call :func:`check_foreign_keys` inside it."""
    if connection.dialect.name != "sqlite":
        yield
        return
    raw = connection.connection.dbapi_connection  # outside SQLAlchemy's autobegin
    assert raw is not None
    raw.execute("pragma foreign_keys = off")
    try:
        yield
    finally:
        raw.execute("pragma foreign_keys = on")


def check_foreign_keys(connection: Connection) -> None:
    """Raise when a SQLite migration left a dangling reference (PostgreSQL checks itself)."""
    if connection.dialect.name == "sqlite":
        broken = connection.exec_driver_sql("pragma foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"the migration broke {len(broken)} foreign key(s): {broken[:3]}")


def exclude_writers(connection: Connection) -> None:
    """Wait until no other writer holds the database (PostgreSQL advisory lock,
    released at commit or rollback). On SQLite, ``BEGIN IMMEDIATE`` did it."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(f"select pg_advisory_xact_lock({WRITE_LOCK_KEY})")


def is_locked_error(error: BaseException) -> bool:
    if isinstance(error, DatabaseBusy):
        return True
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
            raise DatabaseBusy() from error
        raise
