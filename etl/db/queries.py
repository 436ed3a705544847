"""Run the analysts' SQL (``sql/queries/*.sql``, or any file) and format rows."""

from __future__ import annotations

import csv
import datetime as dt
import errno
import io
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from etl.db.params import bind, declared
from etl.settings import RESOURCE_ROOT

QUERIES_DIR = RESOURCE_ROOT / "sql" / "queries"
FORMATS = ("table", "csv", "json")


def available() -> list[str]:
    return sorted(p.stem for p in QUERIES_DIR.glob("*.sql"))


def _named(name: str) -> Path:
    return QUERIES_DIR / f"{name}.sql"


def resolve_query(name_or_file: str) -> Path:
    path = Path(name_or_file)
    if path.suffix == ".sql" and path.is_file():
        return path
    if path.suffix == ".sql" and (len(path.parts) > 1 or not _named(path.stem).is_file()):
        raise FileNotFoundError(errno.ENOENT, "file not found", str(path))
    named = _named(name_or_file.removesuffix(".sql"))
    if named.is_file():
        return named
    raise FileNotFoundError(
        f"no query {name_or_file!r}: give a .sql file or one of {', '.join(available())}"
    )


class QueryRefused(ValueError):
    """A query file that is not one reading statement."""


def statements(sql: str) -> list[str]:
    """The statements of a SQL text: split at semicolons outside quotes,
    comments and PostgreSQL dollar quotes; empty ones dropped."""
    parts: list[str] = []
    start, i, n = 0, 0, len(sql)
    while i < n:
        char = sql[i]
        if sql.startswith("--", i):
            i = _end_of(sql, "\n", i + 2)
        elif sql.startswith("/*", i):
            i = _end_of(sql, "*/", i + 2)
        elif char in "'\"":
            i = _end_of(sql, char, i + 1)
        elif char == "$" and (tag := re.match(r"\$[A-Za-z_]*\$", sql[i:])):
            i = _end_of(sql, tag.group(), i + len(tag.group()))
        elif char == ";":
            parts.append(sql[start:i])
            start, i = i + 1, i + 1
        else:
            i += 1
    parts.append(sql[start:])
    return [p.strip() for p in parts if _code(p)]


def _end_of(sql: str, closing: str, i: int) -> int:
    found = sql.find(closing, i)
    return len(sql) if found < 0 else found + len(closing)


def _code(part: str) -> bool:
    """Whether a piece holds more than white space and comments."""
    without = re.sub(r"--[^\n]*|/\*.*?\*/", "", part, flags=re.DOTALL)
    return bool(without.strip())


WRITE_ERRORS = ("readonly database", "read-only transaction", "query_only")


@contextmanager
def refusing_writes(name: str) -> Iterator[None]:
    """A write attempted on the read-only engine becomes one line naming the file."""
    try:
        yield
    except DBAPIError as error:
        if any(marker in str(error.orig) for marker in WRITE_ERRORS):
            raise QueryRefused(f"{name} tries to write: it only reads") from None
        raise


def run_query(
    engine: Engine, path: Path, params: dict[str, str] | None = None
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run the one statement of a query file on a read-only engine, with the
    parameters its header declares bound; a file of several statements, or one
    that writes, is refused in one line."""
    sql = path.read_text(encoding="utf-8")
    values = bind(path.stem, declared(sql), params or {})
    found = statements(sql)
    if len(found) != 1:
        raise QueryRefused(f"{path.name} holds {len(found)} statements: etl query runs exactly one")
    with refusing_writes(path.name), engine.connect() as connection:
        result = connection.execute(text(found[0]), values)
        if not result.returns_rows:
            raise QueryRefused(f"{path.name} returns no rows: etl query only reads")
        return list(result.keys()), [tuple(row) for row in result]


def cell(value: Any) -> Any:
    """A value as text formats show it: dates ISO, PostgreSQL numerics as numbers."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _fit(value: str, width: int) -> str:
    """The cell padded to the column, or cut with "…" so a reader sees it was cut."""
    if len(value) > width:
        return value[: width - 1] + "…"
    return value.ljust(width)


def render(columns: list[str], rows: list[tuple[Any, ...]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(
            [{c: cell(v) for c, v in zip(columns, row, strict=True)} for row in rows],
            ensure_ascii=False,
            indent=2,
        )
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[cell(v) for v in row] for row in rows])
        return buffer.getvalue().rstrip("\n")
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    cells = [[("" if v is None else str(cell(v))).replace("\n", " ") for v in row] for row in rows]
    widths = [min(60, max([len(c), *(len(r[i]) for r in cells)])) for i, c in enumerate(columns)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    for row in cells:
        lines.append(" | ".join(_fit(v, w) for v, w in zip(row, widths, strict=True)))
    return "\n".join(lines)
