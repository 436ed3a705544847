"""The analyst views live as one SQL file each in ``sql/views``: the SQL analysts
read is exactly the SQL the database runs at head.

Migrations never read those files: a revision that creates or changes a view
reads the definition it made from ``sql/views/history/<revision>/<view>.sql``, a
frozen copy, so editing a view file (with the migration and history copy that
go with it) can never change or break what an earlier revision builds. A test
checks that a fresh database's views at head are the files of ``sql/views``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from etl.settings import RESOURCE_ROOT

VIEWS_DIR = RESOURCE_ROOT / "sql" / "views"
HISTORY_DIR = VIEWS_DIR / "history"


def view_names(directory: Path = VIEWS_DIR) -> list[str]:
    return sorted(p.stem for p in directory.glob("*.sql"))


def view_sql(name: str, directory: Path = VIEWS_DIR) -> str:
    return (directory / f"{name}.sql").read_text(encoding="utf-8").strip().rstrip(";")


def frozen_view_statements(defined_by: Mapping[str, str]) -> list[str]:
    """``create view`` statements for ``{view: revision}``, in that order: each
    view as that revision defined it."""
    return [
        f"create view {name} as\n{view_sql(name, HISTORY_DIR / revision)}"
        for name, revision in defined_by.items()
    ]


def drop_view_statements(names: Sequence[str]) -> list[str]:
    return [f"drop view if exists {name}" for name in reversed(names)]
