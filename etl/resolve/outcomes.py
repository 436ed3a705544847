"""When two outcome reports are the same result: same category and nearly the
same words (sources paraphrase: "address" / "decipher certain issues …")."""

from __future__ import annotations

import hashlib
from typing import Protocol

from rapidfuzz import fuzz

from etl.resolve.gazetteer import normalize_name

SIMILARITY_CUTOFF = 85.0


class OutcomeLike(Protocol):
    @property
    def description(self) -> str: ...

    @property
    def category(self) -> str: ...


def same_outcome(a: OutcomeLike, b: OutcomeLike) -> bool:
    if a.category != b.category:
        return False
    score = fuzz.token_set_ratio(normalize_name(a.description), normalize_name(b.description))
    return score >= SIMILARITY_CUTOFF


def outcome_key(description: str, category: str) -> str:
    """Deterministic key of an outcome within its meeting."""
    digest = hashlib.sha256(f"{category}|{normalize_name(description)}".encode()).hexdigest()
    return digest[:32]
