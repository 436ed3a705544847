"""One document's row and facts. A changed document's old facts are removed and
the new ones written in the same transaction, so readers see all or nothing."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, exists, select, union
from sqlalchemy.orm import Session

from etl.db.models import (
    DateConflictRecord,
    Document,
    Meeting,
    MeetingMention,
    MeetingParticipant,
    MeetingPending,
    Outcome,
    OutcomeMention,
    Person,
    PersonMentionRecord,
    ReadFailure,
    Statement,
    StatementTopic,
)
from etl.db.stored_meetings import MeetingsInDatabase
from etl.extract.records import Extraction
from etl.ingest.discover import printable
from etl.ingest.records import RawDocument, RejectedDocument
from etl.load.meetings import attach_meeting, refresh_meeting
from etl.load.outcomes import settle_outcome_statuses, write_outcomes
from etl.load.reference import add_alias
from etl.load.stored import stored_document
from etl.load.upsert import insert_many, lookup, upsert
from etl.resolve.document import ResolvedDocument
from etl.resolve.stored import match_meeting
from etl.resolve.titles import RoleBook

DOCUMENT_FIELDS = (
    "source_path", "sha256", "title", "outlet", "author", "url", "published_date",
    "language", "text", "text_length", "status", "error", "extractor_version", "run_id",
)  # fmt: skip


@dataclass(frozen=True)
class LoadCounts:
    statements: int
    meetings: int
    outcomes: int


def _write_document(session: Session, values: dict[str, object]) -> int:
    return upsert(
        session,
        Document.__table__,  # type: ignore[arg-type]
        values,
        conflict=["name"],
        update=DOCUMENT_FIELDS,
    )


def clear_facts(session: Session, document_id: int, roles: RoleBook) -> None:
    """Remove a document's facts; meetings and outcomes that lose their last
    source go too, the others are recomputed from the sources left."""
    touched = set(
        session.scalars(
            select(MeetingMention.meeting_id).where(MeetingMention.document_id == document_id)
        )
    ) | set(
        session.scalars(
            select(MeetingParticipant.meeting_id).where(
                MeetingParticipant.document_id == document_id
            )
        )
    )
    reported = select(OutcomeMention.outcome_id).where(OutcomeMention.document_id == document_id)
    losing = set(session.scalars(reported))  # outcomes that lose this source
    mark_meetings_pending(session, document_id)  # they lose a source
    for model in (
        Statement,
        DateConflictRecord,
        MeetingParticipant,
        MeetingMention,
        OutcomeMention,
        PersonMentionRecord,
    ):
        session.execute(delete(model).where(model.document_id == document_id))
    orphan_outcomes = ~exists().where(OutcomeMention.outcome_id == Outcome.id)
    session.execute(delete(Outcome).where(orphan_outcomes))
    settle_outcome_statuses(session, losing)
    for meeting_id in touched:
        refresh_meeting(session, meeting_id, roles)
    orphan_meetings = ~exists().where(MeetingMention.meeting_id == Meeting.id)
    session.execute(delete(Meeting).where(orphan_meetings))


def record_rejection(
    session: Session,
    rejected: RejectedDocument,
    run_id: int | None,
    version: str,
    roles: RoleBook,
) -> bool:
    """Record why a document was not loaded. A loaded document whose file could
    not be read at all this time (no content, so no hash) keeps its text and
    facts: the failure is recorded beside it. True when it was kept."""
    existing = stored_document(session, rejected.name)
    if existing is not None and existing.status == "loaded" and not rejected.sha256:
        if run_id is not None:
            session.add(ReadFailure(run_id=run_id, document_id=existing.id, reason=rejected.reason))
        return True
    if existing is not None:
        clear_facts(session, existing.id, roles)
    meta = rejected.meta
    _write_document(
        session,
        {
            "name": rejected.name,
            "source_path": printable(str(rejected.path)),
            "sha256": rejected.sha256,
            "title": meta.title,
            "outlet": meta.outlet,
            "author": meta.author,
            "url": meta.url,
            "published_date": meta.published,
            "language": meta.language,
            "text": None,
            "text_length": None,
            "status": rejected.status,
            "error": rejected.reason,
            "extractor_version": version,
            "run_id": run_id,
        },
    )
    return False


def load_document(
    session: Session,
    raw: RawDocument,
    extraction: Extraction,
    resolved: ResolvedDocument,
    *,
    persons: dict[str, int],
    topics: dict[str, int],
    roles: RoleBook,
    run_id: int | None,
    version: str,
) -> LoadCounts:
    existing = stored_document(session, raw.name)
    if existing is not None:
        clear_facts(session, existing.id, roles)
    meta = raw.meta
    document_id = _write_document(
        session,
        {
            "name": raw.name,
            "source_path": printable(str(raw.path)),
            "sha256": raw.sha256,
            "title": meta.title,
            "outlet": meta.outlet,
            "author": meta.author,
            "url": meta.url,
            "published_date": meta.published or extraction.reference_date,
            "language": meta.language or extraction.language,
            "text": raw.text,
            "text_length": len(raw.text),
            "status": "loaded",
            "error": "; ".join(raw.warnings) or None,
            "extractor_version": version,
            "run_id": run_id,
        },
    )
    for new in resolved.new_persons.values():
        person_id = lookup(
            session,
            Person.__table__,  # type: ignore[arg-type]
            {"canonical_name": new.name},
            {"country": new.country, "source": "extracted"},
        )
        persons[new.name] = person_id
        add_alias(session, person_id, new.name)
    _write_mentions(session, resolved, document_id, persons, version)
    stored = MeetingsInDatabase(session)
    meeting_ids: list[int] = []
    for index, draft in enumerate(resolved.meetings):
        # resolve decides which stored meeting it is, seeing the meetings the
        # document's earlier drafts created or changed
        match = match_meeting(draft, stored)
        meeting_ids.append(
            attach_meeting(
                session,
                draft,
                match,
                document_id=document_id,
                document_sha=raw.sha256,
                index=index,
                published=meta.published or extraction.reference_date,
                persons=persons,
                roles=roles,
                version=version,
            )
        )
    for draft, meeting_id in zip(resolved.meetings, meeting_ids, strict=True):
        for conflict in draft.conflicts:
            session.add(
                DateConflictRecord(
                    document_id=document_id,
                    meeting_id=meeting_id,
                    char_start=conflict.start,
                    char_end=conflict.end,
                    extractor_version=version,
                    date_text=conflict.date_text,
                    parsed_date=conflict.parsed,
                    adopted_date=conflict.adopted,
                    reason=conflict.reason,
                    resolution=conflict.resolution,
                )
            )
    _write_statements(session, resolved, document_id, meeting_ids, persons, topics, version)
    outcomes = write_outcomes(session, resolved, document_id, meeting_ids, topics, version)
    mark_meetings_pending(session, document_id)
    return LoadCounts(len(resolved.statements), len(set(meeting_ids)), outcomes)


def _write_mentions(
    session: Session,
    resolved: ResolvedDocument,
    document_id: int,
    persons: dict[str, int],
    version: str,
) -> None:
    rows: dict[tuple[int, int], dict[str, object]] = {}
    for mention, resolution in resolved.mentions:
        rows.setdefault(
            (mention.start, mention.end),
            {
                "document_id": document_id,
                "char_start": mention.start,
                "char_end": mention.end,
                "person_id": persons[resolution.name],
                "mention_text": mention.text[:512],
                "mention_kind": mention.kind,
                "method": resolution.method,
                "score": max(0.0, min(1.0, resolution.score)),
                "extractor_version": version,
            },
        )
    insert_many(session, PersonMentionRecord.__table__, list(rows.values()))  # type: ignore[arg-type]


def _write_statements(
    session: Session,
    resolved: ResolvedDocument,
    document_id: int,
    meeting_ids: list[int],
    persons: dict[str, int],
    topics: dict[str, int],
    version: str,
) -> None:
    """All statements in one statement execution, then their topic links."""
    rows: dict[tuple[int, int, str], dict[str, object]] = {}
    slugs: dict[tuple[int, int, str], tuple[str, ...]] = {}
    for item in resolved.statements:
        record = item.record
        key = (record.start, record.end, record.kind)
        slugs[key] = slugs.get(key, ()) + tuple(record.topics)
        rows.setdefault(
            key,
            {
                "document_id": document_id,
                "char_start": record.start,
                "char_end": record.end,
                "kind": record.kind,
                "extractor_version": version,
                "meeting_id": meeting_ids[item.meeting] if item.meeting is not None else None,
                "speaker_id": persons.get(item.speaker) if item.speaker else None,
                "speaker_label": record.speaker_label,
                "speaker_method": item.method,
                "speaker_score": item.score,
                "text": record.text,
                "via_interpreter": record.via_interpreter,
                "language": record.language,
                "turn_index": record.turn_index,
            },
        )
    insert_many(session, Statement.__table__, list(rows.values()))  # type: ignore[arg-type]
    if not any(slugs.values()):
        return
    ids = {
        (start, end, kind): id_
        for id_, start, end, kind in session.execute(
            select(Statement.id, Statement.char_start, Statement.char_end, Statement.kind).where(
                Statement.document_id == document_id
            )
        )
    }
    links = {
        (ids[key], topics[slug]): {"statement_id": ids[key], "topic_id": topics[slug]}
        for key, topic_slugs in slugs.items()
        for slug in topic_slugs
    }
    insert_many(session, StatementTopic.__table__, list(links.values()))  # type: ignore[arg-type]


def mark_meetings_pending(session: Session, document_id: int) -> None:
    """The meetings a document reports get their derived facts (quote groups,
    confidences) decided again at the end of the run (in this transaction: an
    interrupted run leaves them marked for the next)."""
    sources = union(
        select(MeetingMention.meeting_id).where(MeetingMention.document_id == document_id),
        select(MeetingParticipant.meeting_id).where(MeetingParticipant.document_id == document_id),
        select(Statement.meeting_id).where(
            Statement.document_id == document_id, Statement.meeting_id.is_not(None)
        ),
        select(Outcome.meeting_id)
        .join(OutcomeMention, OutcomeMention.outcome_id == Outcome.id)
        .where(OutcomeMention.document_id == document_id),
    ).subquery()
    meetings = {m for m in session.scalars(select(sources.c[0])) if m is not None}
    rows = [{"meeting_id": m} for m in sorted(meetings)]
    insert_many(session, MeetingPending.__table__, rows)  # type: ignore[arg-type]
