"""Meetings in the database: attach a document's meeting drafts to the meeting
they report (or create it), and recompute a meeting's attributes from all of its
mentions, so the result does not depend on the order documents arrive in."""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from etl.db.models import (
    Document,
    Meeting,
    MeetingMention,
    MeetingParticipant,
    Person,
    PersonRole,
)
from etl.load.upsert import lookup
from etl.resolve.meetings import MeetingDraft, Participant, meeting_title, merge_into, same_meeting

SEARCH_WINDOW = dt.timedelta(days=3)


def _participants(session: Session, meeting_id: int) -> dict[str, Participant]:
    rows = session.execute(
        select(Person.canonical_name, Person.country, MeetingParticipant.title)
        .join(MeetingParticipant, MeetingParticipant.person_id == Person.id)
        .where(MeetingParticipant.meeting_id == meeting_id)
        .order_by(MeetingParticipant.id)
    )
    found: dict[str, Participant] = {}
    for name, country, title in rows:
        found.setdefault(name, Participant(name, country, title, 0, 0))
    return found


def _told_between(session: Session, meeting: Meeting) -> tuple[dt.date | None, dt.date | None]:
    """When an undated stored meeting can have been: a held one by the last day
    a document reporting it was published, a planned one from the first."""
    if meeting.start_date is not None or meeting.status == "cancelled":
        return None, None
    published = session.execute(
        select(func.min(Document.published_date), func.max(Document.published_date))
        .join(MeetingMention, MeetingMention.document_id == Document.id)
        .where(MeetingMention.meeting_id == meeting.id)
    ).one()
    first, last = published
    return (first, None) if meeting.status == "planned" else (None, last)


def stored_draft(session: Session, meeting: Meeting) -> MeetingDraft:
    """A stored meeting as a draft to compare with; an undated one keeps the
    bounds its documents' dates give, so an undated call reported in 2022 is
    never taken for a call of the same leaders in 2024."""
    not_before, not_after = _told_between(session, meeting)
    return MeetingDraft(
        kind=meeting.kind,
        status=meeting.status,
        start_date=meeting.start_date,
        end_date=meeting.end_date,
        city=meeting.city,
        country=meeting.country,
        venue=meeting.venue,
        participants=_participants(session, meeting.id),
        not_before=not_before,
        not_after=not_after,
    )


def find_meeting(session: Session, draft: MeetingDraft) -> Meeting | None:
    query = select(Meeting).where(Meeting.kind == draft.kind).order_by(Meeting.id)
    if draft.start_date is not None:
        low = draft.start_date - SEARCH_WINDOW
        high = (draft.end_date or draft.start_date) + SEARCH_WINDOW
        query = query.where(
            or_(Meeting.start_date.is_(None), Meeting.start_date.between(low, high))
        )
    for meeting in session.scalars(query):
        if same_meeting(stored_draft(session, meeting), draft, across_documents=True):
            return meeting
    return None


def _key(document_sha: str, index: int) -> str:
    return hashlib.sha256(f"{document_sha}|{index}".encode()).hexdigest()[:32]


def attach_meeting(
    session: Session,
    draft: MeetingDraft,
    *,
    document_id: int,
    document_sha: str,
    index: int,
    persons: dict[str, int],
    version: str,
) -> int:
    meeting = find_meeting(session, draft)
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
    else:
        meeting_id = meeting.id
    for span in draft.spans:
        day = span.day
        lookup(
            session,
            MeetingMention.__table__,  # type: ignore[arg-type]
            {"document_id": document_id, "char_start": span.start, "char_end": span.end},
            {
                "meeting_id": meeting_id,
                "extractor_version": version,
                "reported_kind": span.kind,
                "reported_status": span.status,
                "reported_date": day,
                "reported_end_date": draft.end_date if day == draft.start_date else day,
                "date_text": span.date_text,
                "date_source": span.date_source,
                "city": draft.city,
                "country": draft.country,
                "venue": draft.venue,
            },
        )
    for participant in draft.participants.values():
        lookup(
            session,
            MeetingParticipant.__table__,  # type: ignore[arg-type]
            {
                "meeting_id": meeting_id,
                "person_id": persons[participant.name],
                "document_id": document_id,
            },
            {
                "title": participant.title,
                "title_as_written": participant.written_title,
                "side": participant.country,
                "char_start": participant.start,
                "char_end": participant.end,
                "extractor_version": version,
            },
        )
    refresh_meeting(session, meeting_id)
    return meeting_id


def _titles_on(session: Session, person_id: int, day: dt.date) -> str | None:
    roles = session.execute(
        select(PersonRole.title)
        .where(
            PersonRole.person_id == person_id,
            or_(PersonRole.valid_from.is_(None), PersonRole.valid_from <= day),
            or_(PersonRole.valid_to.is_(None), PersonRole.valid_to >= day),
        )
        .order_by(PersonRole.id)
    ).scalars()
    titles = list(dict.fromkeys(roles))
    return "; ".join(titles) or None


def refresh_meeting(session: Session, meeting_id: int) -> None:
    """Fold every mention of the meeting into its attributes; give each
    participant the title of the role active on the meeting's date."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        return
    mentions = session.scalars(
        select(MeetingMention)
        .where(MeetingMention.meeting_id == meeting_id)
        .order_by(MeetingMention.id)
    ).all()
    if not mentions:
        session.execute(delete(Meeting).where(Meeting.id == meeting_id))
        return
    folded: MeetingDraft | None = None
    for mention in mentions:
        draft = MeetingDraft(
            kind=mention.reported_kind,
            status=mention.reported_status,
            start_date=mention.reported_date,
            end_date=mention.reported_end_date or mention.reported_date,
            city=mention.city,
            country=mention.country,
            venue=mention.venue,
        )
        folded = draft if folded is None else merge_into(folded, draft)
    assert folded is not None
    meeting.status = folded.status
    meeting.start_date, meeting.end_date = folded.start_date, folded.end_date
    meeting.city, meeting.country, meeting.venue = folded.city, folded.country, folded.venue
    folded.participants = _participants(session, meeting_id)
    meeting.title = meeting_title(folded)
    if meeting.start_date is None:
        return
    rows = session.scalars(
        select(MeetingParticipant).where(MeetingParticipant.meeting_id == meeting_id)
    ).all()
    for row in rows:
        title = _titles_on(session, row.person_id, meeting.start_date)
        if title:
            row.title = title
    session.flush()
