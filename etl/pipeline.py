"""The stages composed: discover → read → extract → resolve → load, one
transaction per document. The Prefect flow wraps these methods as tasks; the CLI's
``etl load`` calls them directly so a one-off load needs no orchestration server."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from etl.db.migrate import ensure_schema
from etl.db.session import make_engine, session_factory, transaction
from etl.extract import EXTRACTOR_VERSION
from etl.extract.pipeline import extract
from etl.extract.records import Extraction
from etl.ingest.discover import Candidate, Discovery, discover, read_document
from etl.ingest.records import RawDocument, RejectedDocument
from etl.load.documents import load_document, record_rejection, stored_document
from etl.load.reference import person_ids, sync_gazetteer, sync_topics
from etl.load.runs import finish_run, start_run, table_counts
from etl.resolve.document import ResolvedDocument, resolve_document
from etl.resolve.gazetteer import Gazetteer, default_gazetteer
from etl.resolve.persons import PersonResolver
from etl.settings import Settings, redact_text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DocumentResult:
    name: str
    status: str  # loaded | unchanged | skipped | failed
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

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def failures(self) -> list[DocumentResult]:
        return [r for r in self.results if r.status == "failed"]


def _one_line(error: BaseException, settings: Settings) -> str:
    text = f"{type(error).__name__}: {error}".splitlines()[0][:500]
    return redact_text(text, settings.database_url)


class Pipeline:
    def __init__(self, settings: Settings, gazetteer: Gazetteer | None = None) -> None:
        self.settings = settings
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

    def prepare(self) -> None:
        """Load the reference data (idempotent) and cache its ids."""
        with transaction(self.sessions) as session:
            sync_gazetteer(session, self.gazetteer)
            self.topics = sync_topics(session)
            self.persons = person_ids(session)

    def start(self, flow_run_id: str | None = None) -> int:
        with transaction(self.sessions) as session:
            return start_run(session, EXTRACTOR_VERSION, flow_run_id)

    @staticmethod
    def discover(paths: Iterable[Path]) -> Discovery:
        return discover(paths)

    def read(self, candidate: Candidate) -> RawDocument | RejectedDocument:
        return read_document(candidate, max_bytes=self.settings.max_document_bytes)

    def unchanged(self, raw: RawDocument) -> bool:
        """Same content, loaded by this extractor version: nothing to do."""
        with self.sessions() as session:
            stored = stored_document(session, raw.name)
            return (
                stored is not None
                and stored.sha256 == raw.sha256
                and stored.status == "loaded"
                and stored.extractor_version == EXTRACTOR_VERSION
            )

    def _record_failure(self, raw: RawDocument, reason: str, run_id: int | None) -> None:
        rejected = RejectedDocument(raw.name, raw.path, raw.sha256, reason, "failed", raw.meta)
        with transaction(self.sessions) as session:
            record_rejection(session, rejected, run_id, EXTRACTOR_VERSION)

    def analyze(self, raw: RawDocument) -> Analysis | DocumentResult:
        """Extract and resolve (pure, no database writes); a failure comes back
        as a failed result instead of an exception."""
        try:
            extraction = extract(raw.text, names=self.names, published=raw.meta.published)
            return Analysis(extraction, resolve_document(extraction, self.resolver))
        except Exception as error:  # one bad document must not stop the run
            return DocumentResult(raw.name, "failed", _one_line(error, self.settings))

    def store(
        self, raw: RawDocument, analysis: Analysis | DocumentResult, run_id: int | None
    ) -> DocumentResult:
        """Write one document's facts in one transaction, or record its failure."""
        if isinstance(analysis, DocumentResult):
            self._record_failure(raw, analysis.reason or "failed", run_id)
            return analysis
        if not self.persons:
            self.prepare()
        try:
            with transaction(self.sessions) as session:
                counts = load_document(
                    session,
                    raw,
                    analysis.extraction,
                    analysis.resolved,
                    persons=dict(self.persons),
                    topics=self.topics,
                    run_id=run_id,
                    version=EXTRACTOR_VERSION,
                )
        except Exception as error:  # the transaction rolled back; record and go on
            reason = _one_line(error, self.settings)
            log.warning("document %s failed: %s", raw.name, reason)
            self._record_failure(raw, reason, run_id)
            return DocumentResult(raw.name, "failed", reason)
        return DocumentResult(
            raw.name, "loaded", None, counts.statements, counts.meetings, counts.outcomes
        )

    def record(self, rejected: RejectedDocument, run_id: int | None) -> DocumentResult:
        with transaction(self.sessions) as session:
            record_rejection(session, rejected, run_id, EXTRACTOR_VERSION)
        return DocumentResult(rejected.name, rejected.status, rejected.reason)

    def process(
        self, document: RawDocument | RejectedDocument, run_id: int | None
    ) -> DocumentResult:
        if isinstance(document, RejectedDocument):
            return self.record(document, run_id)
        if self.unchanged(document):
            return DocumentResult(document.name, "unchanged")
        return self.store(document, self.analyze(document), run_id)

    def finish(self, run_id: int, results: list[DocumentResult], problems: list[str]) -> RunReport:
        with transaction(self.sessions) as session:
            status = finish_run(
                session,
                run_id,
                seen=len(results),
                loaded=sum(r.status == "loaded" for r in results),
                skipped=sum(r.status in ("skipped", "unchanged") for r in results),
                failed=sum(r.status == "failed" for r in results),
            )
            counts = table_counts(session)
        return RunReport(run_id, status, results, problems, counts)

    def run(self, paths: Iterable[Path], flow_run_id: str | None = None) -> RunReport:
        """Everything in this process: what ``etl load`` does."""
        self.prepare()
        run_id = self.start(flow_run_id)
        found = self.discover(paths)
        results = [self.process(self.read(c), run_id) for c in found.candidates]
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
