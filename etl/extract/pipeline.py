"""Extraction of one document: text in, an :class:`Extraction` out. Pure: no
database, no network; the caller supplies the person names to recognise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace

from etl.extract.dates import dateline
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
from etl.extract.outcomes import outcome_mentions
from etl.extract.quotes import find_quotes
from etl.extract.records import Extraction, MeetingRecord, PersonMention
from etl.extract.statements import Context, extract_statements, label_speaker
from etl.extract.topics import tag_topics
from etl.extract.transcript import find_turns
from etl.extract.transcript_meeting import transcript_meeting


def _known(names: Sequence[NamePattern]) -> tuple[dict[str, str], dict[str, str]]:
    full = {n.phrase.lower(): n.key for n in names if not n.is_surname and " " in n.phrase}
    surnames = {n.phrase.lower(): n.key for n in names if n.is_surname and len(n.phrase) >= 4}
    return full, surnames


def _distinct(people: Iterable[PersonMention | None]) -> tuple[PersonMention, ...]:
    """One mention per person, in order of first appearance."""
    seen: dict[str, PersonMention] = {}
    for person in people:
        if person is not None:
            seen.setdefault(person.gazetteer_key or person.text.lower(), person)
    return tuple(seen.values())


def _with_fallback(
    meetings: list[MeetingRecord], speakers: tuple[PersonMention, ...]
) -> list[MeetingRecord]:
    """A meeting sentence that names nobody but a group ("officials of both
    countries met") takes the people the document quotes as its participants,
    unless the document names the people of another meeting: then "the two
    leaders' talks" refers back to that meeting and adds nothing. One that names
    nobody at all ("the plan met resistance") is no meeting."""
    named = [m for m in meetings if m.participants]
    if named:
        return named
    return [replace(m, participants=speakers) for m in meetings if m.group_subject]


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
    statements = [
        replace(s, topics=tag_topics(s.text)) for s in extract_statements(ctx, turns, language)
    ]
    quotes = find_quotes(text, ctx.paragraphs)
    turn_speakers = [label_speaker(t, mentions) for t in turns]
    views = sentence_views(
        doc,
        mentions,
        found_places,
        quoted=[(q.outer_start, q.outer_end) for q in quotes]
        + [(t.label_start, t.label_end) for t in turns],
        turns=[(t.label_start, t.end, who) for t, who in zip(turns, turn_speakers, strict=True)],
    )
    quoted_people = _distinct(s.speaker for s in statements if s.kind != "reported")
    meetings = _with_fallback(
        meeting_mentions(views, text, reference, dateline_span(doc)), quoted_people
    )
    if turns:
        recorded = transcript_meeting(
            views, turns[0].label_start, _distinct(turn_speakers), text, reference
        )
        if recorded is not None:
            meetings.insert(0, recorded)
    outcomes = []
    meeting_at: dict[int, int] = {}
    for index, meeting in enumerate(meetings):
        meeting_at.setdefault(meeting.start, index)
    for view in views:
        if view.in_turn or not any(c.label_ in OUTCOME_LABELS for c in view.cues):
            continue
        outcomes.extend(outcome_mentions(view, text, meeting_at.get(view.start)))
    return Extraction(
        language=language,
        reference_date=reference,
        persons=mentions,
        statements=statements,
        meetings=meetings,
        outcomes=outcomes,
        default_place=dateline_place(doc),
    )
