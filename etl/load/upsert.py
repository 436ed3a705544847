"""Dialect-aware get-or-create and upsert, like sqlite-utils' ``lookup()``:
``INSERT … ON CONFLICT`` on SQLite and PostgreSQL, so concurrent writers never
create a natural key twice."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def _insert(session: Session, table: Table) -> Any:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table)
    if dialect == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"no upsert for the {dialect} dialect")


def lookup(
    session: Session,
    table: Table,
    keys: dict[str, Any],
    extra: dict[str, Any] | None = None,
) -> int:
    """The id of the row with these natural-key values, inserting it if missing.
    ``extra`` values are written only on insert."""
    statement = (
        _insert(session, table)
        .values(**keys, **(extra or {}))
        .on_conflict_do_nothing(index_elements=list(keys))
    )
    session.execute(statement)
    conditions = [table.c[name] == value for name, value in keys.items()]
    return int(session.execute(select(table.c.id).where(*conditions)).scalar_one())


def upsert(
    session: Session,
    table: Table,
    values: dict[str, Any],
    conflict: Sequence[str],
    update: Sequence[str],
) -> int:
    """Insert or update the row keyed by ``conflict``; returns its id."""
    statement = _insert(session, table).values(**values)
    statement = statement.on_conflict_do_update(
        index_elements=list(conflict),
        set_={name: statement.excluded[name] for name in update},
    )
    session.execute(statement)
    conditions = [table.c[name] == values[name] for name in conflict]
    return int(session.execute(select(table.c.id).where(*conditions)).scalar_one())


def insert_many(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows in one statement execution, each unless its natural key
    (a unique constraint) is already there: bulk get-or-create without ids."""
    if rows:
        session.execute(_insert(session, table).on_conflict_do_nothing(), rows)
