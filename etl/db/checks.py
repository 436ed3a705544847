"""Data checks analysts can run: each ``sql/checks/<name>.sql`` returns the rows
that break one rule (dbt-style tests), so zero rows means the rule holds.

A check over every span of every document costs as much as the database is
large; those checks take ``:run_id`` and, after a run, look only at the
documents that run wrote (spans never change without their document being
written again). ``etl check`` passes none and checks everything."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from etl.settings import RESOURCE_ROOT

CHECKS_DIR = RESOURCE_ROOT / "sql" / "checks"
SAMPLE_ROWS = 5


@dataclass(frozen=True)
class CheckResult:
    name: str
    rule: str
    violations: int
    columns: list[str] = field(default_factory=list)
    sample: list[tuple[Any, ...]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.violations == 0

    def report_lines(self) -> list[str]:
        """``ok name``, or the failure with its rule and the first violating rows."""
        if self.passed:
            return [f"ok    {self.name}"]
        lines = [f"FAIL  {self.name}: {self.violations} violation(s): {self.rule}"]
        for row in self.sample:
            pairs = zip(self.columns, row, strict=True)
            lines.append("      " + ", ".join(f"{c}={v}" for c, v in pairs))
        return lines


def check_names(directory: Path = CHECKS_DIR) -> list[str]:
    return sorted(p.stem for p in directory.glob("*.sql"))


def rule_of(sql: str) -> str:
    """The check's rule, from its ``-- Rule:`` header (continued on comment lines)."""
    lines: list[str] = []
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        body = line.removeprefix("--").strip()
        if body.startswith("Rule:"):
            lines.append(body.removeprefix("Rule:").strip())
        elif lines and not body.startswith(("Grain:", "When:", "Scope:")):
            lines.append(body)
        elif lines:
            break
    return " ".join(lines)


def on_demand(sql: str) -> bool:
    """A ``-- When: etl check`` header: a check too costly to run after every
    load (it reads every row of the views), run by ``etl check`` only."""
    for line in sql.splitlines():
        if not line.startswith("--"):
            break
        if line.removeprefix("--").strip().lower().startswith("when: etl check"):
            return True
    return False


def run_check(
    connection: Connection, name: str, directory: Path = CHECKS_DIR, run_id: int | None = None
) -> CheckResult:
    sql = _sql(directory, name)
    result = connection.execute(text(sql.strip().rstrip(";")), {"run_id": run_id})
    columns = list(result.keys())
    rows = [tuple(row) for row in result]
    return CheckResult(name, rule_of(sql), len(rows), columns, rows[:SAMPLE_ROWS])


def run_checks(
    connection: Connection, directory: Path = CHECKS_DIR, run_id: int | None = None
) -> list[CheckResult]:
    """Every check; with ``run_id`` (after a run), the span checks over that run's
    documents and without the on-demand ones."""
    names = check_names(directory)
    if run_id is not None:
        names = [n for n in names if not on_demand(_sql(directory, n))]
    return [run_check(connection, name, directory, run_id) for name in names]


def _sql(directory: Path, name: str) -> str:
    return (directory / f"{name}.sql").read_text(encoding="utf-8")
