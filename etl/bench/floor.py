"""The floor any spaCy-based extractor pays on a corpus: a blank English
pipeline with a sentencizer and a 200-pattern EntityRuler (the gazetteer's
names), piped over the same texts. ``etl load`` is measured against it."""

from __future__ import annotations

import time
from collections.abc import Sequence

PATTERNS = 200


def floor_seconds(texts: Sequence[str], phrases: Sequence[str]) -> float:
    """Seconds to pipe ``texts`` through the floor pipeline (built beforehand)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    chosen = list(dict.fromkeys(phrases))[:PATTERNS] or ["nobody"]
    padded = [
        chosen[i % len(chosen)] + ("" if i < len(chosen) else f" {i}") for i in range(PATTERNS)
    ]
    ruler.add_patterns([{"label": "PERSON", "pattern": p} for p in padded])  # type: ignore[attr-defined]
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - started
