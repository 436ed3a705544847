"""Confidences into the database: each fact's ``confidence`` column updated in
bulk (one executemany per fact kind), so deciding again gives the same values."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from etl.db.models import IngestionRun, Meeting, MeetingPerson, Outcome, Statement
from etl.resolve.confidence import (
    Evidence,
    MeetingEvidence,
    Model,
    OutcomeEvidence,
    ParticipantEvidence,
    SpeakerEvidence,
)


def _key(evidence: Evidence) -> tuple[type[Any], dict[str, int]]:
    if isinstance(evidence, MeetingEvidence):
        return Meeting, {"id": evidence.meeting_id}
    if isinstance(evidence, ParticipantEvidence):
        return MeetingPerson, {"meeting_id": evidence.meeting_id, "person_id": evidence.person_id}
    if isinstance(evidence, SpeakerEvidence):
        return Statement, {"id": evidence.statement_id}
    assert isinstance(evidence, OutcomeEvidence)
    return Outcome, {"id": evidence.outcome_id}


def forget_unplaced_confidences(session: Session) -> None:
    """Every unplaced statement's confidence cleared, to be decided again (the
    model or its data changed)."""
    session.execute(
        update(Statement).where(Statement.meeting_id.is_(None)).values(confidence=None),
        execution_options={"synchronize_session": False},
    )


def record_model(session: Session, run_id: int, fingerprint: str) -> None:
    session.execute(
        update(IngestionRun).where(IngestionRun.id == run_id).values(confidence_model=fingerprint)
    )


def write_confidences(session: Session, model: Model, evidence: Iterable[Evidence]) -> int:
    rows: dict[type[Any], list[dict[str, Any]]] = {}
    for item in evidence:
        table, key = _key(item)
        rows.setdefault(table, []).append({**key, "confidence": model.confidence(item)})
    for table, values in rows.items():
        session.execute(update(table), values)
    return sum(len(values) for values in rows.values())
