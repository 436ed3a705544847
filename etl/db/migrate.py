"""Alembic driven from code, so ``etl db …`` and ``etl run`` need no alembic.ini edits.

The whole upgrade of one database runs in one transaction that holds the write
lock (``BEGIN IMMEDIATE`` on SQLite, the advisory lock on PostgreSQL; see
``migrations/env.py``), so processes that start at once on a new database
migrate it once, in turn: the later ones find it at head and do nothing.

Alembic is imported only when a database is not at ``SCHEMA_HEAD``: a command on
an up-to-date database checks the stored revision with one query and goes on
(importing Alembic and reading its scripts is a fifth of loading one document).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, TextIO

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import OperationalError

from etl.db.session import DatabaseBusy, is_locked_error
from etl.settings import RESOURCE_ROOT

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

SCHEMA_HEAD = "0025"
"""The newest revision in ``migrations/versions`` (a test keeps them equal)."""


class SchemaError(RuntimeError):
    """The database's schema revision is not one this command can work with."""


def alembic_config(
    engine: Engine | None = None,
    stdout: TextIO | None = None,
    connection: Connection | None = None,
) -> Config:
    from alembic.config import Config

    config = Config(str(RESOURCE_ROOT / "alembic.ini"), stdout=stdout or io.StringIO())
    config.set_main_option("script_location", str(RESOURCE_ROOT / "migrations"))
    config.attributes["engine"] = engine
    config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=1)
def scripts() -> ScriptDirectory:
    """The revisions on disk, read once per process (every command consults them)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def known_revisions() -> list[str]:
    """Every revision this code knows, oldest first."""
    return [r.revision for r in reversed(list(scripts().walk_revisions()))]


def head_revision() -> str | None:
    return scripts().get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The revision stored in the database (None: no schema), read without Alembic."""
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        versions = connection.execute(text("select version_num from alembic_version")).scalars()
        return next(iter(versions), None)


def _locked(error: OperationalError) -> OperationalError | DatabaseBusy:
    return DatabaseBusy() if is_locked_error(error) else error


def _run(action: str, engine: Engine, revision: str) -> str | None:
    """Migrate; the revision the database was at once this process held the lock."""
    from alembic import command

    config = alembic_config(engine)
    config.attributes["found"] = current_revision(engine)
    try:
        if action == "upgrade":
            command.upgrade(config, revision)
        else:
            command.downgrade(config, revision)
    except OperationalError as error:
        raise _locked(error) from error
    found: str | None = config.attributes["found"]
    return found


def refuse_unknown(current: str | None) -> None:
    """A database migrated by a newer summit-etl is never touched by this one."""
    if current is not None and current not in known_revisions():
        raise SchemaError(
            f"the database is at schema revision {current}, which this version of "
            f"summit-etl does not know (its newest is {head_revision()}): upgrade summit-etl"
        )


@dataclass(frozen=True)
class Migration:
    before: str | None
    after: str | None

    def describe(self, verb: str) -> str:
        """``upgraded from 0005 to 0007 (0006 persons_seen, 0007 date_sources)``."""
        if self.before == self.after:
            return f"already at {self.after or 'base (empty)'}: nothing to do"
        steps = _steps_between(self.before, self.after)
        detail = f" ({', '.join(steps)})" if steps else ""
        return f"{verb} from {self.before or 'base (empty)'} to {self.after or 'base'}{detail}"


def _steps_between(before: str | None, after: str | None) -> list[str]:
    order = known_revisions()
    low = order.index(before) + 1 if before in order else 0
    high = order.index(after) + 1 if after in order else 0
    if high < low:
        low, high = high, low
    directory = scripts()
    steps = []
    for revision in order[low:high]:
        script = directory.get_revision(revision)
        title = (script.doc if script else "").strip().splitlines()[0] if script else ""
        steps.append(f"{revision} {title}".strip())
    return steps


def upgrade(engine: Engine, revision: str = "head") -> Migration:
    refuse_unknown(current_revision(engine))
    before = _run("upgrade", engine, revision)
    return Migration(before, current_revision(engine))


def downgrade(engine: Engine, revision: str = "-1") -> Migration:
    refuse_unknown(current_revision(engine))
    before = _run("downgrade", engine, revision)
    return Migration(before, current_revision(engine))


def ensure_schema(engine: Engine) -> bool:
    """Upgrade to head when the database is behind; True when it migrated."""
    current = current_revision(engine)
    if current == SCHEMA_HEAD:
        return False
    refuse_unknown(current)
    upgrade(engine)
    return True


def require_head(engine: Engine) -> None:
    """For commands that only read: the database must be at head, or the user
    is told which command brings it there (nothing is migrated here)."""
    current = current_revision(engine)
    if current == SCHEMA_HEAD:
        return
    refuse_unknown(current)
    head = head_revision()
    if current is None:
        raise SchemaError("the database has no summit-etl schema: `etl db upgrade` creates it")
    if current != head:
        raise SchemaError(
            f"the database is at schema revision {current}, this summit-etl reads {head}: "
            "`etl db upgrade` brings it up to date"
        )
