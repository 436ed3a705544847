"""The normalized schema: documents and runs, persons, meetings, statements, outcomes.

Every extracted row carries provenance (document, character span, extractor
version) through :class:`Evidence`. Enumerations are CHECK constraints and
natural keys are UNIQUE, so the database itself refuses inconsistent data.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from etl.db.base import Base

DOCUMENT_STATUSES = ("loaded", "failed", "skipped")
RUN_STATUSES = ("running", "succeeded", "failed", "partial", "interrupted")
MEETING_KINDS = ("in_person", "call", "video")
MEETING_STATUSES = ("held", "planned", "cancelled")
STATEMENT_KINDS = ("transcript_turn", "direct_quote", "reported")
QUOTE_VERDICTS = ("exact", "altered", "truncated", "paraphrased", "misattributed")
OUTCOME_CATEGORIES = (
    "working_group",
    "talks",
    "dialogue_mechanism",
    "commitment",
    "invitation",
    "other",
)
OUTCOME_STATUSES = ("agreed", "discussed")
DATE_SOURCES = ("text", "context", "dateline", "calendar")
FOUND_BY = ("cue", "weak_cue", "title", "group", "visit")
CONFLICT_RESOLUTIONS = ("year_adjusted", "dropped", "calendar")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} in ({', '.join(repr(v) for v in values)})"


def confidence_check() -> CheckConstraint:
    return CheckConstraint("confidence >= 0 and confidence <= 1", name="confidence")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Timestamped:
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime, default=_now, server_default=func.now()
    )


class Evidence:
    """Provenance of one extracted fact: ``document.text[char_start:char_end]``."""

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    extractor_version: Mapped[str] = mapped_column(String(32))


def span_check() -> CheckConstraint:
    return CheckConstraint("char_start >= 0 and char_end >= char_start", name="span")


class IngestionRun(Base):
    __tablename__ = "ingestion_runs"
    __table_args__ = (CheckConstraint(_in("status", RUN_STATUSES), name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(16), default="running")
    documents_seen: Mapped[int] = mapped_column(Integer, default=0)
    documents_loaded: Mapped[int] = mapped_column(Integer, default=0)
    documents_skipped: Mapped[int] = mapped_column(Integer, default=0)
    documents_unchanged: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    documents_failed: Mapped[int] = mapped_column(Integer, default=0)
    flow_run_id: Mapped[str | None] = mapped_column(String(64))
    extractor_version: Mapped[str] = mapped_column(String(32))
    host: Mapped[str | None] = mapped_column(String(255))
    pid: Mapped[int | None] = mapped_column(Integer)
    # the confidence model and reference data this run decided confidences with
    # (etl.resolve.confidence.model_fingerprint): a change re-decides them all
    confidence_model: Mapped[str | None] = mapped_column(String(64))


class Document(Timestamped, Base):
    __tablename__ = "documents"
    __table_args__ = (CheckConstraint(_in("status", DOCUMENT_STATUSES), name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(512), unique=True)
    source_path: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(256))
    author: Mapped[str | None] = mapped_column(String(256))
    url: Mapped[str | None] = mapped_column(Text)
    published_date: Mapped[dt.date | None] = mapped_column(Date)
    language: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str | None] = mapped_column(Text)
    text_length: Mapped[int | None] = mapped_column(Integer)  # characters, for span checks
    status: Mapped[str] = mapped_column(String(16))
    error: Mapped[str | None] = mapped_column(Text)
    extractor_version: Mapped[str | None] = mapped_column(String(32))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("ingestion_runs.id", ondelete="SET NULL"))
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime, default=_now, onupdate=_now, server_default=func.now()
    )


class Person(Timestamped, Base):
    __tablename__ = "persons"
    __table_args__ = (
        CheckConstraint("country is null or length(country) = 2", name="country_alpha2"),
        CheckConstraint("source in ('gazetteer', 'extracted')", name="source"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    canonical_name: Mapped[str] = mapped_column(String(256), unique=True)
    country: Mapped[str | None] = mapped_column(String(2))
    wikidata_id: Mapped[str | None] = mapped_column(String(32), unique=True)
    source: Mapped[str] = mapped_column(String(16), default="gazetteer")

    aliases: Mapped[list[PersonAlias]] = relationship(back_populates="person")
    roles: Mapped[list[PersonRole]] = relationship(back_populates="person")


class PersonAlias(Base):
    __tablename__ = "person_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(256))
    normalized: Mapped[str] = mapped_column(String(256), unique=True)

    person: Mapped[Person] = relationship(back_populates="aliases")


class PersonRole(Base):
    __tablename__ = "person_roles"
    __table_args__ = (
        UniqueConstraint("person_id", "role_key"),
        CheckConstraint(
            "valid_to is null or valid_from is null or valid_to >= valid_from", name="dates"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    role_key: Mapped[str] = mapped_column(String(300))
    title: Mapped[str] = mapped_column(String(256))
    organization: Mapped[str | None] = mapped_column(String(256))
    valid_from: Mapped[dt.date | None] = mapped_column(Date)
    valid_to: Mapped[dt.date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship(back_populates="roles")


class ReferenceMeeting(Base):
    """A known meeting of the reference calendar (``engagements.yaml``), loaded
    like the gazetteer: what a meeting dated or placed "by the calendar"
    (``v_meetings.date_source``) was matched to, with the source of the fact."""

    __tablename__ = "reference_meetings"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="dates"),
        CheckConstraint("country is null or length(country) = 2", name="country_alpha2"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    reference_key: Mapped[str] = mapped_column(String(512), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    city: Mapped[str | None] = mapped_column(String(128))
    country: Mapped[str | None] = mapped_column(String(2))
    venue: Mapped[str | None] = mapped_column(String(256))
    source: Mapped[str | None] = mapped_column(Text)


class ReferenceMeetingPerson(Base):
    """A principal of a known meeting."""

    __tablename__ = "reference_meeting_people"

    reference_meeting_id: Mapped[int] = mapped_column(
        ForeignKey("reference_meetings.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class OfficialSource(Base):
    """A rule saying which documents are a government's own words: a URL host
    suffix or an outlet name, and the side (etl/resolve/data/sources.yaml),
    synced by every run so views can tell an official readout's side."""

    __tablename__ = "official_sources"
    __table_args__ = (
        UniqueConstraint("kind", "pattern"),
        CheckConstraint("kind in ('host', 'outlet')", name="kind"),
        CheckConstraint("length(side) = 2", name="side_alpha2"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    pattern: Mapped[str] = mapped_column(String(128))
    side: Mapped[str] = mapped_column(String(2))


class Topic(Base):
    __tablename__ = "topics"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(128))


class Meeting(Timestamped, Base):
    __tablename__ = "meetings"
    __table_args__ = (
        CheckConstraint(_in("kind", MEETING_KINDS), name="kind"),
        CheckConstraint(_in("status", MEETING_STATUSES), name="status"),
        CheckConstraint(
            "end_date is null or start_date is null or end_date >= start_date", name="dates"
        ),
        CheckConstraint("country is null or length(country) = 2", name="country_alpha2"),
        confidence_check(),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_key: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    city: Mapped[str | None] = mapped_column(String(128))
    country: Mapped[str | None] = mapped_column(String(2))
    venue: Mapped[str | None] = mapped_column(String(256))
    # the first and last publication days of the documents that report it: when
    # an undated meeting can have been (kept as sources come and go)
    first_published: Mapped[dt.date | None] = mapped_column(Date)
    last_published: Mapped[dt.date | None] = mapped_column(Date)
    # how likely the meeting is real, from its evidence (etl.resolve.confidence);
    # null until the end of the run that wrote its sources decides it
    confidence: Mapped[float | None] = mapped_column(Float)


class MeetingPerson(Base):
    """Who took part in a meeting, once per person however many sources say
    so: what matching compares, read without scanning every source's rows."""

    __tablename__ = "meeting_people"
    __table_args__ = (confidence_check(),)

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("persons.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    confidence: Mapped[float | None] = mapped_column(Float)  # that this person took part


class MeetingMention(Evidence, Base):
    __tablename__ = "meeting_mentions"
    __table_args__ = (
        UniqueConstraint("document_id", "char_start", "char_end"),
        CheckConstraint(_in("date_source", DATE_SOURCES), name="date_source"),
        CheckConstraint(_in("found_by", FOUND_BY), name="found_by"),
        span_check(),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    reported_kind: Mapped[str] = mapped_column(String(16))
    reported_status: Mapped[str] = mapped_column(String(16))
    reported_date: Mapped[dt.date | None] = mapped_column(Date)
    reported_end_date: Mapped[dt.date | None] = mapped_column(Date)
    date_text: Mapped[str | None] = mapped_column(String(128))
    # where reported_date came from: the mention's own words, an earlier sentence
    # of the story, its dateline, or the reference calendar of known meetings
    date_source: Mapped[str | None] = mapped_column(String(16))
    # how the text told it (etl.extract.records.MeetingRecord.found_by)
    found_by: Mapped[str | None] = mapped_column(String(16))
    city: Mapped[str | None] = mapped_column(String(128))
    country: Mapped[str | None] = mapped_column(String(2))
    venue: Mapped[str | None] = mapped_column(String(256))


class MeetingParticipant(Evidence, Base):
    __tablename__ = "meeting_participants"
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id", "document_id"),
        span_check(),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    title_as_written: Mapped[str | None] = mapped_column(String(256))  # the document's words
    side: Mapped[str | None] = mapped_column(String(2))


class ParticipantRole(Base):
    """A role on record the participant held at the meeting (on its date; without
    one, the role the document's own titles point to): one row per role held,
    so the title is data to join, not a joined string to parse."""

    __tablename__ = "participant_roles"
    __table_args__ = (UniqueConstraint("participant_id", "role_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_participants.id", ondelete="CASCADE"), index=True
    )
    role_id: Mapped[int] = mapped_column(
        ForeignKey("person_roles.id", ondelete="CASCADE"), index=True
    )


class Statement(Evidence, Base):
    __tablename__ = "statements"
    __table_args__ = (
        UniqueConstraint("document_id", "char_start", "char_end", "kind"),
        CheckConstraint(_in("kind", STATEMENT_KINDS), name="kind"),
        span_check(),
        confidence_check(),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("persons.id", ondelete="SET NULL"), index=True
    )
    speaker_label: Mapped[str | None] = mapped_column(String(256))
    speaker_method: Mapped[str | None] = mapped_column(String(32))
    speaker_score: Mapped[float | None] = mapped_column(Float)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    via_interpreter: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str | None] = mapped_column(String(16))
    turn_index: Mapped[int | None] = mapped_column(Integer)
    confidence: Mapped[float | None] = mapped_column(Float)  # that the speaker is right


class QuoteCheck(Base):
    """A statement of a quote group (the same words in several documents),
    checked against the group's best source: derived from the statements after
    each run, for the meetings the run touched."""

    __tablename__ = "quote_checks"
    __table_args__ = (
        CheckConstraint(_in("verdict", QUOTE_VERDICTS), name="verdict"),
        CheckConstraint("similarity >= 0 and similarity <= 100", name="similarity"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), unique=True
    )
    group_id: Mapped[int] = mapped_column(Integer, index=True)  # the best source's statement id
    best_statement_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), index=True
    )
    verdict: Mapped[str] = mapped_column(String(16))
    difference: Mapped[str | None] = mapped_column(Text)
    similarity: Mapped[float] = mapped_column(Float)


class MeetingPending(Base):
    """A meeting whose derived facts (quote groups, confidences) must be decided
    again: marked in the same transaction that writes or clears a document's
    facts, cleared by the run's end that decides them, so an interrupted run
    leaves them marked."""

    __tablename__ = "meetings_pending"

    meeting_id: Mapped[int] = mapped_column(Integer, primary_key=True)  # kept if the meeting goes


class Outcome(Timestamped, Base):
    __tablename__ = "outcomes"
    __table_args__ = (
        UniqueConstraint("meeting_id", "outcome_key"),
        CheckConstraint(_in("category", OUTCOME_CATEGORIES), name="category"),
        CheckConstraint(_in("status", OUTCOME_STATUSES), name="status"),
        confidence_check(),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    outcome_key: Mapped[str] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("topics.id", ondelete="SET NULL"))
    confidence: Mapped[float | None] = mapped_column(Float)  # that it was agreed or discussed


class OutcomeMention(Evidence, Base):
    __tablename__ = "outcome_mentions"
    __table_args__ = (
        UniqueConstraint("outcome_id", "document_id", "char_start", "char_end"),
        CheckConstraint(_in("reported_status", OUTCOME_STATUSES), name="reported_status"),
        span_check(),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    outcome_id: Mapped[int] = mapped_column(
        ForeignKey("outcomes.id", ondelete="CASCADE"), index=True
    )
    # what this source says of it (agreed, discussed); the outcome's status is
    # agreed when any of its sources says so
    reported_status: Mapped[str | None] = mapped_column(String(16))


class StatementTopic(Base):
    __tablename__ = "statement_topics"

    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statements.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[int] = mapped_column(
        ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True
    )


class PersonMentionRecord(Evidence, Base):
    """Every resolved reference to a person, with how it was resolved: the
    audit trail of the resolution cascade (exact, title_surname, role, fuzzy, …)."""

    __tablename__ = "person_mentions"
    __table_args__ = (
        UniqueConstraint("document_id", "char_start", "char_end"),
        CheckConstraint("score >= 0 and score <= 1", name="score"),
        span_check(),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    mention_text: Mapped[str] = mapped_column(String(512))
    mention_kind: Mapped[str] = mapped_column(String(32))
    method: Mapped[str] = mapped_column(String(32))
    score: Mapped[float] = mapped_column(Float)


class DateConflictRecord(Evidence, Base):
    """A parsed meeting date that contradicted the document's publication date or
    a participant's roles, and what was kept instead."""

    __tablename__ = "date_conflicts"
    __table_args__ = (
        CheckConstraint(_in("resolution", CONFLICT_RESOLUTIONS), name="resolution"),
        span_check(),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(
        ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    date_text: Mapped[str] = mapped_column(String(128))
    parsed_date: Mapped[dt.date | None] = mapped_column(Date)  # None: no year in the text
    adopted_date: Mapped[dt.date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text)
    resolution: Mapped[str] = mapped_column(String(16))


class CheckResultRecord(Base):
    """The outcome of one data check (``sql/checks/<name>.sql``) at the end of one run."""

    __tablename__ = "check_results"
    __table_args__ = (
        UniqueConstraint("run_id", "name"),
        CheckConstraint("violations >= 0", name="violations"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(
        ForeignKey("ingestion_runs.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(128))
    violations: Mapped[int] = mapped_column(Integer)
    checked_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)


class ReadFailure(Base):
    """A stored document that could not be read in one run. Recorded beside the
    document, never in place of it: its text and facts stay as they were."""

    __tablename__ = "read_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(
        ForeignKey("ingestion_runs.id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    reason: Mapped[str] = mapped_column(Text)
    failed_at: Mapped[dt.datetime] = mapped_column(DateTime, default=_now)
