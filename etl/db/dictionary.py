"""The data dictionary, generated from the code: every table, view and column
with its type, meaning and an example, and an entity–relationship diagram.

Types and keys come from the models (tables) and the database (views: the SQLite
type of their values); meanings from ``sql/dictionary.yaml`` (one line per
column, written once, checked complete by the tests); examples from a database
the seeds were loaded into. ``etl dictionary`` writes ``docs/data-dictionary.md``
and the diagram between markers in the README; ``--check`` (CI) says when
either is out of date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml
from sqlalchemy import DateTime, Engine, ForeignKey, inspect, text

from etl.db import models  # noqa: F401  (registers the tables on the metadata)
from etl.db.base import Base
from etl.db.views import view_names
from etl.settings import RESOURCE_ROOT

MEANINGS_PATH = RESOURCE_ROOT / "sql" / "dictionary.yaml"
ER_START, ER_END = "<!-- er-diagram:start -->", "<!-- er-diagram:end -->"
EXAMPLE_WIDTH = 60
# Values that differ with the machine, the folder or the moment of a run: their
# form, not a value.
MACHINE_EXAMPLES = {
    "documents.source_path": "(the path the run read it from)",
    "ingestion_runs.host": "(the machine's name)",
    "ingestion_runs.pid": "(a process id)",
}


def meanings() -> dict[str, Any]:
    """``{"tables": {name: {description, columns}}, "views": {...}}``."""
    return yaml.safe_load(MEANINGS_PATH.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    keys: str  # PK, FK → table.column, unique, not null
    meaning: str
    example: str


@dataclass(frozen=True)
class Relation:
    name: str
    kind: str  # table or view
    description: str
    columns: tuple[Column, ...]


def _example(value: Any) -> str:
    if value is None:
        return ""
    shown = " ".join(str(value).split())
    return shown if len(shown) <= EXAMPLE_WIDTH else shown[: EXAMPLE_WIDTH - 1] + "…"


def _first_values(engine: Engine, relation: str, columns: list[str]) -> dict[str, Any]:
    """Each column's smallest value that is not NULL or empty (so the same data
    gives the same examples)."""
    found: dict[str, Any] = {}
    with engine.connect() as connection:
        for column in columns:
            found[column] = connection.execute(
                text(
                    f'select "{column}" from "{relation}" where "{column}" is not null'
                    f" and cast(\"{column}\" as text) <> '' order by 1 limit 1"
                )
            ).scalar()
    return found


def _keys(column: Any) -> str:
    keys = []
    if column.primary_key:
        keys.append("PK")
    for foreign_key in column.foreign_keys:
        assert isinstance(foreign_key, ForeignKey)
        keys.append(f"FK → {foreign_key.target_fullname}")
    if column.unique:
        keys.append("unique")
    if not column.nullable and not column.primary_key:
        keys.append("not null")
    return ", ".join(keys)


def _table_example(table: str, column: Any, value: Any) -> str:
    if isinstance(column.type, DateTime):
        return "(a timestamp)"
    return MACHINE_EXAMPLES.get(f"{table}.{column.name}") or _example(value)


def tables(engine: Engine, described: dict[str, Any]) -> list[Relation]:
    found = []
    for table in sorted(Base.metadata.sorted_tables, key=lambda t: t.name):
        entry = described["tables"][table.name]
        examples = _first_values(engine, table.name, [c.name for c in table.columns])
        columns = tuple(
            Column(
                column.name,
                str(column.type).lower(),
                _keys(column),
                entry["columns"][column.name],
                _table_example(table.name, column, examples[column.name]),
            )
            for column in table.columns
        )
        found.append(Relation(table.name, "table", entry["description"], columns))
    return found


def views(engine: Engine, described: dict[str, Any]) -> list[Relation]:
    found = []
    inspector = inspect(engine)
    for name in view_names():
        entry = described["views"][name]
        declared = {
            c["name"]: str(c["type"]).lower().replace("null", "") or "(no value in the seeds)"
            for c in inspector.get_columns(name)
        }
        names = list(declared)
        examples = _first_values(engine, name, names)
        with engine.connect() as connection:
            kinds = {
                c: connection.execute(
                    text(f'select typeof("{c}") from "{name}" where "{c}" is not null limit 1')
                ).scalar()
                for c in names
            }
        columns = tuple(
            # the type of its values; without any, the type the view declares
            Column(c, kinds[c] or declared[c], "", entry["columns"][c], _example(examples[c]))
            for c in names
        )
        found.append(Relation(name, "view", entry["description"], columns))
    return found


def er_diagram() -> str:
    """Mermaid: each table with its keys, one line per foreign key."""
    lines = ["```mermaid", "erDiagram"]
    for table in sorted(Base.metadata.sorted_tables, key=lambda t: t.name):
        for column in table.columns:
            for foreign_key in sorted(column.foreign_keys, key=lambda f: f.target_fullname):
                target = foreign_key.column.table.name
                lines.append(f'    {target} ||--o{{ {table.name} : "{column.name}"')
    for table in sorted(Base.metadata.sorted_tables, key=lambda t: t.name):
        keyed = [c for c in table.columns if c.primary_key or c.foreign_keys or c.unique]
        lines.append(f"    {table.name} {{")
        for column in keyed:
            kind = re.sub(r"\W.*", "", str(column.type).lower())
            marks = ",".join(
                m
                for m, present in (
                    ("PK", column.primary_key),
                    ("FK", bool(column.foreign_keys)),
                    ("UK", bool(column.unique)),
                )
                if present
            )
            lines.append(f"        {kind} {column.name} {marks}".rstrip())
        lines.append("    }")
    lines.append("```")
    return "\n".join(lines)


def _escape(cell: str) -> str:
    return cell.replace("|", "\\|")


def markdown(relations: list[Relation]) -> str:
    out = [
        "# Data dictionary",
        "",
        "Generated by `etl dictionary` from the models, the views and",
        "`sql/dictionary.yaml`; examples from the seeds. Do not edit by hand: CI checks",
        "it is current (`etl dictionary --check`).",
        "",
        "## Entity–relationship diagram (tables, with their keys)",
        "",
        er_diagram(),
        "",
    ]
    for kind, heading in (("view", "Views (for analysts)"), ("table", "Tables")):
        out += [f"## {heading}", ""]
        for relation in (r for r in relations if r.kind == kind):
            out += [f"### `{relation.name}`", "", relation.description, ""]
            out += ["| column | type | keys | meaning | example |", "|---|---|---|---|---|"]
            for c in relation.columns:
                cells = [f"`{c.name}`", c.type, c.keys, c.meaning, c.example]
                out.append("| " + " | ".join(_escape(cell) for cell in cells) + " |")
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def with_diagram(readme: str) -> str:
    """The README with the diagram between its markers replaced."""
    start, end = readme.index(ER_START) + len(ER_START), readme.index(ER_END)
    return readme[:start] + "\n" + er_diagram() + "\n" + readme[end:]


def missing_meanings(engine: Engine, described: dict[str, Any]) -> list[str]:
    """Tables, views and columns without a meaning, or meanings of nothing."""
    wanted = {("tables", t.name, c.name) for t in Base.metadata.sorted_tables for c in t.columns}
    inspector = inspect(engine)
    wanted |= {("views", v, c["name"]) for v in view_names() for c in inspector.get_columns(v)}
    given = {
        (kind, name, column)
        for kind in ("tables", "views")
        for name, entry in described.get(kind, {}).items()
        for column in entry.get("columns", {})
    }
    problems = [f"no meaning for {k[:-1]} {n}.{c}" for k, n, c in sorted(wanted - given)]
    problems += [f"a meaning of nothing: {k[:-1]} {n}.{c}" for k, n, c in sorted(given - wanted)]
    return problems
