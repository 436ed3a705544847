"""Meetings in the database: attach a document's meeting drafts to the stored
meeting resolve matched them to (``etl.resolve.stored``), or create it, and
keep a meeting's attributes the fold of all of its mentions in the order they
were stored, so the result does not depend on how many documents arrived
before. A new mention is folded into the stored attributes (the fold so far)
instead of re-reading every mention: attaching costs the same with ten sources
as with ten thousand."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session

from etl.db.models import Document, Meeting, MeetingMention, MeetingParticipant, MeetingPerson
from etl.db.stored_meetings import as_draft, participants_of
from etl.load.participants import follow_date, write_participants
from etl.load.upsert import insert_many, lookup
from etl.resolve.meetings import MeetingDraft, Participant, meeting_title, merge_into
from etl.resolve.titles import RoleBook


def _participants(session: Session, meeting_id: int) -> dict[str, Participant]:
    """The meeting's people (names and sides; matching needs no more)."""
    return participants_of(session, [meeting_id]).get(meeting_id, {})


def _key(document_sha: str, index: int) -> str:
    return hashlib.sha256(f"{document_sha}|{index}".encode()).hexdigest()[:32]


def _as_draft(mention: Mapping[Any, Any]) -> MeetingDraft:
    """What one stored mention reported, as a draft to fold."""
    return MeetingDraft(
        kind=mention["reported_kind"],
        status=mention["reported_status"],
        start_date=mention["reported_date"],
        end_date=mention["reported_end_date"] or mention["reported_date"],
        city=mention["city"],
        country=mention["country"],
        venue=mention["venue"],
    )


def _mention_rows(
    session: Session, draft: MeetingDraft, meeting_id: int, document_id: int, version: str
) -> list[dict[str, Any]]:
    """The draft's mentions not yet stored for this document, first one first."""
    stored = set(
        session.execute(
            select(MeetingMention.char_start, MeetingMention.char_end).where(
                MeetingMention.document_id == document_id
            )
        ).tuples()
    )
    rows: list[dict[str, Any]] = []
    for span in draft.spans:
        if (span.start, span.end) in stored:
            continue
        stored.add((span.start, span.end))
        day = span.day
        rows.append(
            {
                "document_id": document_id,
                "char_start": span.start,
                "char_end": span.end,
                "meeting_id": meeting_id,
                "extractor_version": version,
                "reported_kind": span.kind,
                "reported_status": span.status,
                "reported_date": day,
                "reported_end_date": draft.end_date if day == draft.start_date else day,
                "date_text": span.date_text,
                "date_source": span.date_source,
                "found_by": span.found_by,
                "city": draft.city,
                "country": draft.country,
                "venue": draft.venue,
            }
        )
    return rows


def attach_meeting(
    session: Session,
    draft: MeetingDraft,
    match: int | None,
    *,
    document_id: int,
    document_sha: str,
    index: int,
    published: dt.date | None,
    persons: dict[str, int],
    roles: RoleBook,
    version: str,
) -> int:
    """Attach the draft to its stored meeting (``match``) or a new one; returns
    the meeting's id. ``published``: the document's day, one of the days
    the meeting's sources were published."""
    meeting = session.get(Meeting, match) if match is not None else None
    if meeting is None:
        meeting_id = lookup(
            session,
            Meeting.__table__,  # type: ignore[arg-type]
            {"meeting_key": _key(document_sha, index)},
            {
                "kind": draft.kind,
                "status": draft.status,
                "start_date": draft.start_date,
                "end_date": draft.end_date,
                "city": draft.city,
                "country": draft.country,
                "venue": draft.venue,
            },
        )
        meeting = session.get(Meeting, meeting_id)
        assert meeting is not None
    mentioned = session.scalar(
        select(MeetingMention.id).where(MeetingMention.meeting_id == meeting.id).limit(1)
    )
    mentions = _mention_rows(session, draft, meeting.id, document_id, version)
    insert_many(session, MeetingMention.__table__, mentions)  # type: ignore[arg-type]
    if mentions and published is not None:
        days = [d for d in (meeting.first_published, meeting.last_published) if d] + [published]
        meeting.first_published, meeting.last_published = min(days), max(days)
    write_participants(
        session,
        draft,
        meeting_id=meeting.id,
        document_id=document_id,
        persons=persons,
        roles=roles,
        version=version,
    )
    drafts = [_as_draft(row) for row in mentions]
    if mentioned is not None:  # the stored attributes are the fold of the older mentions
        drafts.insert(0, as_draft(meeting))
    _fold_into(session, meeting, drafts, roles, document_id if mentioned is not None else None)
    return meeting.id


def _fold_into(
    session: Session,
    meeting: Meeting,
    drafts: list[MeetingDraft],
    roles: RoleBook,
    document_id: int | None = None,
) -> None:
    """Set the meeting's attributes to the fold of ``drafts`` and give each
    participant the roles held on the meeting's date: every participant the
    first time in a run, when the date changed or without ``document_id``; else
    only the new document's (the others hold this run's roles for that date)."""
    if not drafts:
        return
    day_before = meeting.start_date
    folded = drafts[0]
    for draft in drafts[1:]:
        folded = merge_into(folded, draft)
    meeting.status = folded.status
    meeting.start_date, meeting.end_date = folded.start_date, folded.end_date
    meeting.city, meeting.country, meeting.venue = folded.city, folded.country, folded.venue
    folded.participants = _participants(session, meeting.id)
    meeting.title = meeting_title(folded)
    if meeting.start_date is not None:
        settled = meeting.start_date == day_before and meeting.id in roles.settled
        only = document_id if settled else None
        follow_date(session, meeting.id, meeting.start_date, roles, only)
        roles.settled.add(meeting.id)
    session.flush()


def refresh_meeting(session: Session, meeting_id: int, roles: RoleBook) -> None:
    """Fold every mention of the meeting again (after a source was removed);
    a meeting left without mentions is deleted."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        return
    columns = [
        MeetingMention.reported_kind,
        MeetingMention.reported_status,
        MeetingMention.reported_date,
        MeetingMention.reported_end_date,
        MeetingMention.city,
        MeetingMention.country,
        MeetingMention.venue,
    ]
    mentions = session.execute(
        select(*columns).where(MeetingMention.meeting_id == meeting_id).order_by(MeetingMention.id)
    ).mappings()
    drafts = [_as_draft(m) for m in mentions]
    if not drafts:
        session.execute(delete(Meeting).where(Meeting.id == meeting_id))
        return
    meeting.first_published, meeting.last_published = session.execute(
        select(func.min(Document.published_date), func.max(Document.published_date))
        .join(MeetingMention, MeetingMention.document_id == Document.id)
        .where(MeetingMention.meeting_id == meeting_id)
    ).one()
    gone = ~exists().where(
        MeetingParticipant.meeting_id == MeetingPerson.meeting_id,
        MeetingParticipant.person_id == MeetingPerson.person_id,
    )
    session.execute(delete(MeetingPerson).where(MeetingPerson.meeting_id == meeting_id, gone))
    _fold_into(session, meeting, drafts, roles)
