"""Export a view or a query to CSV, JSON Lines or Parquet, streaming.

Rows are fetched in batches from a cursor (a server-side one on PostgreSQL) and
written as they come, so a million statements take the memory of one batch. The
file appears only when complete: written beside its destination, then renamed.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import Engine, text

from etl.db.params import bind, declared
from etl.db.queries import QueryRefused, cell, refusing_writes, resolve_query, statements
from etl.db.views import view_names

FORMATS = ("csv", "jsonl", "parquet")
BATCH_ROWS = 5_000
TYPE_LOOKAHEAD_ROWS = 50_000


class ExportError(ValueError):
    """An export that cannot be made (format, source, missing optional library)."""


Batches = Iterator[Sequence[Sequence[Any]]]


def source_sql(name_or_file: str, params: dict[str, str]) -> tuple[str, str, dict[str, Any]]:
    """The statement to export: a view by name (``select *``), else a query of
    the library or a .sql file with its declared parameters bound."""
    if name_or_file in view_names():
        if params:
            raise ExportError(f"{name_or_file} is a view: it takes no parameters")
        return name_or_file, f"select * from {name_or_file}", {}  # a known view, not user text
    path = resolve_query(name_or_file)
    sql = path.read_text(encoding="utf-8")
    values = bind(path.stem, declared(sql), params)
    found = statements(sql)
    if len(found) != 1:
        raise QueryRefused(
            f"{path.name} holds {len(found)} statements: etl export runs exactly one"
        )
    return path.name, found[0], values


@contextmanager
def streamed(
    engine: Engine, name: str, sql: str, values: dict[str, Any]
) -> Iterator[tuple[list[str], Batches]]:
    """Column names and the rows in batches, read as they are written."""
    with refusing_writes(name), engine.connect() as connection:
        result = connection.execution_options(stream_results=True, yield_per=BATCH_ROWS).execute(
            text(sql), values
        )
        if not result.returns_rows:
            raise QueryRefused("the statement returns no rows: etl export only reads")
        columns = unique_names(list(result.keys()))
        yield columns, (list(batch) for batch in result.partitions(BATCH_ROWS))


def unique_names(columns: list[str]) -> list[str]:
    """Column names made unique (``id``, ``id_2``): a record keyed by name must
    not lose the first of two columns a join gives the same name."""
    seen: set[str] = set()
    names = []
    for column in columns:
        name, n = column, 1
        while name in seen:
            n += 1
            name = f"{column}_{n}"
        seen.add(name)
        names.append(name)
    return names


def write_csv(columns: list[str], batches: Batches, out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    count = 0
    for batch in batches:
        writer.writerows([[cell(v) for v in row] for row in batch])
        count += len(batch)
    return count


def write_jsonl(columns: list[str], batches: Batches, out: TextIO) -> int:
    count = 0
    for batch in batches:
        for row in batch:
            record = {c: cell(v) for c, v in zip(columns, row, strict=True)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += len(batch)
    return count


def write_parquet(columns: list[str], batches: Batches, path: Path) -> int:
    """Parquet by pyarrow (the ``parquet`` extra). Column types are inferred from
    the first rows, read ahead until every column has had a value (at most
    ``TYPE_LOOKAHEAD_ROWS``, so memory stays bounded); a column still without a
    value is text."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError(
            "Parquet needs pyarrow: pip install 'summit-etl[parquet]' (or use csv or jsonl)"
        ) from None

    def columnar(rows: Sequence[Sequence[Any]]) -> dict[str, list[Any]]:
        return {c: [cell(row[i]) for row in rows] for i, c in enumerate(columns)}

    ahead: list[Sequence[Any]] = []
    typed: set[str] = set()
    for batch in batches:
        ahead.extend(batch)
        typed.update(c for i, c in enumerate(columns) if any(row[i] is not None for row in batch))
        if len(typed) == len(columns) or len(ahead) >= TYPE_LOOKAHEAD_ROWS:
            break
    inferred = pa.Table.from_pydict(columnar(ahead)).schema if ahead else None
    schema = pa.schema(
        [
            inferred.field(c)
            if inferred and not pa.types.is_null(inferred.field(c).type)
            else pa.field(c, pa.string())
            for c in columns
        ]
    )
    texts = [f.name for f in schema if pa.types.is_string(f.type)]
    integers = [f.name for f in schema if pa.types.is_integer(f.type)]

    def write(writer: Any, rows: Sequence[Sequence[Any]]) -> None:
        data = columnar(rows)
        for name in texts:
            data[name] = [None if v is None else str(v) for v in data[name]]
        for name in integers:  # pyarrow would silently truncate 0.5 to 0
            if any(isinstance(v, float) for v in data[name]):
                raise ExportError(f"a column changes type between rows: {name} has a fraction")
        try:
            writer.write_table(pa.Table.from_pydict(data, schema=schema))
        except (pa.ArrowInvalid, pa.ArrowTypeError) as error:
            raise ExportError(f"a column changes type between rows: {error}") from None

    count = len(ahead)
    with pq.ParquetWriter(path, schema) as writer:
        write(writer, ahead)
        ahead.clear()  # from here on, one batch at a time
        for rows in batches:
            write(writer, rows)
            count += len(rows)
    return count


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def export(
    engine: Engine, name_or_file: str, fmt: str, out: Path, params: dict[str, str] | None = None
) -> int:
    """Write a view's or a query's rows to ``out``; the number of rows written."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    name, sql, values = source_sql(name_or_file, params or {})
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    os.close(handle)
    try:
        with streamed(engine, name, sql, values) as (columns, batches):
            if fmt == "parquet":
                count = write_parquet(columns, batches, Path(partial))
            else:
                with open(partial, "w", encoding="utf-8", newline="") as stream:
                    writer = write_csv if fmt == "csv" else write_jsonl
                    count = writer(columns, batches, stream)
        os.chmod(partial, 0o666 & ~_umask())  # as a file the user created (mkstemp: 0600)
        os.replace(partial, out)
    finally:
        if os.path.exists(partial):
            os.unlink(partial)
    return count
