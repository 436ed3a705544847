"""What the database holds about meetings, read for resolve's matching
(``etl.resolve.stored.StoredMeetings``): the candidates of a draft in three
queries however many there are."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from etl.db.models import Document, Meeting, MeetingMention, MeetingParticipant, Person
from etl.resolve.meetings import MeetingDraft, Participant
from etl.resolve.stored import StoredMeeting

SEARCH_WINDOW = dt.timedelta(days=3)


class MeetingsInDatabase:
    """Candidates: stored meetings of the draft's kind, undated or within
    ``SEARCH_WINDOW`` of its days."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def candidates(self, draft: MeetingDraft) -> list[StoredMeeting]:
        query = select(Meeting).where(Meeting.kind == draft.kind).order_by(Meeting.id)
        if draft.start_date is not None:
            low = draft.start_date - SEARCH_WINDOW
            high = (draft.end_date or draft.start_date) + SEARCH_WINDOW
            query = query.where(
                or_(Meeting.start_date.is_(None), Meeting.start_date.between(low, high))
            )
        meetings = list(self.session.scalars(query))
        if not meetings:
            return []
        drafts = stored_drafts(self.session, meetings)
        return [StoredMeeting(m.id, d) for m, d in zip(meetings, drafts, strict=True)]


def as_draft(meeting: Meeting) -> MeetingDraft:
    """The stored attributes of a meeting (the fold of its mentions so far)."""
    return MeetingDraft(
        kind=meeting.kind,
        status=meeting.status,
        start_date=meeting.start_date,
        end_date=meeting.end_date,
        city=meeting.city,
        country=meeting.country,
        venue=meeting.venue,
    )


def participants_of(session: Session, meeting_ids: list[int]) -> dict[int, dict[str, Participant]]:
    """The people of several meetings (names and sides; matching needs no more)
    in one query."""
    rows = session.execute(
        select(MeetingParticipant.meeting_id, Person.canonical_name, Person.country)
        .join(Person, Person.id == MeetingParticipant.person_id)
        .where(MeetingParticipant.meeting_id.in_(meeting_ids))
        .distinct()
        .order_by(MeetingParticipant.meeting_id, Person.canonical_name)
    )
    found: dict[int, dict[str, Participant]] = {}
    for meeting_id, name, country in rows:
        found.setdefault(meeting_id, {})[name] = Participant(name, country, (), 0, 0)
    return found


def told_between(
    session: Session, meetings: list[Meeting]
) -> dict[int, tuple[dt.date | None, dt.date | None]]:
    """When undated stored meetings can have been: a held one by the last day
    a document reporting it was published, a planned one from the first."""
    undated = [m for m in meetings if m.start_date is None and m.status != "cancelled"]
    if not undated:
        return {}
    published = session.execute(
        select(
            MeetingMention.meeting_id,
            func.min(Document.published_date),
            func.max(Document.published_date),
        )
        .join(Document, MeetingMention.document_id == Document.id)
        .where(MeetingMention.meeting_id.in_([m.id for m in undated]))
        .group_by(MeetingMention.meeting_id)
    )
    days = {meeting_id: (first, last) for meeting_id, first, last in published}
    bounds: dict[int, tuple[dt.date | None, dt.date | None]] = {}
    for meeting in undated:
        first, last = days.get(meeting.id, (None, None))
        bounds[meeting.id] = (first, None) if meeting.status == "planned" else (None, last)
    return bounds


def stored_drafts(session: Session, meetings: list[Meeting]) -> list[MeetingDraft]:
    """Stored meetings as drafts to compare with; an undated one keeps the
    bounds its documents' dates give, so an undated call reported in 2022 is
    never taken for a call of the same leaders in 2024."""
    people = participants_of(session, [m.id for m in meetings])
    bounds = told_between(session, meetings)
    drafts = []
    for meeting in meetings:
        draft = as_draft(meeting)
        draft.participants = people.get(meeting.id, {})
        draft.not_before, draft.not_after = bounds.get(meeting.id, (None, None))
        drafts.append(draft)
    return drafts
