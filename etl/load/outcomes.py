"""Outcomes into the database: each document's outcome mentions matched to its
meetings' stored outcomes (one row per outcome however many sources report it),
with what each source says of it; an outcome is agreed when any source says so."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exists, select, update
from sqlalchemy.orm import Session

from etl.db.models import Outcome, OutcomeMention
from etl.load.upsert import lookup
from etl.resolve.document import ResolvedDocument
from etl.resolve.outcomes import outcome_key, prefer_description, same_outcome

CHUNK = 500  # meetings per statement: PostgreSQL takes at most 65,535 parameters


@dataclass(frozen=True)
class StoredOutcome:
    """An outcome row seen through the fields outcome matching compares."""

    id: int
    description: str
    category: str
    topic: str | None

    @classmethod
    def of(cls, row: Outcome, slugs: dict[int, str]) -> StoredOutcome:
        topic = slugs.get(row.topic_id) if row.topic_id is not None else None
        return cls(row.id, row.description, row.category, topic)


def write_outcomes(
    session: Session,
    resolved: ResolvedDocument,
    document_id: int,
    meeting_ids: list[int],
    topics: dict[str, int],
    version: str,
) -> int:
    written = 0
    agreed: set[int] = set()
    slugs = {id_: slug for slug, id_ in topics.items()}
    for item in resolved.outcomes:
        record = item.record
        meeting_id = meeting_ids[item.meeting]
        existing = session.scalars(select(Outcome).where(Outcome.meeting_id == meeting_id)).all()
        match = next(
            (o for o in existing if same_outcome(StoredOutcome.of(o, slugs), record)), None
        )
        if match is None:
            outcome_id = lookup(
                session,
                Outcome.__table__,  # type: ignore[arg-type]
                {
                    "meeting_id": meeting_id,
                    "outcome_key": outcome_key(record.description, record.category),
                },
                {
                    "description": record.description,
                    "category": record.category,
                    "status": record.status,
                    "topic_id": topics.get(record.topic) if record.topic else None,
                },
            )
            written += 1
        else:
            outcome_id = match.id
            if prefer_description(match.description, record.description):
                session.execute(
                    update(Outcome)
                    .where(Outcome.id == outcome_id)
                    .values(description=record.description)
                )
        lookup(
            session,
            OutcomeMention.__table__,  # type: ignore[arg-type]
            {
                "outcome_id": outcome_id,
                "document_id": document_id,
                "char_start": record.start,
                "char_end": record.end,
            },
            {"extractor_version": version, "reported_status": record.status},
        )
        if record.status == "agreed":
            agreed.add(outcome_id)
    if agreed:  # a source that says agreed makes it agreed (discussed changes nothing)
        session.execute(
            update(Outcome)
            .where(Outcome.id.in_(sorted(agreed)), Outcome.status != "agreed")
            .values(status="agreed"),
            execution_options={"synchronize_session": False},
        )
    return written


def settle_outcome_statuses(session: Session, outcome_ids: set[int]) -> None:
    """These outcomes (that lost a source) are agreed when a source left says
    so, else discussed: whatever order their sources came and went in."""
    agreed = exists().where(
        OutcomeMention.outcome_id == Outcome.id, OutcomeMention.reported_status == "agreed"
    )
    ids = sorted(outcome_ids)
    for start in range(0, len(ids), CHUNK):
        chosen = Outcome.id.in_(ids[start : start + CHUNK])
        session.execute(
            update(Outcome).where(chosen, agreed).values(status="agreed"),
            execution_options={"synchronize_session": False},
        )
        session.execute(
            update(Outcome).where(chosen, ~agreed).values(status="discussed"),
            execution_options={"synchronize_session": False},
        )
