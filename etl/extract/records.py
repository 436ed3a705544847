"""Typed records that extraction produces and resolution consumes.

Offsets are character offsets into the normalized document text, so
``text[start:end]`` is always the evidence for a record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PersonMention:
    """A reference to a person: a name, a title with a surname, a descriptor
    ("the Chinese leader"), a transcript label or a pronoun."""

    text: str
    start: int
    end: int
    kind: str  # name | surname | descriptor | label | pronoun | titled_name
    name: str | None = None
    title: str | None = None
    title_kind: str | None = None
    country: str | None = None
    gazetteer_key: str | None = None

    @property
    def key(self) -> str:
        """Who the mention names: the known person, else the name, else the words."""
        return self.gazetteer_key or self.name or self.text


@dataclass(frozen=True)
class DateRange:
    start: dt.date | None
    end: dt.date | None
    text: str
    year_known: bool = True
    # "in April 2017": no day, but the first and last days it may be
    within: tuple[dt.date, dt.date] | None = None
    # without a reference date, what the text still says: "Dec. 21" is a month
    # and day of an unknown year, "Thursday" a weekday (Monday = 0)
    month_day: tuple[int, int] | None = None
    weekday: int | None = None


@dataclass(frozen=True)
class Place:
    text: str
    start: int
    end: int
    city: str | None
    country: str | None
    venue: str | None = None


@dataclass(frozen=True)
class StatementRecord:
    kind: str  # transcript_turn | direct_quote | reported
    text: str
    start: int
    end: int
    speaker: PersonMention | None
    speaker_label: str | None
    via_interpreter: bool = False
    language: str | None = None
    turn_index: int | None = None
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class MeetingRecord:
    start: int
    end: int
    kind: str  # in_person | call | video
    status: str  # held | planned | cancelled
    participants: tuple[PersonMention, ...]
    date: DateRange | None = None
    place: Place | None = None
    group_subject: bool = False  # "officials of both countries met": people named elsewhere
    date_span: tuple[int, int] | None = None  # where the date's own words are
    # a visit to this country: the host, the visitor's counterpart there, is the
    # resolver's to find ("she looks forward to visiting Beijing in the spring")
    host_country: str | None = None
    # how the text told it: a meeting cue ("met", "held talks"), a weak one
    # ("talks", "spoke with", "signed by"), a transcript's title, a group of
    # both sides' officials, or a visit; every maker of a record says which
    found_by: str | None = None


@dataclass(frozen=True)
class OutcomeRecord:
    start: int
    end: int
    description: str
    category: str
    status: str
    meeting_index: int | None
    topic: str | None = None


@dataclass
class Extraction:
    language: str
    reference_date: dt.date | None
    persons: list[PersonMention] = field(default_factory=list)
    statements: list[StatementRecord] = field(default_factory=list)
    meetings: list[MeetingRecord] = field(default_factory=list)
    outcomes: list[OutcomeRecord] = field(default_factory=list)
    default_place: Place | None = None  # where the story was filed (its dateline)
    default_date: dt.date | None = None  # when it was filed, when it names a place
