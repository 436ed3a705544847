"""Resolve one document's extraction: persons to canonical names, meeting
mentions merged into meetings with participants' titles at the meeting date,
statements and outcomes linked to their meeting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from etl.extract.records import (
    DateRange,
    Extraction,
    MeetingRecord,
    OutcomeRecord,
    PersonMention,
    Place,
    StatementRecord,
)
from etl.extract.text import is_hangul
from etl.resolve.dates import DateConflict, TitledPerson, check_date
from etl.resolve.engagements import Calendar, consult_calendar, default_calendar
from etl.resolve.gazetteer import Role
from etl.resolve.meetings import MeetingDraft, MentionSpan, Participant, merge_drafts
from etl.resolve.outcomes import prefer_report, same_outcome
from etl.resolve.persons import NON_NAME_TITLES, PersonResolver, Resolution, kind_matches

SIDES = frozenset(["US", "CN"])  # the relationship this database records
TIMELY = dt.timedelta(days=3)  # a dateline place also holds for meetings this close to the story


@dataclass(frozen=True)
class NewPerson:
    """A person not in the gazetteer, created from a title pattern."""

    name: str
    country: str | None


@dataclass(frozen=True)
class ResolvedStatement:
    record: StatementRecord
    speaker: str | None
    method: str | None
    score: float | None
    meeting: int | None


@dataclass(frozen=True)
class ResolvedOutcome:
    record: OutcomeRecord
    meeting: int


@dataclass
class ResolvedDocument:
    statements: list[ResolvedStatement] = field(default_factory=list)
    meetings: list[MeetingDraft] = field(default_factory=list)
    outcomes: list[ResolvedOutcome] = field(default_factory=list)
    new_persons: dict[str, NewPerson] = field(default_factory=dict)
    mentions: list[tuple[PersonMention, Resolution]] = field(default_factory=list)


class DocumentResolver:
    def __init__(
        self,
        resolver: PersonResolver,
        extraction: Extraction,
        calendar: Calendar | None = None,
        today: dt.date | None = None,
    ) -> None:
        self.resolver = resolver
        self.today = today or dt.date.today()
        self.extraction = extraction
        self.calendar = calendar if calendar is not None else default_calendar()
        self.day = extraction.reference_date
        self.context: list[str] = []
        self.by_span: dict[tuple[int, int], Resolution | None] = {}
        self.resolved: list[tuple[PersonMention, Resolution]] = []
        self.kinds: dict[str, set[str]] = {}
        self.new_persons: dict[str, NewPerson] = {}
        self.written_titles: dict[str, str] = {}  # the first title the document gives each
        for mention in extraction.persons:
            self.person(mention)

    def person(self, mention: PersonMention | None) -> Resolution | None:
        if mention is None:
            return None
        key = (mention.start, mention.end)
        if key not in self.by_span:
            found = self._named_before(self.resolver.resolve(mention, self.day, self.context))
            self.by_span[key] = found
            if found is not None:
                self.resolved.append((mention, found))
                if mention.title_kind and mention.title_kind not in NON_NAME_TITLES:
                    self.kinds.setdefault(found.name, set()).add(mention.title_kind)
                    if mention.title and not is_hangul(mention.title):  # "장관과": particles
                        written = " ".join(mention.title.split())
                        self.written_titles.setdefault(found.name, written)
                if found.name not in self.context:
                    self.context.append(found.name)
                if found.entry is None:
                    self.new_persons.setdefault(found.name, NewPerson(found.name, found.country))
        return self.by_span[key]

    def _named_before(self, found: Resolution | None) -> Resolution | None:
        """A person the document created is later named by the end of the name
        ("Foreign Minister Ana Lima Costa" … "Minister Lima Costa"): the same person,
        not a second one."""
        if found is None or found.entry is not None or found.name in self.new_persons:
            return found
        tail = found.name.split()
        for earlier in self.new_persons.values():
            words = earlier.name.split()
            if len(words) > len(tail) and words[-len(tail) :] == tail:
                country = earlier.country or found.country
                return Resolution(earlier.name, "surname_context", 0.85, None, country, found.title)
        return found

    def _roles(
        self,
        resolution: Resolution,
        day: dt.date | None,
        within: tuple[dt.date, dt.date] | None = None,
    ) -> tuple[Role, ...]:
        """The roles held on the meeting's date, or throughout its month ("in
        April 2017"); without a date, the roles of the one title the document's
        own titles for this person point to ("Minister Qin Gang"). A person not
        on record holds none here (the title as written shows instead)."""
        entry = resolution.entry
        if entry is None:
            return ()
        if day is not None:
            return tuple(entry.roles_on(day))
        if within is not None:
            first, last = entry.roles_on(within[0]), entry.roles_on(within[1])
            if _titles(first) == _titles(last):
                return tuple(first)
        kinds = self._doc_kinds(entry.name)
        exact = [role for role in entry.roles if kinds & set(role.kinds)]
        loose = [role for role in entry.roles if any(kind_matches(k, role.kinds) for k in kinds)]
        pool = exact or loose
        return tuple(pool) if len(_titles(pool)) == 1 else ()

    def _doc_kinds(self, name: str) -> frozenset[str]:
        """Role kinds of the titles the document gives this person."""
        return frozenset(self.kinds.get(name, ()))

    def _checked_date(self, record: MeetingRecord) -> tuple[DateRange | None, DateConflict | None]:
        people = []
        for mention in record.participants:
            found = self.person(mention)
            if found is not None and found.entry is not None:
                people.append(TitledPerson(found.entry, self._doc_kinds(found.name)))
        return check_date(
            record.date,
            status=record.status,
            published=self.day,
            people=people,
            span=record.date_span or (record.start, record.end),
            today=self.today,
        )

    def _draft(self, record: MeetingRecord, earlier: list[MeetingDraft]) -> MeetingDraft:
        date, conflict = self._checked_date(record)
        start = date.start if date else None
        # "next week": no day, but the days it may be
        within = record.date.within if record.date and record.date.within else (None, None)
        end = date.end if date else None
        place: Place | None = record.place
        default = self.extraction.default_place
        # "in Malta", filed from Valletta: the dateline names the city; a
        # meeting to come, or one of another time, is not where the story was filed
        if (
            record.kind == "in_person"
            and record.status == "held"
            and default is not None
            and self._timely(record.date, start)
            and (place is None or (place.city is None and place.country == default.country))
        ):
            place = default
        draft = MeetingDraft(
            kind=record.kind,
            status=record.status,
            start_date=start,
            end_date=end,
            city=place.city if place else None,
            country=place.country if place else None,
            venue=place.venue if place else None,
            conflicts=[conflict] if conflict else [],
            not_before=_latest(self.day if record.status == "planned" else None, within[0]),
            not_after=_earliest(self.day if record.status == "held" else None, within[1]),
            month_day=date.month_day if date else None,
            weekday=date.weekday if date else None,
        )
        for mention in record.participants:
            found = self.person(mention)
            if found is None or found.name in draft.participants:
                continue
            draft.participants[found.name] = Participant(
                found.name,
                found.country,
                self._roles(found, start, record.date.within if record.date else None),
                mention.start,
                mention.end,
                self.written_titles.get(found.name),
            )
        if record.host_country is not None:
            self._add_host(draft, record, start)
        source = "text" if start else None
        if record.status == "held" and record.date is None:  # "in June 2023" is its own time
            self._inherit_context(draft, earlier)
            source = source or ("context" if draft.start_date else None)
            self._filed_there(draft)
            source = source or ("dateline" if draft.start_date else None)
        draft.spans.append(
            MentionSpan(
                record.start,
                record.end,
                record.kind,
                record.status,
                draft.start_date,
                record.date.text if record.date else None,
                source,
                record.found_by,
            )
        )
        return draft

    def _add_host(self, draft: MeetingDraft, record: MeetingRecord, start: dt.date | None) -> None:
        """A visit's host: the visitor's counterpart in the country visited, on the
        day of the visit or of the story; the visit's sentence is the evidence."""
        country = record.host_country
        if country is None or any(p.country == country for p in draft.participants.values()):
            return
        visitor = next(iter(draft.participants.values()), None)
        day = start or self.day
        host = self.resolver.counterpart_in(visitor.name, country, day) if visitor and day else None
        if host is not None and day is not None:
            draft.participants[host.name] = Participant(
                host.name, host.country, tuple(host.roles_on(day)), record.start, record.end
            )

    def _timely(self, parsed: DateRange | None, start: dt.date | None) -> bool:
        """Told without a date, or dated within days of the story."""
        if parsed is None:
            return True
        return start is not None and self.day is not None and abs(start - self.day) <= TIMELY

    def _filed_there(self, draft: MeetingDraft) -> None:
        """A held meeting told without a day, in the city the story was filed from
        ("BUSAN, Oct 30 (Reuters) - … The two leaders met at Gimhae Air Base"), is
        the story's own event: it took place on the day of the dateline."""
        default, day = self.extraction.default_place, self.extraction.default_date
        if draft.start_date is not None or default is None or day is None:
            return
        if draft.kind == "in_person" and draft.city is not None and draft.city == default.city:
            draft.start_date, draft.end_date = day, day

    @staticmethod
    def _inherit_context(draft: MeetingDraft, earlier: list[MeetingDraft]) -> None:
        """A held meeting told without a date or place ("Previously, Blinken held
        talks with Wang") shares them with the last held meeting of the same people
        in the document: one trip, one day's story."""
        for previous in reversed(earlier):
            if previous.status != "held" or not set(previous.participants) & set(
                draft.participants
            ):
                continue
            if draft.start_date is None and previous.start_date is not None:
                draft.start_date, draft.end_date = previous.start_date, previous.start_date
            same_kind = previous.kind == draft.kind == "in_person"
            if same_kind and draft.city is None and previous.city is not None:
                draft.city, draft.country = previous.city, previous.country
            return

    def meetings(self) -> tuple[list[MeetingDraft], list[int | None]]:
        drafts: list[MeetingDraft] = []
        positions: list[int | None] = []
        for record in self.extraction.meetings:
            draft = self._draft(record, drafts)
            unhosted = record.host_country is not None and len(draft.participants) < 2
            if not draft.participants or unhosted or not in_scope(draft):
                positions.append(None)
                continue
            positions.append(len(drafts))
            drafts.append(draft)
        merged, where = merge_drafts(drafts)
        for meeting in merged:
            consult_calendar(self.calendar, meeting, self.day)
            by_name = self.resolver.gazetteer.by_name
            for participant in meeting.participants.values():
                entry = by_name.get(participant.name)
                if entry is not None and meeting.start_date is not None:
                    held = tuple(entry.roles_on(meeting.start_date))
                    participant.roles = held or participant.roles
        index = [where[p] if p is not None else None for p in positions]
        return merged, index


def _titles(roles: Iterable[Role]) -> list[str]:
    return list(dict.fromkeys(role.title for role in roles))


def in_scope(draft: MeetingDraft) -> bool:
    """A US–China meeting: both sides there, or no third country (a trip to
    China one side plans or cancels). "Kerry will meet Putin in Sochi" in a US
    briefing, or Wang Yi's talks with a Russian minister, are another relationship's."""
    countries = {p.country for p in draft.participants.values() if p.country}
    return countries >= SIDES or not countries - SIDES


def _latest(*days: dt.date | None) -> dt.date | None:
    return max((d for d in days if d is not None), default=None)


def _earliest(*days: dt.date | None) -> dt.date | None:
    return min((d for d in days if d is not None), default=None)


def _primary(meetings: list[MeetingDraft]) -> int | None:
    if not meetings:
        return None
    return max(range(len(meetings)), key=lambda i: (len(meetings[i].spans), -i))


def _meeting_for_speaker(meetings: list[MeetingDraft], speaker: str | None) -> int | None:
    candidates = [
        i for i, m in enumerate(meetings) if m.status == "held" and speaker in m.participants
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda i: (len(meetings[i].spans), -i))


def resolve_document(
    extraction: Extraction,
    resolver: PersonResolver,
    calendar: Calendar | None = None,
    today: dt.date | None = None,
) -> ResolvedDocument:
    """``today`` is the caller's clock (the run's day); by default the system's."""
    doc = DocumentResolver(resolver, extraction, calendar, today)
    meetings, index = doc.meetings()
    primary = _primary(meetings)
    statements = []
    for record in extraction.statements:
        found = doc.person(record.speaker)
        speaker = found.name if found else None
        meeting = _meeting_for_speaker(meetings, speaker) if record.kind != "reported" else None
        statements.append(
            ResolvedStatement(
                record,
                speaker,
                found.method if found else None,
                found.score if found else None,
                meeting,
            )
        )
    outcomes: list[ResolvedOutcome] = []
    for outcome in extraction.outcomes:
        meeting = index[outcome.meeting_index] if outcome.meeting_index is not None else None
        meeting = meeting if meeting is not None else primary
        if meeting is None:
            continue
        same = next(
            (
                i
                for i, o in enumerate(outcomes)
                if o.meeting == meeting and same_outcome(o.record, outcome)
            ),
            None,
        )
        if same is None:
            outcomes.append(ResolvedOutcome(outcome, meeting))
        elif prefer_report(outcomes[same].record, outcome):
            outcomes[same] = ResolvedOutcome(outcome, meeting)
    mentions = sorted(doc.resolved, key=lambda pair: (pair[0].start, pair[0].end))
    return ResolvedDocument(statements, meetings, outcomes, doc.new_persons, mentions)
