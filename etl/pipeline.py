"""The stages of a run against one database: read, analyze (extract and
resolve, see :mod:`etl.analysis`), store (one transaction per document), and
the run's bookkeeping. :func:`etl.orchestrate.orchestrate` drives them, for
``etl load`` directly and for the Prefect flow through tasks."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from etl.analysis import Analysis, AnalysisPool, Analyzer, Failure, one_line
from etl.db.checks import run_checks
from etl.db.confidence_evidence import (
    every_meeting,
    evidence_of_meetings,
    last_model,
)
from etl.db.migrate import ensure_schema
from etl.db.quote_sources import pending_meetings, quote_sources
from etl.db.session import DatabaseBusy, make_engine, session_factory, transaction
from etl.db.speaker_evidence import evidence_of_unplaced_statements
from etl.extract import EXTRACTOR_VERSION
from etl.ingest.discover import Candidate, Discovery, Skipped, discover, read_documents
from etl.ingest.records import RawDocument, RejectedDocument
from etl.load.confidence import forget_unplaced_confidences, record_model, write_confidences
from etl.load.documents import load_document, record_rejection
from etl.load.quote_checks import CHUNK as QUOTE_CHUNK
from etl.load.quote_checks import (
    meetings_of_stray_checks,
    replace_quote_checks,
    settle_pending,
)
from etl.load.reference import (
    person_ids,
    role_book,
    sync_calendar,
    sync_gazetteer,
    sync_official_sources,
    sync_topics,
)
from etl.load.runs import finish_run, record_checks, start_run, table_counts
from etl.load.stored import (
    adopt_legacy_name,
    loaded_version,
    loaded_versions,
    stale_count,
    stored_raw_documents,
)
from etl.orchestrate import BATCH_SIZE, Batch, Pending, orchestrate
from etl.resolve.confidence import default_model, model_fingerprint
from etl.resolve.engagements import default_calendar
from etl.resolve.gazetteer import Gazetteer, default_gazetteer
from etl.resolve.quote_checks import check_quotes
from etl.resolve.titles import RoleBook
from etl.results import DocumentResult, RunReport, summary_rows
from etl.settings import Settings, redact_text

__all__ = ["Analysis", "DocumentResult", "Pipeline", "RunReport", "summary_rows"]

log = logging.getLogger(__name__)

REFRESH_MODES = ("incremental", "reprocess", "full_refresh")
"""``incremental`` loads new and changed documents and counts stale ones;
``reprocess`` also re-extracts documents loaded by another extractor version;
``full_refresh`` re-extracts every document."""

STAGES = ("read", "extract", "resolve", "load", "checks")
"""Where a run's time goes: wall seconds in this process for reading, loading
and checks; seconds spent in whichever process analysed for extract and resolve."""


def _one_line(error: BaseException, settings: Settings) -> str:
    return redact_text(one_line(error), settings.database_url)


def _skip_reason(loaded_by: str | None, refresh: str) -> str | None:
    if loaded_by is None:
        return None  # new or changed content
    if loaded_by == EXTRACTOR_VERSION:
        return "unchanged"
    return "stale" if refresh == "incremental" else None


class Pipeline:
    def __init__(
        self,
        settings: Settings,
        gazetteer: Gazetteer | None = None,
        clock: Callable[[], dt.date] = dt.date.today,
        workers: int = 1,
    ) -> None:
        """``clock`` gives the day a run resolves dates without a year against;
        ``workers`` processes analyze documents (1: all in this process)."""
        self.settings = settings
        self.clock = clock
        self.engine = make_engine(
            settings.database_url, busy_timeout_s=settings.sqlite_busy_timeout_s
        )
        self.migrated = ensure_schema(self.engine)
        self.sessions: sessionmaker[Session] = session_factory(self.engine)
        self.gazetteer = gazetteer or default_gazetteer()
        self.analyzer = Analyzer(self.gazetteer)
        self.pool = AnalysisPool(self.analyzer, workers)
        self.persons: dict[str, int] = {}
        self.topics: dict[str, int] = {}
        self.roles = RoleBook()
        self.prepared = False
        self.seconds = dict.fromkeys(STAGES, 0.0)
        self.progress: list[tuple[int, float]] = []  # (documents stored, run seconds so far)
        self._started = time.perf_counter()

    def prepare(self) -> None:
        """Load the reference data (idempotent) and cache its ids."""
        with transaction(self.sessions) as session:
            sync_gazetteer(session, self.gazetteer)
            self.topics = sync_topics(session)
            self.persons = person_ids(session)
            sync_calendar(session, default_calendar(), self.persons)
            sync_official_sources(session)
            self.roles = role_book(session)
        self.prepared = True

    def _ready(self) -> None:
        if not self.prepared:
            self.prepare()

    def start(self, flow_run_id: str | None = None) -> int:
        self._started = time.perf_counter()
        self.seconds = dict.fromkeys(STAGES, 0.0)
        self.progress = []
        with transaction(self.sessions) as session:
            return start_run(session, EXTRACTOR_VERSION, flow_run_id)

    @staticmethod
    def discover(paths: Iterable[Path]) -> Discovery:
        return discover(paths)

    def record_skipped(self, skipped: list[Skipped], run_id: int | None) -> list[DocumentResult]:
        return [self.record(entry.rejection(), run_id) for entry in skipped]

    def read(self, items: Sequence[Candidate | RawDocument], refresh: str = "incremental") -> Batch:
        """Read the candidates (stored documents come already read) and tell which
        need no work, in one query for the batch."""
        clock = time.perf_counter()
        documents: list[RawDocument | RejectedDocument] = []
        for item in items:
            if isinstance(item, Candidate):
                documents.extend(read_documents(item, max_bytes=self.settings.max_document_bytes))
            else:
                documents.append(item)
        raws = [d for d in documents if isinstance(d, RawDocument)]
        reasons = iter(self.skips(raws, refresh))
        self.seconds["read"] += time.perf_counter() - clock
        return Batch(
            documents, [next(reasons) if isinstance(d, RawDocument) else None for d in documents]
        )

    def skips(self, raws: list[RawDocument], refresh: str = "incremental") -> list[str | None]:
        """Why each document needs no work: ``unchanged`` (same content, loaded by
        this extractor version), ``stale`` (same content, an older extractor, and
        no reprocessing asked for), or None to load it."""
        if refresh not in REFRESH_MODES:
            raise ValueError(f"unknown refresh mode {refresh!r}: use one of {REFRESH_MODES}")
        if refresh == "full_refresh" or not raws:
            return [None] * len(raws)
        with self.sessions() as session:
            return [_skip_reason(v, refresh) for v in loaded_versions(session, raws)]

    def stored_for_refresh(self, refresh: str, seen: set[str]) -> list[RawDocument]:
        """Documents in the database but not in this run's input that the refresh
        mode asks to re-extract, rebuilt from their stored text."""
        if refresh == "incremental":
            return []
        older_than = EXTRACTOR_VERSION if refresh == "reprocess" else None
        with self.sessions() as session:
            return stored_raw_documents(session, older_than=older_than, exclude=seen)

    def analyze(self, batch: Batch) -> Future[list[Analysis | Failure]]:
        """Start analysing the batch's documents that need work (in the pool, or
        here with one worker)."""
        return self.pool.submit(batch.to_analyze(), self.clock())

    def store(
        self,
        batch: Batch,
        pending: Pending | list[Analysis | Failure],
        run_id: int | None,
        refresh: str = "incremental",
    ) -> list[DocumentResult]:
        """Write the batch in document order: rejections recorded, skipped ones
        reported, analysed ones loaded one transaction each."""
        to_analyze = batch.to_analyze()
        analyses = (
            pending
            if isinstance(pending, list)
            else self.pool.results(pending, to_analyze, self.clock())
        )
        for analysis in analyses:
            if isinstance(analysis, Analysis):
                self.seconds["extract"] += analysis.extract_s
                self.seconds["resolve"] += analysis.resolve_s
        analysed = iter(analyses)  # one per document to analyze, in batch order
        results = []
        clock = time.perf_counter()
        for document, reason in zip(batch.documents, batch.skips, strict=True):
            if isinstance(document, RejectedDocument):
                results.append(self.record(document, run_id))
            elif reason is not None:
                results.append(DocumentResult(document.name, reason))
            else:
                results.append(self.store_one(document, next(analysed), run_id, refresh))
        self.seconds["load"] += time.perf_counter() - clock
        done = (self.progress[-1][0] if self.progress else 0) + len(batch.documents)
        self.progress.append((done, time.perf_counter() - self._started))
        return results

    def _record_failure(self, raw: RawDocument, reason: str, run_id: int | None) -> None:
        self._ready()
        rejected = RejectedDocument(raw.name, raw.path, raw.sha256, reason, "failed", raw.meta)
        with transaction(self.sessions) as session:
            record_rejection(session, rejected, run_id, EXTRACTOR_VERSION, self.roles)

    def store_one(
        self,
        raw: RawDocument,
        analysis: Analysis | Failure,
        run_id: int | None,
        refresh: str = "incremental",
    ) -> DocumentResult:
        """Write one document's facts in one transaction, or record its failure.
        A concurrent run may have loaded the same content meanwhile: checked again
        under the write lock, so it is not loaded twice."""
        if isinstance(analysis, Failure):
            reason = redact_text(analysis.reason, self.settings.database_url)
            self._record_failure(raw, reason, run_id)
            return DocumentResult(raw.name, "failed", reason)
        self._ready()
        try:
            with transaction(self.sessions) as session:
                adopt_legacy_name(session, raw.name, raw.path)
                current = loaded_version(session, raw) == EXTRACTOR_VERSION
                if current and refresh != "full_refresh":
                    return DocumentResult(raw.name, "unchanged")
                counts = load_document(
                    session,
                    raw,
                    analysis.extraction,
                    analysis.resolved,
                    persons=dict(self.persons),
                    topics=self.topics,
                    roles=self.roles,
                    run_id=run_id,
                    version=EXTRACTOR_VERSION,
                )
        except DatabaseBusy:
            raise  # not this document's fault: stop the run with the reason
        except Exception as error:  # the transaction rolled back; record and go on
            self.roles.settled.clear()  # what it brought to a date is undone too
            reason = _one_line(error, self.settings)
            log.warning("document %s failed: %s", raw.name, reason)
            self._record_failure(raw, reason, run_id)
            return DocumentResult(raw.name, "failed", reason)
        warning = "; ".join(raw.warnings) or None
        return DocumentResult(
            raw.name, "loaded", warning, counts.statements, counts.meetings, counts.outcomes
        )

    def record(self, rejected: RejectedDocument, run_id: int | None) -> DocumentResult:
        self._ready()
        with transaction(self.sessions) as session:
            adopt_legacy_name(session, rejected.name, rejected.path)
            kept = record_rejection(session, rejected, run_id, EXTRACTOR_VERSION, self.roles)
        reason = (
            f"{rejected.reason}; the stored text and facts are kept" if kept else rejected.reason
        )
        return DocumentResult(rejected.name, rejected.status, reason)

    def finish(self, run_id: int, results: list[DocumentResult], problems: list[str]) -> RunReport:
        clock = time.perf_counter()
        report = RunReport(run_id, "running", results, problems)
        with transaction(self.sessions) as session:
            decide_pending(session, run_id)
            report.status = finish_run(session, run_id, report.run_counts)
            report.counts = table_counts(session)
            report.stale = stale_count(session, EXTRACTOR_VERSION)
            report.checks = run_checks(session.connection(), run_id=run_id)
            record_checks(session, run_id, report.checks)
        self.seconds["checks"] += time.perf_counter() - clock
        return report

    def run(
        self,
        paths: Iterable[Path],
        flow_run_id: str | None = None,
        refresh: str = "incremental",
        batch_size: int = BATCH_SIZE,
    ) -> RunReport:
        """Everything in this process: what ``etl load`` does."""
        return orchestrate(
            self,
            paths,
            flow_run_id=flow_run_id,
            refresh=refresh,
            batch_size=batch_size,
            window=self.pool.workers,
        )

    def close(self) -> None:
        self.pool.close()
        self.engine.dispose()


def decide_pending(session: Session, run_id: int | None = None) -> int:
    """The derived facts of the meetings marked pending (their sources were
    written or cleared, by this run or by one that stopped before its end):
    quote groups, then every fact's confidence, decided again from all their
    sources, a few hundred meetings at a time; every meeting when the
    confidence model or its data changed since the last run that decided.
    Returns the facts decided."""
    model = default_model()
    decided = 0
    fingerprint = model_fingerprint()
    if last_model(session) != fingerprint:  # every confidence, not the quote groups
        every = every_meeting(session)
        for start in range(0, len(every), QUOTE_CHUNK):
            chunk = every[start : start + QUOTE_CHUNK]
            write_confidences(session, model, evidence_of_meetings(session, chunk))
        forget_unplaced_confidences(session)
    if run_id is not None:
        record_model(session, run_id, fingerprint)
    meetings = sorted(set(pending_meetings(session)) | set(meetings_of_stray_checks(session)))
    for start in range(0, len(meetings), QUOTE_CHUNK):
        chunk = meetings[start : start + QUOTE_CHUNK]
        replace_quote_checks(session, chunk, check_quotes(quote_sources(session, chunk)))
        decided += write_confidences(session, model, evidence_of_meetings(session, chunk))
    settle_pending(session, meetings)
    return decided + write_confidences(session, model, evidence_of_unplaced_statements(session))
