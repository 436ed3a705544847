"""Participants are stored with one row per role held: the roles resolve decided
for the document, then the roles held on the stored meeting's date when that
date is known or changes."""

import datetime as dt

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from etl.db.models import Document, Meeting, MeetingParticipant, ParticipantRole, PersonRole
from etl.load.participants import follow_date, write_participants
from etl.load.reference import role_book, sync_gazetteer
from etl.resolve.gazetteer import Gazetteer, PersonEntry, Role
from etl.resolve.meetings import MeetingDraft, Participant

DEPUTY = Role("Deputy Minister of Ports", None, (), dt.date(2040, 1, 1), dt.date(2042, 12, 31))
MINISTER = Role("Minister of Ports", None, (), dt.date(2043, 1, 1), None)
CHAIR = Role("Chair of the Harbour Council", None, (), dt.date(2041, 6, 1), dt.date(2043, 6, 30))
OFFICIAL = PersonEntry("Tomas Reyne", "Reyne", "US", None, (), (DEPUTY, MINISTER, CHAIR))
ENVOY = PersonEntry("Lin Qiaofeng", "Lin", "CN", None, (), ())


def _meeting(session: Session, day: dt.date | None) -> tuple[int, int]:
    document = Document(name="note.txt", sha256="0" * 64, status="loaded", text="x" * 100)
    meeting = Meeting(meeting_key="m", kind="in_person", status="held", start_date=day)
    session.add_all([document, meeting])
    session.flush()
    return meeting.id, document.id


def _draft(*participants: Participant) -> MeetingDraft:
    draft = MeetingDraft("in_person", "held", None, None, None, None, None)
    draft.participants = {p.name: p for p in participants}
    return draft


def _held(session: Session) -> dict[str, list[str]]:
    rows = session.execute(
        select(MeetingParticipant.document_id, PersonRole.title)
        .join(ParticipantRole, ParticipantRole.participant_id == MeetingParticipant.id)
        .join(PersonRole, PersonRole.id == ParticipantRole.role_id)
        .order_by(MeetingParticipant.document_id, PersonRole.id)
    )
    held: dict[str, list[str]] = {}
    for document_id, title in rows:
        held.setdefault(str(document_id), []).append(title)
    return held


def _write(session: Session, draft: MeetingDraft, meeting_id: int, document_id: int) -> None:
    persons = sync_gazetteer(session, Gazetteer((OFFICIAL, ENVOY)))
    write_participants(
        session,
        draft,
        meeting_id=meeting_id,
        document_id=document_id,
        persons=persons,
        roles=role_book(session),
        version="test",
    )


def test_the_roles_resolve_decided_are_stored_one_row_each(engine: Engine):
    with Session(engine) as session, session.begin():
        meeting_id, document_id = _meeting(session, dt.date(2042, 3, 1))
        official = Participant("Tomas Reyne", "US", (DEPUTY, CHAIR), 10, 21)
        _write(
            session,
            _draft(official, Participant("Lin Qiaofeng", "CN", (), 30, 42)),
            meeting_id,
            document_id,
        )
        assert _held(session) == {str(document_id): [DEPUTY.title, CHAIR.title]}
        people = session.scalars(select(MeetingParticipant.person_id)).all()
        assert len(people) == 2  # the envoy, with no role on record, has a row too


def test_a_new_date_gives_every_participant_the_roles_held_that_day(engine: Engine):
    with Session(engine) as session, session.begin():
        meeting_id, document_id = _meeting(session, None)
        _write(
            session,
            _draft(Participant("Tomas Reyne", "US", (DEPUTY,), 10, 21)),
            meeting_id,
            document_id,
        )
        follow_date(session, meeting_id, dt.date(2043, 3, 1), role_book(session))
        assert _held(session) == {str(document_id): [MINISTER.title, CHAIR.title]}


def test_without_a_role_on_record_that_day_the_documents_roles_stay(engine: Engine):
    with Session(engine) as session, session.begin():
        meeting_id, document_id = _meeting(session, None)
        _write(
            session,
            _draft(Participant("Tomas Reyne", "US", (DEPUTY,), 10, 21)),
            meeting_id,
            document_id,
        )
        follow_date(session, meeting_id, dt.date(2039, 3, 1), role_book(session))
        assert _held(session) == {str(document_id): [DEPUTY.title]}


def test_a_new_source_of_an_unchanged_date_brings_only_its_own_rows_to_the_date(engine: Engine):
    with Session(engine) as session, session.begin():
        meeting_id, first = _meeting(session, dt.date(2043, 3, 1))
        second = Document(name="later.txt", sha256="1" * 64, status="loaded", text="y" * 100)
        session.add(second)
        session.flush()
        official = Participant("Tomas Reyne", "US", (DEPUTY,), 10, 21)
        _write(session, _draft(official), meeting_id, first)
        _write(session, _draft(official), meeting_id, second.id)
        follow_date(session, meeting_id, dt.date(2043, 3, 1), role_book(session), second.id)
        assert _held(session) == {
            str(first): [DEPUTY.title],  # as stored: only a changed date revisits it
            str(second.id): [MINISTER.title, CHAIR.title],
        }
        follow_date(session, meeting_id, dt.date(2043, 3, 1), role_book(session))
        assert _held(session)[str(first)] == [MINISTER.title, CHAIR.title]
