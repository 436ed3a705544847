"""Sentences as the extractors read them: each with the cues, person mentions,
places it holds, whether it is spoken in a transcript turn, and whether it is a
title."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from etl.extract.nlp import CUES_KEY, doc_text
from etl.extract.records import PersonMention, Place
from etl.extract.spans import Intervals, SpanIndex
from etl.extract.text import is_headline, title_end

OUTCOME_LABELS = (
    "AGREED", "COMMITTED", "HOPE", "INVITED", "DISCUSSED", "REITERATED", "VISIT_PLAN", "LAUNCHED",
    "CONTINUED", "DECIDED",
)  # fmt: skip


@dataclass
class SentenceView:
    """One sentence with the cues, mentions, places and dates found in it."""

    span: Span
    cues: list[Span]
    mentions: list[PersonMention]
    places: list[Place]
    in_turn: bool = False  # spoken in a transcript turn, not narrated
    speaker: PersonMention | None = None  # who speaks, when in a transcript turn
    headline: bool = False  # a title or section heading: too terse to report facts

    @property
    def start(self) -> int:
        return self.span.start_char

    @property
    def end(self) -> int:
        return self.span.end_char

    def labels(self) -> set[str]:
        return {c.label_ for c in self.cues}

    def first(self, *labels: str) -> Span | None:
        return next((c for c in self.cues if c.label_ in labels), None)

    def right_before(self, label: str, position: int, text: str) -> Span | None:
        """A cue of ``label`` that ends just before ``position``, only spaces
        between ("had agreed": the HAD cue right before "agreed")."""
        return next(
            (
                c
                for c in self.cues
                if c.label_ == label
                and c.end_char <= position
                and not text[c.end_char : position].strip()
            ),
            None,
        )


def sentence_views(
    doc: Doc,
    mentions: list[PersonMention],
    places: list[Place],
    quoted: list[tuple[int, int]],
    turns: list[tuple[int, int, PersonMention | None]],
) -> list[SentenceView]:
    """Sentences outside quotations, with what they contain; those inside a
    transcript turn are marked with the turn's speaker. ``quoted`` also holds the
    turns' speaker labels, which are not part of any sentence's content."""
    outside = Intervals(quoted)
    spoken = SpanIndex(turns, start=lambda t: t[0])
    cues = SpanIndex(
        [c for c in doc.spans[CUES_KEY] if not outside.overlaps(c.start_char, c.end_char)],
        start=lambda c: c.start_char,
    )
    found_mentions = SpanIndex(
        [m for m in mentions if not outside.overlaps(m.start, m.end)], start=lambda m: m.start
    )
    found_places = SpanIndex(
        [p for p in places if not outside.overlaps(p.start, p.end)], start=lambda p: p.start
    )
    views = []
    title = title_end(doc_text(doc))
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        if outside.overlaps(s, s + 1) and outside.overlaps(e - 1, e):
            continue
        turn = next((t for t in reversed(spoken.starting_in(0, e)) if t[1] > s), None)
        views.append(
            SentenceView(
                span=sent,
                cues=cues.starting_in(s, e),
                mentions=found_mentions.starting_in(s, e),
                places=found_places.starting_in(s, e),
                in_turn=turn is not None,
                speaker=turn[2] if turn is not None else None,
                headline=s < title or is_headline(sent.text),
            )
        )
    return views
