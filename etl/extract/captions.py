"""Photo captions: a short paragraph that ends with a photo's credit
describes the picture (often of another day or event), so its sentences report
nothing of the story: no meeting, no date for the sentences after it. The
credit's words are cues (``PHOTO_CREDIT`` in ``patterns/cues.yaml``); what is
decided here is where they sit."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from etl.extract.nlp import CUES_KEY, doc_text
from etl.extract.spans import Intervals

CREDIT = "PHOTO_CREDIT"
MAX_CAPTION_CHARS = 600  # a longer paragraph is prose that happens to credit a photo
MAX_CREDIT_TAIL = 60  # what may follow the credit's cue: the rest of the credit
# a sentence's end, not an initial's dot ("J. Scott Applewhite")
_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?。！？](?=\s|$)")
_CLOSERS = ")]）」』\"'”’ "


def _ends_paragraph(text: str, credit: Span, end: int) -> bool:
    """Only the rest of the credit follows it to the paragraph's end: names,
    an agency, closing brackets; no sentence ("…told Beijing/AP via email.")."""
    tail = text[credit.end_char : end].rstrip()
    if len(tail) > MAX_CREDIT_TAIL:
        return False
    if tail.endswith((").", ")。")):  # "(Name/AP)." closes the caption's sentence
        tail = tail[:-1]
    return not _SENTENCE_END.search(tail.rstrip(_CLOSERS))


def caption_paragraphs(doc: Doc, paragraphs: Sequence[tuple[int, int]]) -> Intervals:
    """The paragraphs (``(start, end)`` offsets) that are photo captions: a
    short one ending with a credit, and the one just above it when it is the
    caption's words without the credit (a web page's image text)."""
    credits = [c for c in doc.spans.get(CUES_KEY, []) if c.label_ == CREDIT]
    if not credits:
        return Intervals()
    text = doc_text(doc)
    captions: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(paragraphs):
        if end - start > MAX_CAPTION_CHARS:
            continue
        own = [c for c in credits if start <= c.start_char and c.end_char <= end]
        if not any(_ends_paragraph(text, c, end) for c in own):
            continue
        captions.append((start, end))
        if index > 0:
            above_start, above_end = paragraphs[index - 1]
            above = text[above_start:above_end]
            rest = end - start - len(above)
            if text.startswith(above, start) and 0 < rest <= MAX_CREDIT_TAIL:
                captions.append((above_start, above_end))
    return Intervals(captions)
