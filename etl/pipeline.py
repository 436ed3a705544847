"""The stages composed: discover → read → extract → resolve → load, one
transaction per document. The Prefect flow wraps these methods as tasks; the CLI's
``etl load`` calls them directly so a one-off load needs no orchestration server."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from etl.db.checks import CheckResult, run_checks
from etl.db.migrate import ensure_schema
from etl.db.session import DatabaseBusy, make_engine, session_factory, transaction
from etl.extract import EXTRACTOR_VERSION
from etl.extract.pipeline import extract
from etl.extract.records import Extraction
from etl.ingest.discover import Candidate, Discovery, discover, read_documents
from etl.ingest.records import RawDocument, RejectedDocument
from etl.load.documents import load_document, record_rejection
from etl.load.reference import person_ids, role_book, sync_gazetteer, sync_topics
from etl.load.runs import RunCounts, finish_run, record_checks, start_run, table_counts
from etl.load.stored import (
    adopt_legacy_name,
    loaded_version,
    stale_count,
    stored_raw_documents,
)
from etl.resolve.document import ResolvedDocument, resolve_document
from etl.resolve.gazetteer import Gazetteer, default_gazetteer
from etl.resolve.persons import PersonResolver
from etl.resolve.titles import RoleBook
from etl.settings import Settings, redact_text

log = logging.getLogger(__name__)

REFRESH_MODES = ("incremental", "reprocess", "full_refresh")
"""``incremental`` loads new and changed documents and counts stale ones;
``reprocess`` also re-extracts documents loaded by another extractor version;
``full_refresh`` re-extracts every document."""


@dataclass(frozen=True)
class DocumentResult:
    name: str
    status: str  # loaded | unchanged | stale | skipped | failed
    reason: str | None = None
    statements: int = 0
    meetings: int = 0
    outcomes: int = 0


@dataclass(frozen=True)
class Analysis:
    extraction: Extraction
    resolved: ResolvedDocument


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


def _one_line(error: BaseException, settings: Settings) -> str:
    text = f"{type(error).__name__}: {error}".splitlines()[0][:500]
    return redact_text(text, settings.database_url)


class Pipeline:
    def __init__(
        self,
        settings: Settings,
        gazetteer: Gazetteer | None = None,
        clock: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        """``clock`` gives the day a run resolves dates without a year against."""
        self.settings = settings
        self.clock = clock
        self.engine = make_engine(
            settings.database_url, busy_timeout_s=settings.sqlite_busy_timeout_s
        )
        self.migrated = ensure_schema(self.engine)
        self.sessions: sessionmaker[Session] = session_factory(self.engine)
        self.gazetteer = gazetteer or default_gazetteer()
        self.resolver = PersonResolver(self.gazetteer)
        self.names = self.gazetteer.name_patterns()
        self.persons: dict[str, int] = {}
        self.topics: dict[str, int] = {}
        self.roles = RoleBook()
        self.prepared = False

    def prepare(self) -> None:
        """Load the reference data (idempotent) and cache its ids."""
        with transaction(self.sessions) as session:
            sync_gazetteer(session, self.gazetteer)
            self.topics = sync_topics(session)
            self.persons = person_ids(session)
            self.roles = role_book(session)
        self.prepared = True

    def start(self, flow_run_id: str | None = None) -> int:
        with transaction(self.sessions) as session:
            return start_run(session, EXTRACTOR_VERSION, flow_run_id)

    @staticmethod
    def discover(paths: Iterable[Path]) -> Discovery:
        return discover(paths)

    def read(self, candidate: Candidate) -> list[RawDocument | RejectedDocument]:
        return read_documents(candidate, max_bytes=self.settings.max_document_bytes)

    def skip(self, raw: RawDocument, refresh: str = "incremental") -> str | None:
        """Why this document needs no work: ``unchanged`` (same content, loaded by
        this extractor version), ``stale`` (same content, an older extractor, and
        no reprocessing asked for), or None to load it."""
        if refresh not in REFRESH_MODES:
            raise ValueError(f"unknown refresh mode {refresh!r}: use one of {REFRESH_MODES}")
        if refresh == "full_refresh":
            return None
        with self.sessions() as session:
            version = loaded_version(session, raw)
        if version is None:
            return None
        if version == EXTRACTOR_VERSION:
            return "unchanged"
        return "stale" if refresh == "incremental" else None

    def stored_for_refresh(self, refresh: str, seen: set[str]) -> list[RawDocument]:
        """Documents in the database but not in this run's input that the refresh
        mode asks to re-extract, rebuilt from their stored text."""
        if refresh == "incremental":
            return []
        older_than = EXTRACTOR_VERSION if refresh == "reprocess" else None
        with self.sessions() as session:
            return stored_raw_documents(session, older_than=older_than, exclude=seen)

    def _record_failure(self, raw: RawDocument, reason: str, run_id: int | None) -> None:
        if not self.prepared:
            self.prepare()
        rejected = RejectedDocument(raw.name, raw.path, raw.sha256, reason, "failed", raw.meta)
        with transaction(self.sessions) as session:
            record_rejection(session, rejected, run_id, EXTRACTOR_VERSION, self.roles)

    def analyze(self, raw: RawDocument) -> Analysis | DocumentResult:
        """Extract and resolve (pure, no database writes); a failure comes back
        as a failed result instead of an exception."""
        try:
            extraction = extract(raw.text, names=self.names, published=raw.meta.published)
            resolved = resolve_document(extraction, self.resolver, today=self.clock())
            return Analysis(extraction, resolved)
        except Exception as error:  # one bad document must not stop the run
            return DocumentResult(raw.name, "failed", _one_line(error, self.settings))

    def store(
        self,
        raw: RawDocument,
        analysis: Analysis | DocumentResult,
        run_id: int | None,
        refresh: str = "incremental",
    ) -> DocumentResult:
        """Write one document's facts in one transaction, or record its failure.
        A concurrent run may have loaded the same content meanwhile: checked again
        under the write lock, so it is not loaded twice."""
        if isinstance(analysis, DocumentResult):
            self._record_failure(raw, analysis.reason or "failed", run_id)
            return analysis
        if not self.prepared:
            self.prepare()
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
            reason = _one_line(error, self.settings)
            log.warning("document %s failed: %s", raw.name, reason)
            self._record_failure(raw, reason, run_id)
            return DocumentResult(raw.name, "failed", reason)
        warning = "; ".join(raw.warnings) or None
        return DocumentResult(
            raw.name, "loaded", warning, counts.statements, counts.meetings, counts.outcomes
        )

    def record(self, rejected: RejectedDocument, run_id: int | None) -> DocumentResult:
        if not self.prepared:
            self.prepare()
        with transaction(self.sessions) as session:
            adopt_legacy_name(session, rejected.name, rejected.path)
            kept = record_rejection(session, rejected, run_id, EXTRACTOR_VERSION, self.roles)
        reason = (
            f"{rejected.reason}; the stored text and facts are kept" if kept else rejected.reason
        )
        return DocumentResult(rejected.name, rejected.status, reason)

    def process(
        self,
        document: RawDocument | RejectedDocument,
        run_id: int | None,
        refresh: str = "incremental",
    ) -> DocumentResult:
        if isinstance(document, RejectedDocument):
            return self.record(document, run_id)
        reason = self.skip(document, refresh)
        if reason is not None:
            return DocumentResult(document.name, reason)
        return self.store(document, self.analyze(document), run_id, refresh)

    def finish(self, run_id: int, results: list[DocumentResult], problems: list[str]) -> RunReport:
        report = RunReport(run_id, "running", results, problems)
        with transaction(self.sessions) as session:
            report.status = finish_run(session, run_id, report.run_counts)
            report.counts = table_counts(session)
            report.stale = stale_count(session, EXTRACTOR_VERSION)
            report.checks = run_checks(session.connection())
            record_checks(session, run_id, report.checks)
        return report

    def run(
        self,
        paths: Iterable[Path],
        flow_run_id: str | None = None,
        refresh: str = "incremental",
    ) -> RunReport:
        """Everything in this process: what ``etl load`` does."""
        self.prepare()
        run_id = self.start(flow_run_id)
        found = self.discover(paths)
        results = [self.record(skipped.rejection(), run_id) for skipped in found.skipped]
        results += [
            self.process(document, run_id, refresh)
            for candidate in found.candidates
            for document in self.read(candidate)
        ]
        seen = {r.name for r in results}
        for stored in self.stored_for_refresh(refresh, seen):
            results.append(self.process(stored, run_id, refresh))
        return self.finish(run_id, results, found.problems)

    def close(self) -> None:
        self.engine.dispose()


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
