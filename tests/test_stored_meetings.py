"""The database side of resolve's matching: a draft's candidates are stored
meetings of its kind, undated or within days of it, with their people and,
undated, the days their documents allow."""

import datetime as dt

from sqlalchemy.orm import Session

from etl.db.models import Meeting, MeetingPerson, Person
from etl.db.stored_meetings import MeetingsInDatabase
from etl.resolve.meetings import MeetingDraft

DAY = dt.date(2034, 6, 20)


def _store(session: Session) -> None:
    ada = Person(canonical_name="Ada Marsh", country="US", source="extracted")
    meetings = [
        Meeting(meeting_key="near", kind="in_person", status="held", start_date=DAY),
        Meeting(meeting_key="far", kind="in_person", status="held", start_date=dt.date(2034, 9, 1)),
        Meeting(meeting_key="undated", kind="in_person", status="held"),
        Meeting(meeting_key="call", kind="call", status="held", start_date=DAY),
    ]
    session.add_all([ada, *meetings])
    session.flush()


def test_candidates_are_of_the_kind_undated_or_within_days(engine):
    with Session(engine) as session, session.begin():
        _store(session)
        draft = MeetingDraft(
            "in_person", "held", DAY + dt.timedelta(days=2), None, None, None, None
        )
        found = MeetingsInDatabase(session).candidates(draft)
        keys = [session.get(Meeting, c.id).meeting_key for c in found]
    assert keys == ["near", "undated"]


def test_a_candidate_carries_its_people_and_the_days_it_can_have_been(engine):
    with Session(engine) as session, session.begin():
        _store(session)
        near = session.query(Meeting).filter_by(meeting_key="near").one()
        undated = session.query(Meeting).filter_by(meeting_key="undated").one()
        undated.first_published, undated.last_published = dt.date(2034, 5, 2), dt.date(2034, 6, 1)
        ada = session.query(Person).filter_by(canonical_name="Ada Marsh").one()
        session.add(MeetingPerson(meeting_id=near.id, person_id=ada.id))
        session.flush()
        draft = MeetingDraft("in_person", "held", DAY, DAY, None, None, None)
        first, second = MeetingsInDatabase(session).candidates(draft)
    assert list(first.draft.participants) == ["Ada Marsh"]
    assert first.draft.participants["Ada Marsh"].country == "US"
    assert (first.draft.not_before, first.draft.not_after) == (None, None)  # dated
    assert (second.draft.not_before, second.draft.not_after) == (None, dt.date(2034, 6, 1))
