"""Meeting sentences whose subject is a group ("the two leaders met …", "they
agreed at a dinner in Buenos Aires …"): whose meeting they tell of, read from
the meetings named before them and the people the document names most."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from etl.extract.records import MeetingRecord, PersonMention

LOOKING_BACK = re.compile(r"\bsince\b|\blast met\b|이후|이래|以来|之后")


def distinct(people: Iterable[PersonMention | None]) -> tuple[PersonMention, ...]:
    """One mention per person, in order of first appearance."""
    seen: dict[str, PersonMention] = {}
    for person in people:
        if person is not None:
            seen.setdefault(person.gazetteer_key or person.text.lower(), person)
    return tuple(seen.values())


def _principals(mentions: Sequence[PersonMention]) -> dict[str, PersonMention]:
    """The most-named person of each country, first full mention kept ("Xi" counts
    for "Xi Jinping"): who "the two leaders" are when no sentence names them both."""
    named = [m for m in mentions if m.country and m.kind not in ("pronoun", "descriptor")]
    full = {
        (m.gazetteer_key or m.name or m.text): m for m in reversed(named) if m.kind != "surname"
    }

    def key(mention: PersonMention) -> str:
        own = mention.gazetteer_key or mention.name or mention.text
        if mention.kind == "surname":
            return next((k for k in full if own in k.split()), own)
        return own

    counts: dict[str, int] = {}
    first: dict[str, PersonMention] = {}
    for mention in named:
        counts[key(mention)] = counts.get(key(mention), 0) + 1
        first.setdefault(key(mention), full.get(key(mention), mention))
    best: dict[str, PersonMention] = {}
    for k in sorted(counts, key=lambda k: (-counts[k], first[k].start)):
        best.setdefault(first[k].country or "", first[k])
    return best


def _of_its_own(named: MeetingRecord, group: MeetingRecord, text: str) -> bool | None:
    """Whether a group mention ("the two leaders met …") is another meeting than
    the one named before it: True when it has a day and a place of its own ("At
    a dinner in Buenos Aires on Dec. 1, 2018, the two leaders agreed …"); None
    when, having both, it looks back ("… since the San Francisco summit"); False
    when it tells more of the same meeting."""
    own_time = group.date is not None and named.date is not None and group.date != named.date
    own_place = (
        group.place is not None
        and named.place is not None
        and (group.place.city, group.place.venue) != (named.place.city, named.place.venue)
    )
    if not (own_time and own_place):
        return False
    return None if LOOKING_BACK.search(text, group.start, group.end) else True


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
    text: str,
) -> list[MeetingRecord]:
    """A meeting sentence that names nobody but a group ("the two leaders met")
    is about the people of the meeting named before it, when there is one: it is
    that meeting or another of theirs (see :func:`_of_its_own`). Otherwise its
    participants are the people the document quotes, completed by the most-named
    person of the other side. One that names nobody at all ("the plan met
    resistance") is no meeting."""
    named: list[MeetingRecord] = []
    for meeting in meetings:
        if meeting.participants:
            named.append(meeting)
        elif named and meeting.group_subject:
            own = _of_its_own(named[-1], meeting, text)
            if own:
                named.append(replace(meeting, participants=named[-1].participants))
            elif own is False:
                named[-1] = _fill(named[-1], meeting)
    if named:
        return named
    principals = _principals(mentions)
    countries = {s.country for s in speakers if s.country}
    missing = [m for country, m in principals.items() if country not in countries]
    if countries and len(principals) >= 2:
        people = distinct([*speakers, *missing[: max(0, 2 - len(countries))]])
    else:
        people = speakers
    return [replace(m, participants=people) for m in meetings if m.group_subject]
