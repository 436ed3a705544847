"""The reference calendar of known meetings (``data/engagements.yaml``).

A story often tells a meeting without a usable date: it has no publication date
and says "yesterday", or its only date contradicts the participants' roles. When
exactly one known meeting fits everything the text does say (who, where, what
kind, the days its document allows, a month and day or a weekday), that meeting
is the one told, and its days and place are facts rather than guesses. When
several fit, or none, nothing is filled.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml

from etl.extract.nlp import SAFE_LOADER
from etl.resolve.meetings import MeetingDraft

DEFAULT_PATH = Path(__file__).with_name("data") / "engagements.yaml"
TOLERANCE = dt.timedelta(days=1)  # the other side of the date line
NEAR = dt.timedelta(days=7)  # "Blinken met Wang in Beijing" is the visit the story is about
PLANNED_HORIZON = dt.timedelta(days=31)  # a plan is for the coming weeks


@dataclass(frozen=True)
class Engagement:
    start: dt.date
    end: dt.date
    participants: frozenset[str]
    city: str | None
    country: str | None
    venue: str | None
    source: str | None
    kind: str = "in_person"

    def days(self) -> list[dt.date]:
        count = (self.end - self.start).days + 1
        return [self.start + dt.timedelta(days=i) for i in range(count)]


@dataclass(frozen=True)
class Told:
    """What one document says of a meeting."""

    kind: str
    participants: frozenset[str]
    sides: int  # how many countries the participants come from
    city: str | None = None
    country: str | None = None
    venue: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    not_before: dt.date | None = None
    not_after: dt.date | None = None
    month_day: tuple[int, int] | None = None
    weekday: int | None = None
    near: dt.date | None = None  # the document's own day


def _place_fits(entry: Engagement, told: Told) -> bool:
    pairs = ((told.city, entry.city), (told.country, entry.country), (told.venue, entry.venue))
    return all(said is None or known is None or said == known for said, known in pairs)


def _days_fit(entry: Engagement, told: Told) -> bool:
    if told.start is not None:
        end = told.end or told.start
        if told.start - TOLERANCE > entry.end or entry.start > end + TOLERANCE:
            return False
    if told.not_before is not None and entry.end < told.not_before - TOLERANCE:
        return False
    if told.not_after is not None and entry.start > told.not_after + TOLERANCE:
        return False
    days = entry.days()
    if told.month_day is not None and all((d.month, d.day) != told.month_day for d in days):
        return False
    return told.weekday is None or any(d.weekday() == told.weekday for d in days)


def fits(entry: Engagement, told: Told) -> bool:
    """Could ``told`` be this meeting? Both sides must be named, and nobody the
    calendar does not list for it."""
    if told.kind != entry.kind or told.sides < 2 or len(told.participants) < 2:
        return False
    if not told.participants <= entry.participants:
        return False
    return _place_fits(entry, told) and _days_fit(entry, told)


@dataclass(frozen=True)
class Calendar:
    entries: tuple[Engagement, ...]

    def match(self, told: Told) -> Engagement | None:
        """The one known meeting ``told`` is, or None when none or several fit;
        among several, the only one within a week of the document's day."""
        candidates = [entry for entry in self.entries if fits(entry, told)]
        if len(candidates) > 1 and told.near is not None:
            near = told.near
            candidates = [e for e in candidates if e.start - NEAR <= near and near <= e.end + NEAR]
        return candidates[0] if len(candidates) == 1 else None


def _told(meeting: MeetingDraft, day: dt.date | None) -> Told:
    not_after = meeting.not_after
    if meeting.status == "planned" and day is not None:
        # a visit announced in January and postponed is not the one made in June
        horizon = day + PLANNED_HORIZON
        not_after = min(not_after, horizon) if not_after else horizon
    return Told(
        kind=meeting.kind,
        participants=frozenset(meeting.participants),
        sides=len({p.country for p in meeting.participants.values() if p.country}),
        city=meeting.city,
        country=meeting.country,
        venue=meeting.venue,
        start=meeting.start_date,
        end=meeting.end_date,
        not_before=meeting.not_before,
        not_after=not_after,
        month_day=meeting.month_day,
        weekday=meeting.weekday,
        near=day,
    )


def consult_calendar(calendar: Calendar, meeting: MeetingDraft, day: dt.date | None) -> None:
    """Give a meeting of a document dated ``day`` (or undated) the days of the one
    known meeting it can be, if it has none, and its place, if it has none; a
    conflict that dropped the text's date records the day adopted instead."""
    if meeting.status == "cancelled":
        return
    known = calendar.match(_told(meeting, day))
    if known is None:
        return
    if meeting.city is None and meeting.country in (None, known.country):
        meeting.city, meeting.country = known.city, known.country
    if meeting.venue is None and meeting.city == known.city:
        meeting.venue = known.venue
    if meeting.start_date is not None:
        return
    meeting.start_date, meeting.end_date = known.start, known.end
    meeting.spans = [
        replace(span, day=known.start, date_source="calendar") if span.day is None else span
        for span in meeting.spans
    ]
    meeting.conflicts = [
        replace(c, resolution="calendar", adopted=known.start) if c.resolution == "dropped" else c
        for c in meeting.conflicts
    ]


def _day(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def load_calendar(path: Path = DEFAULT_PATH) -> Calendar:
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or []
    entries = []
    for item in raw:
        start = _day(item["start"])
        end = _day(item.get("end") or start)
        if end < start:
            raise ValueError(f"{path}: {start} ends before it starts")
        entries.append(
            Engagement(
                start=start,
                end=end,
                participants=frozenset(item["participants"]),
                city=item.get("city"),
                country=item.get("country"),
                venue=item.get("venue"),
                source=item.get("source"),
                kind=item.get("kind", "in_person"),
            )
        )
    return Calendar(tuple(entries))


@lru_cache(maxsize=1)
def default_calendar() -> Calendar:
    return load_calendar()
