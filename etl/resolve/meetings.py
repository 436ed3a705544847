"""Meeting drafts and the rule that decides when two mentions are one meeting.

Mentions merge when their kinds agree, their dates and places are compatible
and their participants overlap on every side both name; a planned mention
merges into the held meeting it announced. The same rule merges mentions within
a document and, in the loader, across documents.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from etl.resolve.dates import DateConflict
from etl.resolve.gazetteer import Role

REMOTE = frozenset(["call", "video"])  # kinds of a meeting held apart
RECENT = dt.timedelta(days=45)  # an undated mention tells of a meeting this close to its story
DATE_TOLERANCE = dt.timedelta(days=1)
STATUS_RANK = {"held": 2, "planned": 1, "cancelled": 0}


@dataclass
class Participant:
    name: str
    country: str | None
    roles: tuple[Role, ...]  # the roles on record held at the meeting
    start: int
    end: int
    written_title: str | None = None  # the title the document gives the person

    @property
    def title(self) -> str | None:
        """The titles of the roles held, each once: "State Councilor; Foreign Minister"."""
        return "; ".join(dict.fromkeys(role.title for role in self.roles)) or None


@dataclass(frozen=True)
class MentionSpan:
    """One mention of the meeting: its span, what it reported, and where its day
    came from (text, context, dateline or calendar)."""

    start: int
    end: int
    kind: str
    status: str
    day: dt.date | None
    date_text: str | None
    date_source: str | None = None
    found_by: str | None = None  # the extraction's: cue, weak_cue, title, group, visit


@dataclass
class MeetingDraft:
    kind: str
    status: str
    start_date: dt.date | None
    end_date: dt.date | None
    city: str | None
    country: str | None
    venue: str | None
    participants: dict[str, Participant] = field(default_factory=dict)
    spans: list[MentionSpan] = field(default_factory=list)
    conflicts: list[DateConflict] = field(default_factory=list)
    # the days the mention's own document allows: a planned meeting is not
    # before the story announcing it, a held one not after the story reporting it
    not_before: dt.date | None = None
    not_after: dt.date | None = None
    # what a date without a year still says ("Dec. 21", "on Thursday")
    month_day: tuple[int, int] | None = None
    weekday: int | None = None

    def sides(self) -> dict[str | None, set[str]]:
        sides: dict[str | None, set[str]] = {}
        for participant in self.participants.values():
            sides.setdefault(participant.country, set()).add(participant.name)
        return sides


def _days_overlap(a: MeetingDraft, b: MeetingDraft) -> bool:
    if a.start_date is None or b.start_date is None:
        return True
    a_end = a.end_date or a.start_date
    b_end = b.end_date or b.start_date
    return a.start_date - DATE_TOLERANCE <= b_end and b.start_date - DATE_TOLERANCE <= a_end


def _within(window: MeetingDraft, dated: MeetingDraft) -> bool:
    if dated.start_date is None:
        return True
    end = dated.end_date or dated.start_date
    too_early = window.not_before is not None and end < window.not_before - DATE_TOLERANCE
    too_late = window.not_after is not None and dated.start_date > window.not_after + DATE_TOLERANCE
    return not (too_early or too_late)


def dates_compatible(a: MeetingDraft, b: MeetingDraft) -> bool:
    if not (_within(a, b) and _within(b, a)):
        return False
    return _days_overlap(a, b)


def places_compatible(a: MeetingDraft, b: MeetingDraft) -> bool:
    if a.city and b.city and a.city != b.city:
        return False
    return not (a.country and b.country and a.country != b.country)


def participants_compatible(a: MeetingDraft, b: MeetingDraft) -> bool:
    if not set(a.participants) & set(b.participants):
        return False
    a_sides, b_sides = a.sides(), b.sides()
    return all(a_sides[side] & b_sides[side] for side in set(a_sides) & set(b_sides))


def positively_anchored(a: MeetingDraft, b: MeetingDraft) -> bool:
    """Two sources agree on something besides people: a date, a city, or the
    very same people told near the same time (an undated "call between the two
    leaders" in a 2025 story is not their 2017 call)."""
    same_day = a.start_date is not None and b.start_date is not None and dates_compatible(a, b)
    same_city = a.city is not None and a.city == b.city
    same_people = set(a.participants) == set(b.participants) and _told_near(a, b)
    return same_day or same_city or same_people


def _anchor(draft: MeetingDraft) -> dt.date | None:
    """The day a meeting is known to be near: its date, or the story's day."""
    return draft.start_date or draft.not_after or draft.not_before


def _told_near(a: MeetingDraft, b: MeetingDraft) -> bool:
    days = [_anchor(a), _anchor(b)]
    if None in days:
        return True  # nothing to tell them apart by
    first, second = sorted(d for d in days if d is not None)
    return (second - first) <= RECENT


def same_meeting(a: MeetingDraft, b: MeetingDraft, *, across_documents: bool = False) -> bool:
    """One meeting: same kind (within a document a "call" and a "video call" of
    the same people are one remote meeting told twice), status family, and
    compatible dates, places and people."""
    remote_pair = not across_documents and {a.kind, b.kind} == REMOTE
    if a.kind != b.kind and not remote_pair:
        return False
    if (a.status == "cancelled") != (b.status == "cancelled"):
        return False
    if not (dates_compatible(a, b) and places_compatible(a, b) and participants_compatible(a, b)):
        return False
    return not across_documents or positively_anchored(a, b)


def merge_into(target: MeetingDraft, other: MeetingDraft) -> MeetingDraft:
    """Fold ``other`` into ``target``: a held report's date beats a planned one,
    a video call is more precise than a call."""
    if {target.kind, other.kind} == REMOTE:
        target.kind = "video"
    if STATUS_RANK[other.status] > STATUS_RANK[target.status]:
        target.status = other.status
        if other.start_date is not None:
            target.start_date, target.end_date = other.start_date, other.end_date
    if target.start_date is None or (
        other.start_date is not None
        and other.status == target.status
        and other.start_date < target.start_date
    ):
        target.start_date = other.start_date or target.start_date
    if (
        other.end_date is not None
        and target.start_date is not None
        and other.status == target.status
    ):
        ends = [d for d in (target.end_date, other.end_date) if d is not None]
        target.end_date = max(ends)
    if (
        target.end_date is not None
        and target.start_date is not None
        and target.end_date < target.start_date
    ):
        target.end_date = target.start_date
    target.city = target.city or other.city
    target.country = target.country or other.country
    target.venue = target.venue or other.venue
    target.month_day = target.month_day or other.month_day
    target.weekday = target.weekday if target.weekday is not None else other.weekday
    for name, participant in other.participants.items():
        kept = target.participants.setdefault(name, participant)
        kept.written_title = kept.written_title or participant.written_title
    target.spans.extend(other.spans)
    target.conflicts.extend(other.conflicts)
    return target


def merge_drafts(drafts: list[MeetingDraft]) -> tuple[list[MeetingDraft], list[int]]:
    """Merge compatible drafts in order; returns the meetings and, for each input
    draft, the index of the meeting it ended up in."""
    merged: list[MeetingDraft] = []
    where: list[int] = []
    for draft in drafts:
        target = next((i for i, m in enumerate(merged) if same_meeting(m, draft)), None)
        if target is None:
            merged.append(draft)
            where.append(len(merged) - 1)
        else:
            merge_into(merged[target], draft)
            where.append(target)
    return merged, where


def meeting_title(draft: MeetingDraft) -> str:
    names = " – ".join(sorted(draft.participants)) or "Unnamed meeting"
    kind = {"call": " (call)", "video": " (video call)"}.get(draft.kind, "")
    place = f", {draft.city}" if draft.city else ""
    return f"{names}{kind}{place}"
