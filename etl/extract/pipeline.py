"""Extraction of one document: text in, an :class:`Extraction` out. Pure: no
database, no network; the caller supplies the person names to recognise."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from etl.extract.dates import dateline, filed_on
from etl.extract.language import detect_language
from etl.extract.meetings import OUTCOME_LABELS, meeting_mentions, sentence_views
from etl.extract.mentions import (
    candidate_mentions,
    dateline_place,
    dateline_span,
    person_mentions,
    places,
    pronoun_mentions,
)
from etl.extract.nlp import NamePattern, cached_pipeline, tokenizer_safe
from etl.extract.outcomes import listed_outcomes, outcome_mentions, said_by_a_party
from etl.extract.quotes import find_quotes
from etl.extract.records import Extraction, MeetingRecord, PersonMention, Place
from etl.extract.statements import Context, extract_statements, label_speaker
from etl.extract.text import title_end
from etl.extract.topics import tag_topics
from etl.extract.transcript import find_turns
from etl.extract.transcript_meeting import transcript_meeting


def _known(names: Sequence[NamePattern]) -> tuple[dict[str, str], dict[str, str]]:
    full = {n.phrase.lower(): n.key for n in names if not n.is_surname and " " in n.phrase}
    surnames = {n.phrase.lower(): n.key for n in names if n.is_surname and len(n.phrase) >= 4}
    return full, surnames


LOOKING_BACK = re.compile(r"\bsince\b|\blast met\b|이후|이래|以来|之后")


def _distinct(people: Iterable[PersonMention | None]) -> tuple[PersonMention, ...]:
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
    return replace(named, date=named.date or group.date, place=named.place or group.place)


def _with_fallback(
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
        people = _distinct([*speakers, *missing[: max(0, 2 - len(countries))]])
    else:
        people = speakers
    return [replace(m, participants=people) for m in meetings if m.group_subject]


def _host(mentions: Sequence[PersonMention], title_end: int) -> PersonMention | None:
    """The one person a document's title names ("外交部发言人汪文斌主持例行记者会")."""
    named = _distinct(m for m in mentions if m.end <= title_end and m.kind != "pronoun")
    return named[0] if len(named) == 1 else None


def _placed(place: Place | None, day: dt.date | None) -> dt.date | None:
    return day if place is not None else None


def extract(
    text: str,
    *,
    names: Sequence[NamePattern] = (),
    published: dt.date | None = None,
) -> Extraction:
    language = detect_language(text)
    lang = "zh" if language == "zh" else "en"
    nlp = cached_pipeline(tuple(names), lang)
    doc = nlp(text if lang == "zh" else tokenizer_safe(text))
    reference = published or dateline(text)
    full, surnames = _known(names)
    mentions = sorted(
        person_mentions(doc) + candidate_mentions(doc, full, surnames), key=lambda m: m.start
    )
    found_places = places(doc)
    turns = find_turns(text)
    surname_words = frozenset(n.phrase for n in names if n.is_surname)
    ctx = Context(text, doc, mentions, pronoun_mentions(doc, surname_words))
    host = _host(mentions, title_end(text))
    turn_speakers = [label_speaker(t, mentions, host) for t in turns]
    statements = [
        replace(s, topics=tag_topics(s.text))
        for s in extract_statements(ctx, turns, turn_speakers, language)
    ]
    quotes = find_quotes(text, ctx.paragraphs)
    views = sentence_views(
        doc,
        mentions,
        found_places,
        quoted=[(q.outer_start, q.outer_end) for q in quotes]
        + [(t.label_start, t.label_end) for t in turns],
        turns=[(t.label_start, t.end, who) for t, who in zip(turns, turn_speakers, strict=True)],
    )
    quoted_people = _distinct(s.speaker for s in statements if s.kind != "reported")
    filed = dateline_span(doc)
    filed_from = dateline_place(doc)
    meetings = _with_fallback(
        meeting_mentions(views, text, reference, filed), quoted_people, mentions, text
    )
    if turns:
        recorded = transcript_meeting(
            views, turns[0].label_start, _distinct(turn_speakers), text, reference
        )
        if recorded is not None:
            meetings.insert(0, recorded)
    meeting_at: dict[int, int] = {}
    for index, meeting in enumerate(meetings):
        meeting_at.setdefault(meeting.start, index)
    outcomes, listed = listed_outcomes(views, text, meeting_at)
    for view in views:
        if view.start in listed:
            continue
        if not any(c.label_ in OUTCOME_LABELS for c in view.cues):
            continue
        if view.in_turn and not said_by_a_party(view, text):
            continue
        outcomes.extend(outcome_mentions(view, text, meeting_at.get(view.start)))
    return Extraction(
        language=language,
        reference_date=reference,
        persons=mentions,
        statements=statements,
        meetings=meetings,
        outcomes=outcomes,
        default_place=filed_from,
        # a transcript's header ("Filoli Estate, Woodside, California / November 15,
        # 2023") places it as a dateline does, without the dash
        default_date=filed_on(text, filed, reference) if filed else _placed(filed_from, reference),
    )
