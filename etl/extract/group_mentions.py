"""Meeting sentences whose subject is a group ("the two leaders met …", "they
agreed at a dinner in Buenos Aires …"): whose meeting they tell of, read from
the meetings named before them and the people the document names most."""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import replace

from etl.extract.records import MeetingRecord, PersonMention
from etl.extract.sentences import SentenceView
from etl.extract.text import is_hangul


def distinct(people: Iterable[PersonMention | None]) -> tuple[PersonMention, ...]:
    """One mention per person, in order of first appearance."""
    seen: dict[str, PersonMention] = {}
    for person in people:
        if person is not None:
            seen.setdefault(person.gazetteer_key or person.text.lower(), person)
    return tuple(seen.values())


def _principals(
    ranked: Sequence[PersonMention], leaving_out: frozenset[str] = frozenset()
) -> dict[str, PersonMention]:
    """The most-named person of each country (``ranked`` by :func:`_by_mentions`):
    who "the two leaders" are when no sentence names them both."""
    best: dict[str, PersonMention] = {}
    for person in ranked:
        if person.key not in leaving_out:
            best.setdefault(person.country or "", person)
    return best


def _by_mentions(mentions: Sequence[PersonMention]) -> list[PersonMention]:
    """The people of a document, most-named first (ties: named first), each by
    their first full mention ("Xi" counts for "Xi Jinping")."""
    named = [m for m in mentions if m.country and m.kind not in ("pronoun", "descriptor")]
    full = {m.key: m for m in reversed(named) if m.kind != "surname"}

    def key(mention: PersonMention) -> str:
        own = mention.key
        if mention.kind == "surname":
            return next((k for k in full if own in k.split()), own)
        return own

    counts: dict[str, int] = {}
    first: dict[str, PersonMention] = {}
    for mention in named:
        counts[key(mention)] = counts.get(key(mention), 0) + 1
        first.setdefault(key(mention), full.get(key(mention), mention))
    return [first[k] for k in sorted(counts, key=lambda k: (-counts[k], first[k].start))]


def _looks_back(group: MeetingRecord, back: Sequence[int]) -> bool:
    """A LOOKING_BACK cue ("since", "이후") in the group mention's sentence."""
    at = bisect_left(back, group.start)
    return at < len(back) and back[at] < group.end


def _of_its_own(named: MeetingRecord, group: MeetingRecord, back: Sequence[int]) -> bool | None:
    """Whether a group mention ("the two leaders met …") is another meeting than
    the one named before it: True when it has a day and a place of its own ("At
    a dinner in Buenos Aires on Dec. 1, 2018, the two leaders agreed …"); None
    when, having both, it looks back ("… since the San Francisco summit"); False
    when it tells more of the same meeting."""
    own_time = group.date is not None and named.date is not None and group.date != named.date
    if own_time and group.kind != "in_person" and group.kind == named.kind:
        return None if _looks_back(group, back) else True  # a call has no place
    own_place = (
        group.place is not None
        and named.place is not None
        and (group.place.city, group.place.venue) != (named.place.city, named.place.venue)
    )
    if not (own_time and own_place):
        return False
    return None if _looks_back(group, back) else True


def _fill(named: MeetingRecord, group: MeetingRecord) -> MeetingRecord:
    """ "The two leaders met for 100 minutes on Thursday": the day or place of
    the meeting named before, where it lacks them."""
    if (named.kind, named.status) != (group.kind, group.status):
        return named
    if named.date is None:
        named = replace(named, date=group.date, date_span=group.date_span)
    return replace(named, place=named.place or group.place)


def with_fallback(
    meetings: list[MeetingRecord],
    speakers: tuple[PersonMention, ...],
    mentions: Sequence[PersonMention],
    views: Sequence[SentenceView],
) -> list[MeetingRecord]:
    """A meeting sentence that names nobody but a group ("the two leaders met")
    is about the people of the meeting named before it, when there is one: it is
    that meeting or another of theirs (see :func:`_of_its_own`). Otherwise its
    participants are the people the document quotes, completed by the most-named
    person of the other side. One that names nobody at all ("the plan met
    resistance") is no meeting."""
    back = sorted(c.start_char for v in views for c in v.cues if c.label_ == "LOOKING_BACK")
    named: list[MeetingRecord] = []
    for meeting in meetings:
        if meeting.participants:
            named.append(meeting)
        elif named and meeting.group_subject:
            own = _of_its_own(named[-1], meeting, back)
            if own:
                named.append(replace(meeting, participants=named[-1].participants))
            elif own is False:
                named[-1] = _fill(named[-1], meeting)
    if named:
        return named
    principals = _principals(_by_mentions(mentions))
    countries = {s.country for s in speakers if s.country}
    missing = [m for country, m in principals.items() if country not in countries]
    if countries and len(principals) >= 2:
        people = distinct([*speakers, *missing[: max(0, 2 - len(countries))]])
    else:
        people = speakers
    return [replace(m, participants=people) for m in meetings if m.group_subject]


def with_both_sides(
    meetings: list[MeetingRecord],
    speakers: tuple[PersonMention, ...],
    mentions: Sequence[PersonMention],
) -> list[MeetingRecord]:
    """ "中美在伦敦举行会谈，美国商务部长…说": a meeting of both sides that names one
    side's people only is completed by the people the story quotes and the
    most-named person of the other side, leaving out the people of the story's
    other meetings (a call the story announces is theirs)."""
    result = list(meetings)
    ranked: list[PersonMention] | None = None
    taking_part = Counter(k for r in result for k in {p.key for p in r.participants})
    for index, record in enumerate(result):
        if not record.group_subject or _sides(record) != 1:
            continue
        own = {p.key for p in record.participants}
        elsewhere = frozenset(k for k, n in taking_part.items() if n > (k in own))
        quoted = [s for s in speakers if s.key not in elsewhere]
        sides = {p.country for p in record.participants}
        ranked = _by_mentions(mentions) if ranked is None else ranked
        principals = _principals(ranked, elsewhere)
        missing = [m for country, m in principals.items() if country not in sides]
        people = distinct([*record.participants, *quoted, *missing[:1]])
        if len({p.country for p in people if p.country}) >= 2:
            result[index] = replace(record, participants=people)
    return result


MEETING_NOUNS = frozenset(["MEET", "MEET_WEAK", "CALL", "VIDEO"])


def _sides(record: MeetingRecord) -> int:
    return len({p.country for p in record.participants if p.country})


def _attendees(view: SentenceView) -> tuple[PersonMention, ...]:
    """The named people of a sentence that says they attended a meeting."""
    attended = view.first("ATTENDED")
    if attended is None:
        return ()
    # English names the meeting after the verb, Korean before it ("회담에 참석한")
    named_after = any(
        c.label_ in MEETING_NOUNS and c.start_char > attended.start_char for c in view.cues
    )
    if not named_after and not is_hangul(attended.text):
        return ()
    return distinct(m for m in view.mentions if m.kind not in ("pronoun", "descriptor"))


def with_attendees(
    meetings: list[MeetingRecord], views: Sequence[SentenceView]
) -> list[MeetingRecord]:
    """ "Ortiz, who sat in on the second session, said …": people of one side
    said to have attended a meeting join the two-sided meeting told before (or,
    failing that, after) instead of making a meeting of their own."""
    result = list(meetings)
    for view in views:
        people = _attendees(view)
        if not people or len({p.country for p in people if p.country}) > 1:
            continue
        own = next((m for m in result if m.start == view.start and _sides(m) <= 1), None)
        hosts = [m for m in result if m is not own and _sides(m) > 1]
        if not hosts:
            continue
        before = [m for m in hosts if m.start < view.start]
        host = before[-1] if before else hosts[0]
        result[result.index(host)] = replace(
            host, participants=distinct([*host.participants, *people])
        )
        if own is not None:
            result.remove(own)
    return result


DELEGATION_REACH = 2  # sentences between the two sides' "led by"


def _led(view: SentenceView) -> tuple[PersonMention, ...]:
    """The people a "delegation was headed by" sentence names after the cue."""
    led = view.first("LED_BY")
    if led is None or not view.labels() & MEETING_NOUNS:
        return ()
    return distinct(
        m
        for m in view.mentions
        if m.start > led.start_char and m.kind not in ("pronoun", "descriptor")
    )


def with_delegations(
    meetings: list[MeetingRecord], views: Sequence[SentenceView]
) -> list[MeetingRecord]:
    """ "The US delegation was headed by A and B. China's was led by C.": the
    talks of A, B and C, when no meeting told names them together."""
    led = [(n, v, _led(v)) for n, v in enumerate(views)]
    led = [(n, v, people) for n, v, people in led if people]
    result = list(meetings)
    for (n, first, one), (m, last, other) in itertools.pairwise(led):
        people = distinct([*one, *other])
        countries = {p.country for p in people if p.country}
        if m - n > DELEGATION_REACH or len(countries) < 2:
            continue
        keys = {p.gazetteer_key or p.text for p in people}
        if any(
            len(keys & {p.gazetteer_key or p.text for p in r.participants}) >= 2 for r in result
        ):
            continue
        result.append(
            MeetingRecord(start=first.start, end=last.end, kind="in_person", status="held",
                          participants=people, found_by="group")
        )  # fmt: skip
    return sorted(result, key=lambda r: r.start)
