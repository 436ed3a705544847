"""What the database holds about meetings, read for resolve's matching
(``etl.resolve.stored.StoredMeetings``): the candidates of a draft in two
queries however many there are, each as cheap with a thousand sources as with one."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from etl.db.models import Meeting, MeetingPerson, Person
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
    in one query, from each meeting's people (not every source's rows)."""
    rows = session.execute(
        select(MeetingPerson.meeting_id, Person.canonical_name, Person.country)
        .join(Person, Person.id == MeetingPerson.person_id)
        .where(MeetingPerson.meeting_id.in_(meeting_ids))
        .order_by(MeetingPerson.meeting_id, Person.canonical_name)
    )
    found: dict[int, dict[str, Participant]] = {}
    for meeting_id, name, country in rows:
        found.setdefault(meeting_id, {})[name] = Participant(name, country, (), 0, 0)
    return found


def told_between(meeting: Meeting) -> tuple[dt.date | None, dt.date | None]:
    """When an undated stored meeting can have been: a held one by the last day
    a document reporting it was published, a planned one from the first."""
    if meeting.start_date is not None or meeting.status == "cancelled":
        return (None, None)
    if meeting.status == "planned":
        return (meeting.first_published, None)
    return (None, meeting.last_published)


def stored_drafts(session: Session, meetings: list[Meeting]) -> list[MeetingDraft]:
    """Stored meetings as drafts to compare with; an undated one keeps the
    bounds its documents' dates give, so an undated call reported in 2022 is
    never taken for a call of the same leaders in 2024."""
    people = participants_of(session, [m.id for m in meetings])
    drafts = []
    for meeting in meetings:
        draft = as_draft(meeting)
        draft.participants = people.get(meeting.id, {})
        draft.not_before, draft.not_after = told_between(meeting)
        drafts.append(draft)
    return drafts
