"""Confidences into the database: each fact's ``confidence`` column updated in
bulk (one executemany per fact kind), so deciding again gives the same values."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from etl.db.models import IngestionRun, Meeting, MeetingPerson, Outcome, Statement
from etl.resolve.confidence import Evidence, Model, fact_key

# each fact kind's table and the columns its ids name (etl.resolve.confidence.fact_key)
TABLES: dict[str, tuple[type[Any], tuple[str, ...]]] = {
    "meeting": (Meeting, ("id",)),
    "participant": (MeetingPerson, ("meeting_id", "person_id")),
    "speaker": (Statement, ("id",)),
    "outcome": (Outcome, ("id",)),
}


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
        kind, ids = fact_key(item)
        table, columns = TABLES[kind]
        row = dict(zip(columns, ids, strict=True))
        rows.setdefault(table, []).append({**row, "confidence": model.confidence(item)})
    for table, values in rows.items():
        session.execute(update(table), values)
    return sum(len(values) for values in rows.values())
