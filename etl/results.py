"""What a run reports: one result per document and the run's totals."""

from __future__ import annotations

from dataclasses import dataclass, field

from etl.db.checks import CheckResult
from etl.load.runs import RunCounts


@dataclass(frozen=True)
class DocumentResult:
    name: str
    status: str  # loaded | unchanged | stale | skipped | failed
    reason: str | None = None
    statements: int = 0
    meetings: int = 0
    outcomes: int = 0


@dataclass
class RunReport:
    run_id: int
    status: str
    results: list[DocumentResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    stale: int = 0
    checks: list[CheckResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def run_counts(self) -> RunCounts:
        """Stale documents are unchanged content (re-extracted only on request)."""
        return RunCounts(
            loaded=self.count("loaded"),
            unchanged=self.count("unchanged") + self.count("stale"),
            skipped=self.count("skipped"),
            failed=self.count("failed"),
        )

    @property
    def failures(self) -> list[DocumentResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def failed_checks(self) -> list[CheckResult]:
        return [c for c in self.checks if not c.passed]


def summary_rows(report: RunReport) -> list[dict[str, object]]:
    """One row per document, for the CLI table and the Prefect artifact."""
    return [
        {
            "document": r.name,
            "status": r.status,
            "statements": r.statements,
            "meetings": r.meetings,
            "outcomes": r.outcomes,
            "reason": r.reason or "",
        }
        for r in report.results
    ]


def report_dict(report: RunReport, database: str) -> dict[str, object]:
    """The run report for scripts (``--json``): the same facts as the summary."""
    counts = report.run_counts
    return {
        "run_id": report.run_id,
        "status": report.status,
        "documents_seen": counts.seen,
        "loaded": counts.loaded,
        "unchanged": counts.unchanged,
        "skipped": counts.skipped,
        "failed": counts.failed,
        "database": database,
        "rows": report.counts,
        "stale": report.stale,
        "checks": [
            {"name": c.name, "passed": c.passed, "violations": c.violations, "rule": c.rule}
            for c in report.checks
        ],
        "problems": report.problems,
        "documents": summary_rows(report),
    }
