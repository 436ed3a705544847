"""The scheduled ingest flow: discover → read → extract/resolve → load → record.

Tasks only wrap :mod:`etl.pipeline`; retries are set where a retry can help
(file and database I/O) and every retried task is idempotent.
"""

from __future__ import annotations

import datetime as dt
import time
from functools import lru_cache
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NONE
from prefect.runtime import flow_run

from etl.ingest.discover import Candidate, Discovery
from etl.ingest.records import RawDocument, RejectedDocument
from etl.pipeline import Analysis, DocumentResult, Pipeline, RunReport, summary_rows
from etl.settings import get_settings, redact_url

DEFAULT_PATHS = ("seeds",)


@lru_cache(maxsize=4)
def _pipeline(database_url: str) -> Pipeline:
    return Pipeline(get_settings(database_url))


@task(name="prepare-reference-data", retries=2, retry_delay_seconds=2, cache_policy=NONE)
def prepare(database_url: str) -> None:
    _pipeline(database_url).prepare()


@task(name="start-run", retries=2, retry_delay_seconds=2, cache_policy=NONE)
def start(database_url: str, flow_run_id: str | None) -> int:
    return _pipeline(database_url).start(flow_run_id)


@task(name="discover-documents", retries=2, retry_delay_seconds=1, cache_policy=NONE)
def discover_documents(paths: list[str]) -> Discovery:
    return Pipeline.discover([Path(p) for p in paths])


@task(name="read-document", retries=2, retry_delay_seconds=1, cache_policy=NONE)
def read(database_url: str, candidate: Candidate) -> list[RawDocument | RejectedDocument]:
    return _pipeline(database_url).read(candidate)


@task(name="check-unchanged", retries=2, retry_delay_seconds=1, cache_policy=NONE)
def skip(database_url: str, document: RawDocument, refresh: str) -> str | None:
    return _pipeline(database_url).skip(document, refresh)


@task(name="stored-for-refresh", retries=2, retry_delay_seconds=1, cache_policy=NONE)
def stored_for_refresh(database_url: str, refresh: str, seen: set[str]) -> list[RawDocument]:
    return _pipeline(database_url).stored_for_refresh(refresh, seen)


@task(name="extract-and-resolve", cache_policy=NONE)
def analyze(database_url: str, document: RawDocument) -> Analysis | DocumentResult:
    return _pipeline(database_url).analyze(document)


@task(name="load-document", retries=1, retry_delay_seconds=2, cache_policy=NONE)
def load(
    database_url: str,
    document: RawDocument,
    analysis: Analysis | DocumentResult,
    run_id: int,
    refresh: str = "incremental",
) -> DocumentResult:
    return _pipeline(database_url).store(document, analysis, run_id, refresh)


@task(name="record-rejection", retries=1, retry_delay_seconds=2, cache_policy=NONE)
def record(database_url: str, document: RejectedDocument, run_id: int) -> DocumentResult:
    return _pipeline(database_url).record(document, run_id)


@task(name="finish-run", retries=2, retry_delay_seconds=2, cache_policy=NONE)
def finish(
    database_url: str, run_id: int, results: list[DocumentResult], problems: list[str]
) -> RunReport:
    return _pipeline(database_url).finish(run_id, results, problems)


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
) -> RunReport:
    """``refresh``: incremental (default), reprocess (re-extract documents of an
    older extractor version) or full_refresh (re-extract all). ``announce``
    prints one line when the run ends (``etl serve`` shows it on its console)."""
    started, clock = dt.datetime.now(dt.UTC), time.monotonic()
    url = get_settings(database_url).database_url
    logger = get_run_logger()
    prepare(url)
    run_id = start(url, str(flow_run.id) if flow_run.id else None)
    found = discover_documents(list(paths or DEFAULT_PATHS))
    for problem in found.problems:
        logger.warning(problem)
    results = [record(url, skipped.rejection(), run_id) for skipped in found.skipped]
    documents = [d for candidate in found.candidates for d in read(url, candidate)]
    documents += stored_for_refresh(url, refresh, {d.name for d in documents})
    for document in documents:
        if isinstance(document, RejectedDocument):
            results.append(record(url, document, run_id))
        elif (reason := skip(url, document, refresh)) is not None:
            results.append(DocumentResult(document.name, reason))
        else:
            results.append(load(url, document, analyze(url, document), run_id, refresh))
    report = finish(url, run_id, results, found.problems)
    _publish(report, url)
    logger.info("run %s %s: %s", report.run_id, report.status, report.counts)
    for failed in report.failed_checks:
        logger.warning("check %s: %d violation(s)", failed.name, failed.violations)
    if announce:
        print(run_line(report, started, time.monotonic() - clock), flush=True)
    return report
