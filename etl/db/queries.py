"""Run the analysts' SQL (``sql/queries/*.sql``, or any file) and format rows."""

from __future__ import annotations

import csv
import datetime as dt
import errno
import io
import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from etl.settings import PROJECT_ROOT

QUERIES_DIR = PROJECT_ROOT / "sql" / "queries"
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


def run_query(engine: Engine, path: Path) -> tuple[list[str], list[tuple[Any, ...]]]:
    sql = path.read_text(encoding="utf-8").strip().rstrip(";")
    with engine.connect() as connection:
        result = connection.execute(text(sql))
        return list(result.keys()), [tuple(row) for row in result]


def _cell(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _fit(value: str, width: int) -> str:
    """The cell padded to the column, or cut with "…" so a reader sees it was cut."""
    if len(value) > width:
        return value[: width - 1] + "…"
    return value.ljust(width)


def render(columns: list[str], rows: list[tuple[Any, ...]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(
            [{c: _cell(v) for c, v in zip(columns, row, strict=True)} for row in rows],
            ensure_ascii=False,
            indent=2,
        )
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[_cell(v) for v in row] for row in rows])
        return buffer.getvalue().rstrip("\n")
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    cells = [[("" if v is None else str(_cell(v))).replace("\n", " ") for v in row] for row in rows]
    widths = [min(60, max([len(c), *(len(r[i]) for r in cells)])) for i, c in enumerate(columns)]
    lines = [" | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True))]
    lines.append("-+-".join("-" * w for w in widths))
    for row in cells:
        lines.append(" | ".join(_fit(v, w) for v, w in zip(row, widths, strict=True)))
    return "\n".join(lines)
