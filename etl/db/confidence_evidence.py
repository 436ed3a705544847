"""The evidence behind each fact of a set of meetings, read in a few bulk
queries: what :mod:`etl.resolve.confidence` scores."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Row, and_, func, or_, select
from sqlalchemy.orm import Session

from etl.db.models import (
    Document,
    IngestionRun,
    Meeting,
    MeetingMention,
    MeetingParticipant,
    MeetingPerson,
    Outcome,
    OutcomeMention,
    Person,
    PersonMentionRecord,
    Statement,
)
from etl.db.speaker_evidence import speaker_evidence
from etl.resolve.confidence import (
    EXACT_METHODS,
    STRONG_CUES,
    Evidence,
    MeetingEvidence,
    OutcomeEvidence,
    ParticipantEvidence,
)
from etl.resolve.quote_checks import official_side

SIDES = ("US", "CN")
DATE_RANK = {"text": 1, "context": 2, "dateline": 3, "calendar": 4}
CHUNK = 500  # ids per statement: PostgreSQL takes at most 65,535 parameters


def _governments(session: Session, ids: list[int]) -> dict[int, str | None]:
    """Whose own words each document reporting these meetings or their outcomes
    is (US, CN, or None for news)."""
    reporting = select(MeetingMention.document_id).where(MeetingMention.meeting_id.in_(ids))
    outcomes = (
        select(OutcomeMention.document_id)
        .join(Outcome, Outcome.id == OutcomeMention.outcome_id)
        .where(Outcome.meeting_id.in_(ids))
    )
    rows = session.execute(
        select(Document.id, Document.url, Document.outlet).where(
            or_(Document.id.in_(reporting), Document.id.in_(outcomes))
        )
    )
    return {row.id: official_side(row.url, row.outlet) for row in rows}


def _meeting_documents(session: Session, ids: list[int]) -> dict[int, set[int]]:
    documents: dict[int, set[int]] = defaultdict(set)
    query = select(MeetingMention.meeting_id, MeetingMention.document_id).where(
        MeetingMention.meeting_id.in_(ids)
    )
    for meeting_id, document_id in session.execute(query):
        documents[meeting_id].add(document_id)
    return documents


def _participants(session: Session, ids: list[int]) -> dict[tuple[int, int], list[Row[Any]]]:
    """Each participant's rows (one per document), with how the name was found
    and the person's nationality: the country on record, else the side the
    documents give."""
    query = (
        select(
            MeetingParticipant.meeting_id,
            MeetingParticipant.person_id,
            MeetingParticipant.document_id,
            MeetingParticipant.title_as_written,
            func.coalesce(Person.country, MeetingParticipant.side).label("country"),
            PersonMentionRecord.method,
        )
        .join(Person, Person.id == MeetingParticipant.person_id)
        .outerjoin(
            PersonMentionRecord,
            and_(
                PersonMentionRecord.document_id == MeetingParticipant.document_id,
                PersonMentionRecord.char_start == MeetingParticipant.char_start,
                PersonMentionRecord.char_end == MeetingParticipant.char_end,
            ),
        )
        .where(MeetingParticipant.meeting_id.in_(ids))
    )
    rows: dict[tuple[int, int], list[Row[Any]]] = defaultdict(list)
    for row in session.execute(query):
        rows[row.meeting_id, row.person_id].append(row)
    return rows


def _nationality(rows: list[Row[Any]]) -> str | None:
    countries = [r.country for r in rows if r.country]
    return max(sorted(set(countries)), key=countries.count) if countries else None


def _same_people_elsewhere(session: Session, ids: list[int]) -> set[int]:
    """The meetings (of ``ids``) that share a document with another meeting of
    exactly the same people: each document's meetings grouped by their people,
    in one pass (no pairs of meetings)."""
    documents = select(MeetingMention.document_id).where(MeetingMention.meeting_id.in_(ids))
    reported = session.execute(
        select(MeetingMention.document_id, MeetingMention.meeting_id)
        .where(MeetingMention.document_id.in_(documents))
        .distinct()
    ).tuples()
    by_document: dict[int, set[int]] = defaultdict(set)
    for document_id, meeting_id in reported:
        by_document[document_id].add(meeting_id)
    shared = {d: m for d, m in by_document.items() if len(m) > 1}
    involved = sorted({m for meetings in shared.values() for m in meetings})
    people: dict[int, set[int]] = defaultdict(set)
    for start in range(0, len(involved), CHUNK):
        query = select(MeetingPerson.meeting_id, MeetingPerson.person_id).where(
            MeetingPerson.meeting_id.in_(involved[start : start + CHUNK])
        )
        for meeting_id, person_id in session.execute(query):
            people[meeting_id].add(person_id)
    chosen = set(ids)
    repeated: set[int] = set()
    for meetings in shared.values():
        groups: dict[frozenset[int], list[int]] = defaultdict(list)
        for meeting_id in meetings:
            if people[meeting_id]:
                groups[frozenset(people[meeting_id])].append(meeting_id)
        repeated |= {m for same in groups.values() if len(same) > 1 for m in same}
    return repeated & chosen


def meeting_evidence(
    session: Session,
    ids: list[int],
    documents: dict[int, set[int]],
    side: dict[int, str | None],
    participants: dict[tuple[int, int], list[Row[Any]]],
) -> list[MeetingEvidence]:
    """A meeting's sources, whose they are, how its day is known, whether they
    agree on its status, and who took part."""
    mentions = defaultdict(list)
    query = select(
        MeetingMention.meeting_id,
        MeetingMention.reported_status,
        MeetingMention.reported_date,
        MeetingMention.date_source,
        MeetingMention.found_by,
    ).where(MeetingMention.meeting_id.in_(ids))
    for row in session.execute(query):
        mentions[row.meeting_id].append(row)
    countries: dict[int, list[str | None]] = defaultdict(list)
    for (meeting_id, _person), rows in participants.items():
        countries[meeting_id].append(_nationality(rows))
    repeated = _same_people_elsewhere(session, ids)
    found = []
    meetings = select(Meeting.id, Meeting.start_date, Meeting.city).where(Meeting.id.in_(ids))
    for meeting in session.execute(meetings.order_by(Meeting.id)):
        own = mentions[meeting.id]
        dated = [
            m.date_source
            for m in own
            if m.date_source and meeting.start_date and m.reported_date == meeting.start_date
        ]
        found.append(
            MeetingEvidence(
                meeting_id=meeting.id,
                documents=len(documents[meeting.id]),
                governments=len({side.get(d) for d in documents[meeting.id]} - {None}),
                date_source=min(dated, key=DATE_RANK.__getitem__) if dated else None,
                statuses=len({m.reported_status for m in own}),
                people=len(countries[meeting.id]),
                sides=len(set(countries[meeting.id]) & set(SIDES)),
                place=meeting.city is not None,
                same_people_elsewhere=meeting.id in repeated,
                strong_cue=any(m.found_by in STRONG_CUES for m in own),
            )
        )
    return found


def participant_evidence(
    participants: dict[tuple[int, int], list[Row[Any]]], documents: dict[int, set[int]]
) -> list[ParticipantEvidence]:
    """How many of the meeting's documents name the person, how, with a title,
    and whether the person is of a third country (unknown is not third)."""
    found = []
    for (meeting_id, person_id), own in sorted(participants.items()):
        country = _nationality(own)
        found.append(
            ParticipantEvidence(
                meeting_id=meeting_id,
                person_id=person_id,
                documents=len({r.document_id for r in own}),
                meeting_documents=len(documents[meeting_id]),
                named=any(r.method in EXACT_METHODS for r in own),
                third_country=country is not None and country not in SIDES,
                titled=any(r.title_as_written for r in own),
            )
        )
    return found


def outcome_evidence(
    session: Session, ids: list[int], documents: dict[int, set[int]], side: dict[int, str | None]
) -> list[OutcomeEvidence]:
    query = (
        select(
            Outcome.id,
            Outcome.meeting_id,
            Outcome.status,
            Outcome.category,
            OutcomeMention.document_id,
        )
        .join(OutcomeMention, OutcomeMention.outcome_id == Outcome.id)
        .where(Outcome.meeting_id.in_(ids))
    )
    rows = defaultdict(list)
    for row in session.execute(query):
        rows[row.id].append(row)
    return [
        OutcomeEvidence(
            outcome_id=outcome_id,
            documents=len({r.document_id for r in own}),
            meeting_documents=len(documents[own[0].meeting_id]),
            governments=len({side.get(r.document_id) for r in own} - {None}),
            agreed=own[0].status == "agreed",
            category=own[0].category,
        )
        for outcome_id, own in sorted(rows.items())
    ]


def evidence_of_meetings(session: Session, meeting_ids: Iterable[int]) -> list[Evidence]:
    """Every fact of these meetings with its evidence: the meetings, their
    participants, their statements' speakers and their outcomes."""
    ids = sorted(set(meeting_ids))
    if not ids:
        return []
    documents = _meeting_documents(session, ids)
    side = _governments(session, ids)
    participants = _participants(session, ids)
    return [
        *meeting_evidence(session, ids, documents, side, participants),
        *participant_evidence(participants, documents),
        *speaker_evidence(session, Statement.meeting_id.in_(ids), ids),
        *outcome_evidence(session, ids, documents, side),
    ]


def every_meeting(session: Session) -> list[int]:
    return list(session.scalars(select(Meeting.id).order_by(Meeting.id)))


def last_model(session: Session) -> str | None:
    """The fingerprint of the model the run that decided last used: the last
    to finish, since runs overlap and decide in the order they finish."""
    query = (
        select(IngestionRun.confidence_model)
        .where(IngestionRun.confidence_model.is_not(None), IngestionRun.finished_at.is_not(None))
        .order_by(IngestionRun.finished_at.desc(), IngestionRun.id.desc())
        .limit(1)
    )
    return session.scalars(query).first()
