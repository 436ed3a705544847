"""Photo captions: a short paragraph with a photo's credit describes the
picture (often of another day or event), so its sentences report nothing of
the story: no meeting, no date for the sentences after it. The credit's words
are cues (``PHOTO_CREDIT`` in ``patterns/cues.yaml``)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from etl.extract.nlp import CUES_KEY, doc_text
from etl.extract.spans import Intervals

CREDIT = "PHOTO_CREDIT"
MAX_CAPTION_CHARS = 600  # a longer paragraph is prose that happens to credit a photo


def caption_paragraphs(doc: Doc, paragraphs: Sequence[tuple[int, int]]) -> Intervals:
    """The paragraphs (``(start, end)`` offsets) that are photo captions: a
    short one with a credit, and one that repeats the next caption's words
    without it (a web page's image text above its caption)."""
    credits = [c for c in doc.spans.get(CUES_KEY, []) if c.label_ == CREDIT]
    if not credits:
        return Intervals()
    found = Intervals((c.start_char, c.end_char) for c in credits)
    text = doc_text(doc)
    captions = [
        (start, end)
        for start, end in paragraphs
        if end - start <= MAX_CAPTION_CHARS and found.overlaps(start, end)
    ]
    following = {start: index for index, (start, _) in enumerate(paragraphs)}
    repeated = []
    for start, _end in captions:
        index = following[start]
        if index > 0:
            before_start, before_end = paragraphs[index - 1]
            if text.startswith(text[before_start:before_end], start):
                repeated.append((before_start, before_end))
    return Intervals(captions + repeated)
