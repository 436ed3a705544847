"""What a downgrade would destroy, found by doing it: the downgrade runs inside
one transaction that is rolled back, and the tables, columns and rows before
and after are compared. No list of drops is kept by hand, so a new revision's
downgrade is covered the day it is written.

After a real downgrade the documents whose facts lost something are marked for
re-extraction: their stored hash is cleared (the next run sees changed content
and extracts them again) and their extractor version emptied (``--reprocess``
picks them up even when the source file is gone).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from alembic import command
from sqlalchemy import ColumnElement, Connection, Engine, MetaData, Table, func, select, update

from etl.db.migrate import alembic_config
from etl.db.session import IMMEDIATE, exclude_writers, foreign_keys_deferred

BOOKKEEPING = {"alembic_version", "ingestion_runs", "check_results"}
"""Tables that hold no document's facts: runs and checks, and the version table."""
REFERENCE = {"reference_meetings", "reference_meeting_people", "official_sources"}
"""Reference data, synced again by the next run: losing it re-extracts nothing."""
DERIVED = {"quote_checks", "meetings_pending"}
"""Decided from stored facts at the end of a run (the revision that brings them
back marks every meeting to be decided again): losing them re-extracts nothing."""
DERIVED_COLUMNS = {
    ("meetings", "confidence"),
    ("meeting_people", "confidence"),
    ("statements", "confidence"),
    ("outcomes", "confidence"),
}
"""Columns decided at the end of a run, like the derived tables."""


@dataclass(frozen=True)
class Snapshot:
    rows: dict[str, int]
    filled: dict[tuple[str, str], int]  # (table, column) -> non-empty values


@dataclass
class Loss:
    """Everything the downgrade drops that holds data, and whose documents."""

    lines: list[str] = field(default_factory=list)
    documents: set[int] = field(default_factory=set)
    all_documents: bool = False

    def __bool__(self) -> bool:
        return bool(self.lines)


def snapshot(connection: Connection) -> Snapshot:
    metadata = MetaData()
    metadata.reflect(connection, views=False)
    rows: dict[str, int] = {}
    filled: dict[tuple[str, str], int] = {}
    for table in metadata.sorted_tables:
        columns = list(table.columns)
        counts = connection.execute(
            select(func.count(), *[func.count(c) for c in columns]).select_from(table)
        ).one()
        rows[table.name] = counts[0]
        for column, count in zip(columns, counts[1:], strict=True):
            filled[(table.name, column.name)] = count
    return Snapshot(rows, filled)


def _documents_with(connection: Connection, table: str, column: str | None) -> set[int] | None:
    """Ids of the documents with rows (or a value in ``column``) in ``table``:
    the document itself in ``documents``, its ``document_id``, or else the
    documents of the nearest rows it is linked to by foreign keys (a
    participant's roles: its participant's; a meeting's people: the meeting's
    mentions, participants, statements). None when no document can be named."""
    metadata = MetaData()
    metadata.reflect(connection, views=False)
    start = metadata.tables[table]
    filled = [start.c[column].is_not(None)] if column is not None else []
    if table == "documents":
        return set(connection.scalars(select(start.c.id).where(*filled)))
    paths = _paths_to_documents(metadata, start)
    if not paths:
        return None
    found: set[int] = set()
    for path in paths:
        target = path[-1][0] if path else start
        query = select(target.c.document_id).select_from(start)
        for joined, condition in path:
            query = query.join(joined, condition)
        query = query.where(target.c.document_id.is_not(None), *filled).distinct()
        found |= set(connection.scalars(query))
    return found


Link = tuple[Table, ColumnElement[bool]]


def _paths_to_documents(metadata: MetaData, start: Table) -> list[list[Link]]:
    """Join paths from ``start`` to the rows that name its documents: [[]] when
    it has a ``document_id``; else its sources (rows with a ``document_id``
    pointing at it: a meeting's mentions, participants, statements; an
    outcome's mentions); else through the row it belongs to (its first foreign
    key: a participant's roles → the participant; a meeting's people → the
    meeting), that row's ``document_id`` or its sources."""
    if "document_id" in start.c:
        return [[]]
    own = _sources(metadata, start, exclude=start)
    owner = next((c for c in start.columns if c.foreign_keys), None)
    if own or owner is None:
        return [[link] for link in own]
    key = next(iter(owner.foreign_keys))
    parent = key.column.table
    step: Link = (parent, owner == key.column)
    if "document_id" in parent.c:
        return [[step]]
    return [[step, link] for link in _sources(metadata, parent, exclude=start)]


def _sources(metadata: MetaData, table: Table, exclude: Table) -> list[Link]:
    """Tables with a ``document_id`` whose rows point at ``table``, in name order."""
    links = [
        (other, key.parent == key.column)
        for other in metadata.sorted_tables
        if other is not exclude and "document_id" in other.c
        for key in other.foreign_keys
        if key.column.table is table
    ]
    return sorted(links, key=lambda link: link[0].name)


def compare(connection: Connection, before: Snapshot, after: Snapshot) -> Loss:
    """The loss, described while the pre-downgrade tables can still be read."""
    loss = Loss()

    def touched(table: str, column: str | None) -> None:
        if table in BOOKKEEPING | REFERENCE | DERIVED or (table, column) in DERIVED_COLUMNS:
            return
        documents = _documents_with(connection, table, column)
        if documents is None:
            loss.all_documents = True
        else:
            loss.documents |= documents

    for table, count in before.rows.items():
        if table == "alembic_version":
            continue
        if table not in after.rows:
            if count:
                loss.lines.append(f"table {table} ({count} rows)")
                touched(table, None)
        elif after.rows[table] < count:
            loss.lines.append(f"{count - after.rows[table]} of {count} rows of {table}")
            touched(table, None)
    for (table, column), count in before.filled.items():
        if table in after.rows and (table, column) not in after.filled and count:
            loss.lines.append(f"column {table}.{column} ({count} values)")
            touched(table, column)
    return loss


def plan_downgrade(engine: Engine, revision: str) -> Loss:
    """Downgrade in a transaction, measure what went, roll everything back."""
    with engine.connect() as connection, foreign_keys_deferred(connection):
        connection.execution_options(**{IMMEDIATE: True})
        transaction = connection.begin()
        try:
            exclude_writers(connection)
            before = snapshot(connection)
            savepoint = connection.begin_nested()
            command.downgrade(alembic_config(connection=connection), revision)
            after = snapshot(connection)
            savepoint.rollback()
            return compare(connection, before, after)
        finally:
            transaction.rollback()


def mark_for_reextraction(engine: Engine, loss: Loss) -> int:
    """Clear the stored hash and extractor version of the documents that lost
    facts; the number of documents marked."""
    with engine.begin() as connection:
        documents = MetaData()
        documents.reflect(connection, only=["documents"])
        table = documents.tables["documents"]
        statement = update(table).values(sha256="", extractor_version=None)
        if not loss.all_documents:
            if not loss.documents:
                return 0
            statement = statement.where(table.c.id.in_(sorted(loss.documents)))
        return connection.execute(statement).rowcount or 0
