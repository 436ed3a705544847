"""What a database says, read through the analyst views (and, for where a
meeting was read, its mentions): the same contract analysts query."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Connection, text

from etl.evaluate.keys import iso_date, normal, words

SCORED_KINDS = ("direct_quote", "transcript_turn")  # reported speech is not scored
MIN_WORDS = 4  # shorter turns ("Thank you.") are not statements worth scoring


@dataclass(frozen=True)
class Source:
    document: str
    start: int | None
    end: int | None


@dataclass
class PredictedMeeting:
    meeting_id: int
    title: str
    status: str
    start: date | None
    city: str
    participants: list[tuple[str, str]] = field(default_factory=list)  # (name, title)
    sources: list[Source] = field(default_factory=list)
    confidence: float | None = None
    people: dict[str, tuple[int, float | None]] = field(default_factory=dict)  # (id, confidence)


@dataclass(frozen=True)
class PredictedOutcome:
    meeting_id: int | None
    description: str
    category: str
    status: str
    source: Source
    outcome_id: int = 0
    confidence: float | None = None


@dataclass(frozen=True)
class PredictedStatement:
    text: str  # normalized
    shown: str  # as stored
    speaker: str | None
    source: Source
    statement_id: int = 0
    confidence: float | None = None


@dataclass(frozen=True)
class Predicted:
    persons: tuple[str, ...]
    meetings: tuple[PredictedMeeting, ...]
    outcomes: tuple[PredictedOutcome, ...]
    statements: dict[str, tuple[PredictedStatement, ...]]  # by document name


def _rows(connection: Connection, sql: str) -> list[dict]:
    return [dict(row) for row in connection.execute(text(sql)).mappings()]


def _meetings(connection: Connection) -> tuple[PredictedMeeting, ...]:
    meetings = {
        row["meeting_id"]: PredictedMeeting(
            meeting_id=row["meeting_id"],
            title=row["title"] or "",
            status=normal(row["status"]),
            start=iso_date(row["start_date"]),
            city=normal(row["city"]),
            confidence=row.get("confidence"),
        )
        for row in _rows(connection, "select * from v_meetings order by meeting_id")
    }
    for row in _rows(connection, "select * from v_participants order by meeting_id, person_id"):
        if row["meeting_id"] in meetings:
            meeting = meetings[row["meeting_id"]]
            meeting.participants.append((row["person_name"], normal(row["title"])))
            meeting.people[row["person_name"]] = (row["person_id"], row.get("confidence"))
    sources = """
        select mentions.meeting_id, documents.name, mentions.char_start, mentions.char_end
        from meeting_mentions as mentions
        join documents on documents.id = mentions.document_id
        order by mentions.meeting_id, documents.name, mentions.char_start
    """
    for row in _rows(connection, sources):
        if row["meeting_id"] in meetings:
            meetings[row["meeting_id"]].sources.append(
                Source(row["name"], row["char_start"], row["char_end"])
            )
    return tuple(meetings.values())


def _outcomes(connection: Connection) -> tuple[PredictedOutcome, ...]:
    return tuple(
        PredictedOutcome(
            meeting_id=row["meeting_id"],
            description=row["description"] or "",
            category=normal(row["category"]),
            status=normal(row["status"]),
            source=Source(row["document_name"] or "", row["char_start"], row["char_end"]),
            outcome_id=row["outcome_id"],
            confidence=row.get("confidence"),
        )
        for row in _rows(connection, "select * from v_outcomes order by outcome_id")
    )


def _statements(connection: Connection) -> dict[str, tuple[PredictedStatement, ...]]:
    by_document: dict[str, list[PredictedStatement]] = defaultdict(list)
    for row in _rows(connection, "select * from v_statements order by statement_id"):
        said = normal(row["text"])
        if normal(row["kind"]) not in SCORED_KINDS or words(said) < MIN_WORDS:
            continue
        source = Source(row["document_name"] or "", row["char_start"], row["char_end"])
        by_document[source.document].append(
            PredictedStatement(
                said,
                row["text"],
                row["speaker_name"],
                source,
                statement_id=row["statement_id"],
                confidence=row.get("confidence"),
            )
        )
    return {document: tuple(items) for document, items in by_document.items()}


def read_predicted(connection: Connection) -> Predicted:
    persons = tuple(row["name"] for row in _rows(connection, "select * from v_persons"))
    return Predicted(
        persons=persons,
        meetings=_meetings(connection),
        outcomes=_outcomes(connection),
        statements=_statements(connection),
    )
