"""Alembic environment: the URL comes from etl.settings, or an engine (or an open
connection) handed in by etl.db.migrate, which the CLI and the tests use.

The whole migration runs in one transaction that first takes the write lock
(``BEGIN IMMEDIATE`` on SQLite, the shared advisory lock on PostgreSQL), so
concurrent first runs migrate a new database once, in turn. SQLite's DDL is
transactional, so it is told so (``transactional_ddl``): Alembic's default
for SQLite would commit after each revision and let a second process read
a half-migrated version table. On SQLite foreign keys are off while batch
mode rebuilds tables (a rebuild would otherwise cascade) and checked at the end.
"""

from alembic import context
from sqlalchemy import Connection, Engine

from etl.db import models  # noqa: F401  (registers the tables on the metadata)
from etl.db.base import Base
from etl.db.session import (
    IMMEDIATE,
    check_foreign_keys,
    exclude_writers,
    foreign_keys_deferred,
    make_engine,
)
from etl.settings import get_settings

config = context.config
target_metadata = Base.metadata


def _engine() -> Engine:
    engine = config.attributes.get("engine")
    if engine is not None:
        return engine
    return make_engine(get_settings().database_url)


def run_migrations_offline() -> None:
    context.configure(
        url=get_settings().database_url,
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _migrate(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        transactional_ddl=True,
    )
    # the revision found under the lock: what this process really migrated from
    config.attributes["found"] = context.get_context().get_current_revision()
    with context.begin_transaction():
        context.run_migrations()
    check_foreign_keys(connection)


def run_migrations_online() -> None:
    given = config.attributes.get("connection")
    if given is not None:  # the caller owns the transaction (a dry run rolls it back)
        _migrate(given)
        return
    with _engine().connect() as connection, foreign_keys_deferred(connection):
        connection.execution_options(**{IMMEDIATE: True})
        with connection.begin():
            exclude_writers(connection)  # concurrent first runs migrate once, in turn
            _migrate(connection)


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
