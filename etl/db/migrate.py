"""Alembic driven from code, so ``etl db …`` and ``etl run`` need no alembic.ini edits."""

from __future__ import annotations

import io
from typing import TextIO

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from etl.settings import PROJECT_ROOT


def alembic_config(engine: Engine, stdout: TextIO | None = None) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"), stdout=stdout or io.StringIO())
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str = "-1") -> None:
    command.downgrade(alembic_config(engine), revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(engine: Engine) -> str | None:
    return ScriptDirectory.from_config(alembic_config(engine)).get_current_head()


def ensure_schema(engine: Engine) -> bool:
    """Upgrade to head when the database is behind; True when it migrated."""
    if current_revision(engine) == head_revision(engine):
        return False
    upgrade(engine)
    return True
