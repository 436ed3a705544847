"""When two outcome reports are the same result: same category and nearly the
same words (sources paraphrase: "address" / "decipher certain issues …")."""

from __future__ import annotations

import hashlib
from typing import Protocol

from rapidfuzz import fuzz

from etl.resolve.gazetteer import normalize_name

SIMILARITY_CUTOFF = 85.0


# A meeting sets up one working group, one set of talks, one mechanism or one
# invitation per topic: two reports of those with the same topic are one result,
# whatever their wording or language.
ONE_PER_TOPIC = ("working_group", "talks", "dialogue_mechanism", "invitation")
# Topics a meeting has one result on whatever category each report gives it
# ("talked about meeting in person" and "agreed to set a date for their next meeting").
ONE_RESULT_TOPICS = ("next-meeting",)


class OutcomeLike(Protocol):
    @property
    def description(self) -> str: ...

    @property
    def category(self) -> str: ...

    @property
    def topic(self) -> str | None: ...


def same_outcome(a: OutcomeLike, b: OutcomeLike) -> bool:
    if a.topic is not None and a.topic == b.topic and a.topic in ONE_RESULT_TOPICS:
        return True
    if a.category != b.category:
        return False
    if a.topic is not None and a.topic == b.topic and a.category in ONE_PER_TOPIC:
        return True
    score = fuzz.token_set_ratio(normalize_name(a.description), normalize_name(b.description))
    return score >= SIMILARITY_CUTOFF


def outcome_key(description: str, category: str) -> str:
    """Deterministic key of an outcome within its meeting."""
    digest = hashlib.sha256(f"{category}|{normalize_name(description)}".encode()).hexdigest()
    return digest[:32]


def _latin_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    return sum(ch.isascii() for ch in letters) / len(letters) if letters else 0.0


def prefer_description(current: str, candidate: str) -> bool:
    """Whether a second report's wording should replace the first: analysts work
    in English, so an English description wins over one in another script."""
    return _latin_share(candidate) > 0.5 >= _latin_share(current)


class StatedOutcome(OutcomeLike, Protocol):
    @property
    def status(self) -> str: ...


def prefer_report(current: StatedOutcome, candidate: StatedOutcome) -> bool:
    """Whether a second report of the same result should replace the first: the
    English one, else the one that says both sides agreed over one that they
    only discussed it."""
    if prefer_description(current.description, candidate.description):
        return True
    latin = _latin_share(current.description) > 0.5
    same_script = latin == (_latin_share(candidate.description) > 0.5)
    return same_script and current.status != "agreed" and candidate.status == "agreed"
