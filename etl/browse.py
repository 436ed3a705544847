"""``etl browse``: Datasette on the SQLite database, read-only, with the query
library as canned queries and the data dictionary as descriptions.

A query's title, description and parameters come from its file's header, so
the browser and ``etl query`` offer the same library. Datasette passes a
parameter as typed text (empty when left blank), so in the browser each
parameter goes through a SQL function that reads it as ``etl query`` does: a
name normalised as aliases are, a date checked, a blank value NULL.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from etl.db.params import Param, declared, read_value
from etl.db.queries import QUERIES_DIR, available

PLUGIN = "summit_etl_params"
PARAM_FUNCTIONS = {"name": "etl_param_name", "date": "etl_param_date", "text": "etl_param_text"}


class BrowseError(ValueError):
    """A database or setup Datasette cannot serve: one line for the user."""


def header(sql: str) -> tuple[str, str]:
    """The question a query answers (its first header sentence, up to "?") and
    the rest of its header (grain, order, how to give parameters)."""
    lines = []
    for line in sql.lstrip("\ufeff").splitlines():
        if not line.startswith("--"):
            break
        lines.append(line.removeprefix("--").strip())
    lines = [line for line in lines if not line.lower().startswith("params:")]
    text = " ".join(lines)
    question, mark, rest = text.partition("?")
    if not mark:
        return text, ""
    return question.strip() + "?", rest.strip()


def browser_sql(sql: str, params: tuple[Param, ...]) -> str:
    """The query with each declared parameter read through its SQL function."""
    for param in params:
        function = PARAM_FUNCTIONS.get(param.kind, PARAM_FUNCTIONS["text"])
        sql = re.sub(rf"(?<![:\w]):{param.name}\b", f"{function}(:{param.name})", sql)
    return sql


def canned_queries() -> dict[str, dict[str, Any]]:
    """Every query of the library, as Datasette's canned queries."""
    canned = {}
    for name in available():
        sql = (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")
        params = declared(sql).params
        title, description = header(sql)
        canned[name] = {
            "sql": browser_sql(sql, params),
            "title": title,
            "description": description,
            "params": [p.name for p in params],
        }
    return canned


def _reader(kind: str) -> Callable[[Any], str | None]:
    """A parameter of one kind read as ``etl query`` reads it (Datasette passes
    text, empty when left blank)."""
    param = Param("value", kind=kind)
    return lambda value: read_value(param, None if value is None else str(value))


def register_functions(connection: sqlite3.Connection) -> None:
    for kind, function in PARAM_FUNCTIONS.items():
        connection.create_function(function, 1, _reader(kind), deterministic=True)


def metadata(database: str, described: dict[str, Any]) -> dict[str, Any]:
    """Datasette metadata: titles, the canned queries, and a description of every
    table, view and column (from the data dictionary)."""
    tables = {
        name: {
            "description": entry.get("description", ""),
            "columns": dict(entry.get("columns", {})),
        }
        for kind in ("tables", "views")
        for name, entry in described.get(kind, {}).items()
    }
    return {
        "title": "summit-etl",
        "description": "Meetings, participants, statements and outcomes of US–China diplomacy. "
        "Start with the v_ views (the analysts' views) or a query below.",
        "databases": {database: {"tables": tables, "queries": canned_queries()}},
    }


def datasette_app(path: Path, described: dict[str, Any]) -> Any:
    """A Datasette instance on the file, opened read-only."""
    try:
        from datasette import hookimpl
        from datasette.app import Datasette
        from datasette.plugins import pm
    except ImportError:
        raise BrowseError("etl browse needs Datasette: pip install 'summit-etl[browse]'") from None

    class Functions:
        __name__ = PLUGIN  # Datasette lists plugins by module name

        @hookimpl
        def prepare_connection(self, conn: sqlite3.Connection) -> None:
            register_functions(conn)

    if pm.get_plugin(PLUGIN) is None:
        pm.register(Functions(), name=PLUGIN)
    return Datasette(
        files=[str(path)],
        metadata=metadata(path.stem, described),
        settings={"allow_download": False, "sql_time_limit_ms": 5000},
    )


def serve(path: Path, described: dict[str, Any], host: str, port: int) -> None:
    """Serve until interrupted (Ctrl-C)."""
    import uvicorn

    app = datasette_app(path, described)
    uvicorn.run(app.app(), host=host, port=port, log_level="warning")
