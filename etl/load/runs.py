"""Ingestion runs: when, how many documents, how it ended, which Prefect flow run."""

from __future__ import annotations

import datetime as dt
import os
import socket
from dataclasses import dataclass

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session

from etl.db.checks import CheckResult
from etl.db.models import (
    CheckResultRecord,
    Document,
    IngestionRun,
    Meeting,
    MeetingParticipant,
    Outcome,
    Person,
    PersonMentionRecord,
    ReadFailure,
    Statement,
)


def _process_gone(run: IngestionRun) -> bool:
    """Whether a run's process has ended without finishing it (known only on
    the host that ran it)."""
    if run.pid is None or run.host != socket.gethostname():
        return False
    try:
        os.kill(run.pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def interrupted(run: IngestionRun) -> bool:
    return run.status == "interrupted" or (run.status == "running" and _process_gone(run))


def start_run(session: Session, version: str, flow_run_id: str | None = None) -> int:
    """A new run; runs left ``running`` by a process that is gone (killed, or a
    machine that stopped) are marked ``interrupted`` first."""
    for stale in session.scalars(select(IngestionRun).where(IngestionRun.status == "running")):
        if _process_gone(stale):
            stale.status = "interrupted"
    run = IngestionRun(
        status="running",
        extractor_version=version,
        flow_run_id=flow_run_id,
        host=socket.gethostname(),
        pid=os.getpid(),
    )
    session.add(run)
    session.flush()
    return run.id


@dataclass(frozen=True)
class RunCounts:
    """How a run's documents ended; the same words in run summaries and ``etl status``."""

    loaded: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0

    @property
    def seen(self) -> int:
        return self.loaded + self.unchanged + self.skipped + self.failed

    def describe(self) -> str:
        return (
            f"{self.seen} seen: {self.loaded} loaded, {self.unchanged} unchanged, "
            f"{self.skipped} skipped, {self.failed} failed"
        )


def rows_line(counts: dict[str, int]) -> str:
    return "rows: " + ", ".join(f"{k} {v}" for k, v in counts.items())


def finish_run(session: Session, run_id: int, counts: RunCounts) -> str:
    run = session.get(IngestionRun, run_id)
    if run is None:
        raise LookupError(f"no ingestion run {run_id}")
    run.documents_seen, run.documents_loaded = counts.seen, counts.loaded
    run.documents_unchanged, run.documents_skipped = counts.unchanged, counts.skipped
    run.documents_failed = counts.failed
    failed = counts.failed
    run.status = "partial" if failed else "succeeded"
    run.finished_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return run.status


def table_counts(session: Session) -> dict[str, int]:
    """Headline counts for run summaries and ``etl status``. Persons are those the
    documents name (the rows of ``v_persons``), not the whole reference gazetteer:
    counted by index lookups, not by building the view's per-person figures."""
    named = or_(
        exists().where(PersonMentionRecord.person_id == Person.id),
        exists().where(MeetingParticipant.person_id == Person.id),
        exists().where(Statement.speaker_id == Person.id),
    )
    participants = select(func.count()).select_from(
        select(MeetingParticipant.meeting_id, MeetingParticipant.person_id).distinct().subquery()
    )
    return {
        "documents": session.scalar(select(func.count()).select_from(Document)) or 0,
        "persons": session.scalar(select(func.count()).select_from(Person).where(named)) or 0,
        "meetings": session.scalar(select(func.count()).select_from(Meeting)) or 0,
        "participants": session.scalar(participants) or 0,
        "statements": session.scalar(select(func.count()).select_from(Statement)) or 0,
        "outcomes": session.scalar(select(func.count()).select_from(Outcome)) or 0,
    }


def documents_by_status(session: Session) -> list[tuple[str, str, str | None]]:
    rows = session.execute(
        select(Document.name, Document.status, Document.error).order_by(
            Document.status, Document.name
        )
    )
    return [(name, status, error) for name, status, error in rows]


def last_run(session: Session) -> str | None:
    run = session.scalars(select(IngestionRun).order_by(IngestionRun.id.desc()).limit(1)).first()
    if run is None:
        return None
    started = f"started {run.started_at:%Y-%m-%d %H:%M:%S}"
    if interrupted(run):
        return f"{run.id} interrupted (its process ended) {started}"
    counts = RunCounts(
        run.documents_loaded, run.documents_unchanged, run.documents_skipped, run.documents_failed
    )
    return f"{run.id} {run.status} {started}: {counts.describe()}"


def read_failures(session: Session, run_id: int) -> list[tuple[str, str]]:
    rows = session.execute(
        select(Document.name, ReadFailure.reason)
        .join(Document, Document.id == ReadFailure.document_id)
        .where(ReadFailure.run_id == run_id)
        .order_by(Document.name)
    )
    return [(name, reason) for name, reason in rows]


def record_checks(session: Session, run_id: int, results: list[CheckResult]) -> None:
    for result in results:
        record = CheckResultRecord(run_id=run_id, name=result.name, violations=result.violations)
        session.add(record)


def last_checks(session: Session) -> tuple[int, dict[str, int]] | None:
    """The checks of the newest run that ran them: (run id, violations by check)."""
    run_id = session.scalar(select(func.max(CheckResultRecord.run_id)))
    if run_id is None:
        return None
    rows = session.execute(
        select(CheckResultRecord.name, CheckResultRecord.violations)
        .where(CheckResultRecord.run_id == run_id)
        .order_by(CheckResultRecord.name)
    )
    return run_id, {name: violations for name, violations in rows}


def status_lines(session: Session) -> list[str]:
    """What ``etl status`` prints: the last run, documents by status with the
    reason of each failure, row counts, and the checks of the last run."""
    lines = []
    latest = last_run(session)
    if latest is not None:
        lines.append(f"last run {latest}")
        run_id = session.scalar(select(func.max(IngestionRun.id)))
        lines += [
            f"  not read this run, stored text and facts kept: {name}: {reason}"
            for name, reason in read_failures(session, run_id or 0)
        ]
    documents = documents_by_status(session)
    by_status: dict[str, int] = {}
    for _, state, _ in documents:
        by_status[state] = by_status.get(state, 0) + 1
    lines.append("documents: " + (", ".join(f"{k} {v}" for k, v in by_status.items()) or "none"))
    lines += [f"  {state}: {name}: {error}" for name, state, error in documents if error]
    lines.append(rows_line(table_counts(session)))
    checks = last_checks(session)
    if checks is not None:
        run_id, violations = checks
        failed = {name: n for name, n in violations.items() if n}
        lines.append(
            f"checks (run {run_id}): {len(violations) - len(failed)} of {len(violations)} passed"
            + "".join(f"; {name}: {n} violation(s)" for name, n in failed.items())
        )
    return lines
