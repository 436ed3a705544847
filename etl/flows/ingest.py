"""The scheduled ingest flow: the orchestration loop of :mod:`etl.orchestrate`
with its steps as Prefect tasks over batches of documents (read, analyze,
store: three task runs per hundred documents, not four per document).

Tasks only wrap :mod:`etl.pipeline` and :mod:`etl.analysis`; retries are set
where a retry can help (file and database I/O) and every retried task is
idempotent. Analysis tasks are submitted, so a distributed task runner (Dask)
runs them on its workers while the flow stores earlier batches in order.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NONE
from prefect.runtime import flow_run

from etl.analysis import Analysis, AnalysisPool, Analyzer, Failure, worker_count
from etl.ingest.discover import Candidate, Discovery, Skipped
from etl.ingest.records import RawDocument
from etl.orchestrate import BATCH_SIZE, Batch, Pending, orchestrate
from etl.pipeline import DocumentResult, Pipeline, RunReport, summary_rows
from etl.resolve.gazetteer import default_gazetteer
from etl.settings import get_settings, redact_url

DEFAULT_PATHS = ("seeds",)


@lru_cache(maxsize=4)
def _pipeline(database_url: str) -> Pipeline:
    return Pipeline(get_settings(database_url))


@lru_cache(maxsize=4)
def _analysis_pool(workers: int) -> AnalysisPool:
    """One pool per process: a Dask worker analyses in itself (one worker)."""
    return AnalysisPool(Analyzer(default_gazetteer()), workers)


@task(name="prepare-reference-data", retries=2, retry_delay_seconds=2, cache_policy=NONE)
def prepare(database_url: str) -> None:
    _pipeline(database_url).prepare()


@task(name="start-run", retries=2, retry_delay_seconds=2, cache_policy=NONE)
def start(database_url: str, flow_run_id: str | None) -> int:
    return _pipeline(database_url).start(flow_run_id)


@task(name="discover-documents", retries=2, retry_delay_seconds=1, cache_policy=NONE)
def discover_documents(paths: list[str]) -> Discovery:
    return Pipeline.discover([Path(p) for p in paths])


@task(name="record-skipped", retries=1, retry_delay_seconds=2, cache_policy=NONE)
def record_skipped(database_url: str, skipped: list[Skipped], run_id: int) -> list[DocumentResult]:
    return _pipeline(database_url).record_skipped(skipped, run_id)


@task(name="read-batch", retries=2, retry_delay_seconds=1, cache_policy=NONE)
def read(
    database_url: str, items: Sequence[Candidate | RawDocument], refresh: str = "incremental"
) -> Batch:
    return _pipeline(database_url).read(items, refresh)


@task(name="stored-for-refresh", retries=2, retry_delay_seconds=1, cache_policy=NONE)
def stored_for_refresh(database_url: str, refresh: str, seen: set[str]) -> list[RawDocument]:
    return _pipeline(database_url).stored_for_refresh(refresh, seen)


@task(name="analyze-batch", cache_policy=NONE)
def analyze(
    documents: list[RawDocument], today: dt.date, workers: int = 1
) -> list[Analysis | Failure]:
    """Pure work (no database): runs wherever the task runner puts it."""
    pool = _analysis_pool(workers)
    return pool.results(pool.submit(documents, today), documents, today)


@task(name="store-batch", retries=1, retry_delay_seconds=2, cache_policy=NONE)
def store(
    database_url: str,
    batch: Batch,
    analyses: list[Analysis | Failure],
    run_id: int,
    refresh: str = "incremental",
) -> list[DocumentResult]:
    return _pipeline(database_url).store(batch, analyses, run_id, refresh)


@task(name="finish-run", retries=2, retry_delay_seconds=2, cache_policy=NONE)
def finish(
    database_url: str, run_id: int, results: list[DocumentResult], problems: list[str]
) -> RunReport:
    return _pipeline(database_url).finish(run_id, results, problems)


@dataclass(frozen=True)
class FlowSteps:
    """The orchestration loop's steps as Prefect tasks: a few per batch of
    documents, analysis submitted to the flow's task runner."""

    url: str
    today: dt.date
    workers: int

    def prepare(self) -> None:
        prepare(self.url)

    def start(self, flow_run_id: str | None) -> int:
        return start(self.url, flow_run_id)

    def discover(self, paths: Sequence[Path]) -> Discovery:
        found = discover_documents([str(p) for p in paths])
        for problem in found.problems:
            get_run_logger().warning(problem)
        return found

    def record_skipped(self, skipped: list[Skipped], run_id: int) -> list[DocumentResult]:
        return record_skipped(self.url, skipped, run_id)

    def read(self, items: Sequence[Candidate | RawDocument], refresh: str) -> Batch:
        return read(self.url, items, refresh)

    def analyze(self, batch: Batch) -> Pending:
        return analyze.submit(batch.to_analyze(), self.today, self.workers)

    def store(
        self, batch: Batch, analyses: Pending, run_id: int, refresh: str
    ) -> list[DocumentResult]:
        # Prefect resolves a future passed to a task into its result
        return store(self.url, batch, cast(Any, analyses), run_id, refresh)

    def stored_for_refresh(self, refresh: str, seen: set[str]) -> list[RawDocument]:
        return stored_for_refresh(self.url, refresh, seen)

    def finish(self, run_id: int, results: list[DocumentResult], problems: list[str]) -> RunReport:
        return finish(self.url, run_id, results, problems)


def _publish(report: RunReport, database_url: str) -> None:
    create_table_artifact(
        key="summit-ingest-documents",
        table=summary_rows(report),
        description=f"Documents of ingestion run {report.run_id} into {redact_url(database_url)}",
    )
    lines = [f"| {name} | {count} |" for name, count in report.counts.items()]
    create_markdown_artifact(
        key="summit-ingest-summary",
        markdown="\n".join(
            [
                f"# Ingestion run {report.run_id}: {report.status}",
                "",
                "| table | rows |",
                "|---|---|",
                *lines,
                "",
                f"failed: {len(report.failures)}; problems: {len(report.problems)}",
                "",
                "## Data checks (sql/checks)",
                "",
                "| check | violations | rule |",
                "|---|---|---|",
                *[f"| {c.name} | {c.violations} | {c.rule} |" for c in report.checks],
            ]
        ),
    )


def run_line(report: RunReport, started: dt.datetime, seconds: float) -> str:
    """The one line a scheduled run prints to the serve console."""
    return (
        f"run {report.run_id} {report.status}, started {started:%Y-%m-%d %H:%M:%S} UTC, "
        f"{seconds:.1f} s: {report.run_counts.describe()}"
    )


@flow(name="summit-ingest")
def ingest_flow(
    paths: list[str] | None = None,
    database_url: str | None = None,
    refresh: str = "incremental",
    announce: bool = False,
    workers: int | None = None,
    batch_size: int = BATCH_SIZE,
) -> RunReport:
    """``refresh``: incremental (default), reprocess (re-extract documents of an
    older extractor version) or full_refresh (re-extract all). ``workers``:
    processes each analysis task uses (default: the cores; 1 where the task
    runner spreads tasks over processes itself, as Dask does). ``announce``
    prints one line when the run ends (``etl serve`` shows it on its console)."""
    started, clock = dt.datetime.now(dt.UTC), time.monotonic()
    url = get_settings(database_url).database_url
    logger = get_run_logger()
    steps = FlowSteps(url, dt.date.today(), worker_count(workers))
    try:
        report = orchestrate(
            steps,
            [Path(p) for p in paths or DEFAULT_PATHS],
            flow_run_id=str(flow_run.id) if flow_run.id else None,
            refresh=refresh,
            batch_size=batch_size,
            window=max(2, steps.workers),
        )
    finally:  # no worker process outlives the run (a served flow runs again later)
        _analysis_pool(steps.workers).close()
    _publish(report, url)
    logger.info("run %s %s: %s", report.run_id, report.status, report.counts)
    for failed in report.failed_checks:
        logger.warning("check %s: %d violation(s)", failed.name, failed.violations)
    if announce:
        print(run_line(report, started, time.monotonic() - clock), flush=True)
    return report
