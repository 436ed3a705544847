"""The statements quote checks compare, read for a set of meetings."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from etl.db.models import Document, MeetingPending, Person, Statement
from etl.resolve.quote_checks import QuoteSource, source_rank


def pending_meetings(session: Session) -> list[int]:
    """The meetings marked for their quote groups to be decided again."""
    return sorted(session.scalars(select(MeetingPending.meeting_id)))


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
