"""Alembic environment: the URL comes from etl.settings, or an engine handed in
by etl.db.migrate (which the CLI and the tests use)."""

from alembic import context
from sqlalchemy import Engine

from etl.db import models  # noqa: F401  (registers the tables on the metadata)
from etl.db.base import Base
from etl.db.session import IMMEDIATE, exclude_writers, make_engine
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


def run_migrations_online() -> None:
    with _engine().connect() as connection:
        connection.execution_options(**{IMMEDIATE: True})
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            compare_type=True,
        )
        with context.begin_transaction():
            exclude_writers(connection)  # concurrent first runs migrate once, in turn
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
