"""A meeting's participants and the roles each held: one participant row per
person, meeting and document; one ``participant_roles`` row per role held. The
roles were decided in resolve for the document's date of the meeting; when the
stored meeting's date changes, every participant's roles follow it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from etl.db.models import MeetingParticipant, MeetingPerson, ParticipantRole
from etl.load.upsert import insert_many
from etl.resolve.meetings import MeetingDraft
from etl.resolve.titles import RoleBook


def write_participants(
    session: Session,
    draft: MeetingDraft,
    *,
    meeting_id: int,
    document_id: int,
    persons: dict[str, int],
    roles: RoleBook,
    version: str,
) -> None:
    """The document's participants of the meeting and their roles, in bulk."""
    rows = [
        {
            "meeting_id": meeting_id,
            "person_id": persons[participant.name],
            "document_id": document_id,
            "title_as_written": participant.written_title,
            "side": participant.country,
            "char_start": participant.start,
            "char_end": participant.end,
            "extractor_version": version,
        }
        for participant in draft.participants.values()
    ]
    insert_many(session, MeetingParticipant.__table__, rows)  # type: ignore[arg-type]
    people = [{"meeting_id": meeting_id, "person_id": row["person_id"]} for row in rows]
    insert_many(session, MeetingPerson.__table__, people)  # type: ignore[arg-type]
    if not any(p.roles for p in draft.participants.values()):
        return
    ids = {
        person_id: participant_id
        for participant_id, person_id in _participants(session, meeting_id, document_id)
    }
    held: list[dict[str, Any]] = []
    for participant in draft.participants.values():
        person_id = persons[participant.name]
        role_ids = (roles.id_of(person_id, role.key) for role in participant.roles)
        held.extend(
            {"participant_id": ids[person_id], "role_id": role_id}
            for role_id in dict.fromkeys(role_ids)
            if role_id is not None
        )
    insert_many(session, ParticipantRole.__table__, held)  # type: ignore[arg-type]


def follow_date(
    session: Session,
    meeting_id: int,
    day: dt.date,
    roles: RoleBook,
    document_id: int | None = None,
) -> None:
    """Give every participant of the meeting (or only those ``document_id``
    reported) the roles held on ``day``; a person with no role on record that
    day keeps the roles the document gave."""
    participants = _participants(session, meeting_id, document_id)
    held: dict[int, set[int]] = {}
    for participant_id, role_id in session.execute(
        select(ParticipantRole.participant_id, ParticipantRole.role_id).where(
            ParticipantRole.participant_id.in_([p for p, _ in participants])
        )
    ):
        held.setdefault(participant_id, set()).add(role_id)
    changed: list[int] = []
    rows: list[dict[str, Any]] = []
    for participant_id, person_id in participants:
        wanted = roles.held_on(person_id, day)
        if wanted and set(wanted) != held.get(participant_id, set()):
            changed.append(participant_id)
            rows.extend({"participant_id": participant_id, "role_id": r} for r in wanted)
    if changed:
        session.execute(delete(ParticipantRole).where(ParticipantRole.participant_id.in_(changed)))
        insert_many(session, ParticipantRole.__table__, rows)  # type: ignore[arg-type]


def _participants(
    session: Session, meeting_id: int, document_id: int | None
) -> list[tuple[int, int]]:
    """(participant id, person id) of the meeting, or of one document's report of
    it: looked up by the document (a few rows), not by the meeting (a row per
    person and source, growing with every document)."""
    if document_id is None:
        where = MeetingParticipant.meeting_id == meeting_id
    else:
        where = MeetingParticipant.document_id == document_id
    rows = session.execute(
        select(MeetingParticipant.id, MeetingParticipant.person_id, MeetingParticipant.meeting_id)
        .where(where)
        .order_by(MeetingParticipant.id)
    )
    return [(id_, person_id) for id_, person_id, meeting in rows if meeting == meeting_id]
