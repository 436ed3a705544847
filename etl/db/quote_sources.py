"""The statements quote checks compare, read for a set of meetings."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from etl.db.models import Document, Person, QuoteCheck, Statement
from etl.resolve.quote_checks import QuoteSource, source_rank


def meetings_written_by(session: Session, run_id: int) -> list[int]:
    """The meetings with statements of documents this run wrote."""
    query = (
        select(Statement.meeting_id)
        .join(Document, Document.id == Statement.document_id)
        .where(Document.run_id == run_id, Statement.meeting_id.is_not(None))
        .distinct()
    )
    return sorted(m for m in session.scalars(query) if m is not None)


def meetings_with_broken_groups(session: Session) -> list[int]:
    """Meetings with a quote group now reported by fewer than two documents (a
    source was re-extracted or removed): their groups are decided again."""
    query = (
        select(Statement.meeting_id)
        .join(QuoteCheck, QuoteCheck.statement_id == Statement.id)
        .group_by(QuoteCheck.group_id, Statement.meeting_id)
        .having(func.count(distinct(Statement.document_id)) < 2)
    )
    return sorted({m for m in session.scalars(query) if m is not None})


def quote_sources(session: Session, meeting_ids: Iterable[int]) -> list[QuoteSource]:
    ids = sorted(set(meeting_ids))
    if not ids:
        return []
    query = (
        select(
            Statement.id,
            Statement.meeting_id,
            Statement.document_id,
            Statement.speaker_id,
            Person.country,
            Statement.kind,
            Statement.text,
            Document.url,
            Document.outlet,
            Document.published_date,
        )
        .join(Document, Document.id == Statement.document_id)
        .outerjoin(Person, Person.id == Statement.speaker_id)
        .where(Statement.meeting_id.in_(ids))
        .order_by(Statement.id)
    )
    return [
        QuoteSource(
            statement_id=row.id,
            meeting_id=row.meeting_id,
            document_id=row.document_id,
            speaker_id=row.speaker_id,
            side=row.country,
            kind=row.kind,
            text=row.text,
            rank=source_rank(row.kind, row.url, row.outlet),
            published=row.published_date,
        )
        for row in session.execute(query)
    ]
