"""Extraction of one document: text in, an :class:`Extraction` out. Pure: no
database, no network; the caller supplies the person names to recognise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from etl.extract.appositives import with_appositive_titles
from etl.extract.borrowed_dates import dated_by_act, dated_by_agreement
from etl.extract.captions import caption_paragraphs
from etl.extract.consensus import listed_outcomes
from etl.extract.dates import date_line, dateline, filed_on
from etl.extract.group_mentions import (
    distinct,
    with_attendees,
    with_both_sides,
    with_delegations,
    with_fallback,
)
from etl.extract.korean_names import korean_titled_names
from etl.extract.label_names import named_label
from etl.extract.language import detect_language
from etl.extract.meetings import meeting_mentions
from etl.extract.mentions import (
    candidate_mentions,
    dateline_place,
    dateline_span,
    person_mentions,
    places,
    pronoun_mentions,
)
from etl.extract.narrated import narrated_quotes
from etl.extract.nlp import NamePattern, cached_pipeline, tokenizer_safe
from etl.extract.outcome_subjects import said_by_a_party
from etl.extract.outcomes import outcome_mentions
from etl.extract.quotes import find_quotes
from etl.extract.records import Extraction, PersonMention, Place
from etl.extract.sentences import OUTCOME_LABELS, sentence_views
from etl.extract.spans import Intervals
from etl.extract.statements import Context, extract_statements, label_speaker
from etl.extract.subjects import pronoun_subjects
from etl.extract.text import title_end
from etl.extract.topics import tag_topics
from etl.extract.transcript import find_turns
from etl.extract.transcript_meeting import transcript_meeting
from etl.extract.visits import visit_plans


def _known(names: Sequence[NamePattern]) -> tuple[dict[str, str], dict[str, str]]:
    full = {n.phrase.lower(): n.key for n in names if not n.is_surname and " " in n.phrase}
    surnames = {n.phrase.lower(): n.key for n in names if n.is_surname and len(n.phrase) >= 4}
    return full, surnames


def _preferring(first: list[PersonMention], others: list[PersonMention]) -> list[PersonMention]:
    """All mentions by position; where two start together, the one of ``first``."""
    taken = {m.start for m in first}
    return sorted(first + [m for m in others if m.start not in taken], key=lambda m: m.start)


def _key(mention: PersonMention) -> tuple[int, int]:
    return mention.start, mention.end


def _host(mentions: Sequence[PersonMention], title_end: int) -> PersonMention | None:
    """The one person a document's title names ("外交部发言人汪文斌主持例行记者会")."""
    named = distinct(m for m in mentions if m.end <= title_end and m.kind != "pronoun")
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
    reference = date_line(text) or published or dateline(text)
    full, surnames = _known(names)
    mentions = with_appositive_titles(
        doc,
        _preferring(
            korean_titled_names(doc), person_mentions(doc) + candidate_mentions(doc, full, surnames)
        ),
    )
    found_places = places(doc)
    turns = find_turns(text)
    labels = Intervals([(t.label_start, t.label_end) for t in turns])
    named = [named_label(m, text) if labels.overlaps(m.start, m.end) else m for m in mentions]
    # "MS WHITFIELD:" read as the Dana Whitfield the text introduces: a briefer,
    # who explains a meeting and is no participant of it
    briefers = {_key(m) for m, n in zip(mentions, named, strict=True) if m is not n}
    mentions = named
    surname_words = frozenset(n.phrase for n in names if n.is_surname)
    ctx = Context(text, doc, mentions, pronoun_mentions(doc, surname_words))
    host = _host(mentions, title_end(text))
    turn_speakers = [label_speaker(t, mentions, host) for t in turns]
    principals = [None if who is None or _key(who) in briefers else who for who in turn_speakers]
    statements = [
        replace(s, topics=tag_topics(s.text))
        for s in extract_statements(ctx, turns, turn_speakers, language)
    ]
    quotes = find_quotes(text, ctx.paragraphs)
    narrated = narrated_quotes(doc, quotes, statements)
    views = sentence_views(
        doc,
        mentions,
        found_places,
        quoted=[
            (q.outer_start, q.outer_end)
            for q in quotes
            if (q.outer_start, q.outer_end) not in narrated
        ]
        + [(t.label_start, t.label_end) for t in turns],
        turns=[(t.label_start, t.end, who) for t, who in zip(turns, principals, strict=True)],
    )
    captions = caption_paragraphs(doc, ctx.paragraphs)
    views = [v for v in views if not captions.overlaps(v.start, v.end)]
    quoted_people = distinct(
        s.speaker
        for s in statements
        if s.kind != "reported" and s.speaker is not None and _key(s.speaker) not in briefers
    )
    filed = dateline_span(doc)
    filed_from = dateline_place(doc)
    told = meeting_mentions(views, text, reference, filed)
    grouped = with_delegations(
        with_attendees(with_fallback(told, quoted_people, mentions, views), views), views
    )
    grouped = with_both_sides(grouped, quoted_people, mentions)
    meetings = dated_by_act(
        dated_by_agreement(grouped, views, text, reference), views, text, reference
    )
    told_at = {m.start for m in meetings}
    visits = visit_plans(views, text, reference, pronoun_subjects(views))
    meetings = sorted(
        meetings + [v for v in visits if v.start not in told_at], key=lambda m: m.start
    )
    if turns:
        recorded = transcript_meeting(
            views, turns[0].label_start, distinct(principals), text, reference
        )
        if recorded is not None:
            meetings.insert(0, recorded)
    meeting_at: dict[int, int] = {}
    for index, meeting in enumerate(meetings):
        if meeting.host_country is None:  # a visit planned is a result, not the occasion
            meeting_at.setdefault(meeting.start, index)
    outcomes, listed = listed_outcomes(views, text, meeting_at)
    parties = frozenset(p.key for m in meetings for p in m.participants)
    for view in views:
        if view.start in listed:
            continue
        if not any(c.label_ in OUTCOME_LABELS for c in view.cues):
            continue
        if view.in_turn and not said_by_a_party(view, text, parties):
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
