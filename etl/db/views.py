"""The analyst views live as one SQL file each in ``sql/views``; migrations create
them from there so the SQL analysts read is exactly the SQL the database runs.

Each migration names the views it (re)creates, so a view that needs a newer table
is only created by the revision that adds that table. When a later revision
redefines a view, the earlier definition is kept in ``sql/views/history/<revision>/``
so the earlier revision, and a downgrade to it, still build what they built.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from etl.settings import PROJECT_ROOT

VIEWS_DIR = PROJECT_ROOT / "sql" / "views"


def view_names(directory: Path = VIEWS_DIR) -> list[str]:
    return sorted(p.stem for p in directory.glob("*.sql"))


def view_sql(name: str, directory: Path = VIEWS_DIR) -> str:
    return (directory / f"{name}.sql").read_text(encoding="utf-8").strip().rstrip(";")


def create_view_statements(names: Sequence[str], directory: Path = VIEWS_DIR) -> list[str]:
    return [f"create view {name} as\n{view_sql(name, directory)}" for name in names]


def drop_view_statements(names: Sequence[str]) -> list[str]:
    return [f"drop view if exists {name}" for name in reversed(names)]
