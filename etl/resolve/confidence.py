"""How likely each fact is right, from its evidence: how many documents report
it and whose (a government's own readout or news), whether they agree, how its
date, speaker or person was found.

Each fact kind has a handful of named features (0/1 flags or shares); a
logistic model turns them into a confidence between 0 and 1. Its weights are
data (``data/confidence.yaml``), fitted on an annotated corpus by ``etl
calibrate`` so that a confidence means what it says: of the facts given 0.8,
about eight in ten are right. The features are the language-free part of the
evidence; the cue words that found a fact are already behind it.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

MODEL_PATH = Path(__file__).with_name("data") / "confidence.yaml"
PRIOR_PATH = Path(__file__).with_name("data") / "confidence_prior.yaml"
FEATURES_VERSION = "3"  # bump when a feature's definition changes
# the reference data evidence reads: whose documents are official, nationalities
EVIDENCE_DATA = ("sources.yaml", "persons.yaml")
KINDS = ("meeting", "participant", "speaker", "outcome")
FIRM_DATES = ("text", "context")  # a day the documents' own words give
STRONG_CUES = ("cue", "title")  # how a mention was found (meeting_mentions.found_by)
EXACT_METHODS = ("exact", "title_surname", "title_pattern")  # a name or title as written


@dataclass(frozen=True)
class MeetingEvidence:
    meeting_id: int
    documents: int  # documents that report it
    governments: int  # of the two governments, how many report it in their own documents
    date_source: str | None  # where its day is known from (text, context, dateline, calendar)
    statuses: int  # distinct statuses its sources report (held, planned, cancelled)
    people: int  # persons taking part
    sides: int  # of the US and China, how many have a participant
    place: bool  # a city is known
    # a document that reports it reports another meeting of the same people: a
    # history of their meetings, where a day or a status is easily misplaced
    # and one meeting can become two
    same_people_elsewhere: bool = False
    # a mention found by a meeting cue ("met", "held talks") or a transcript's
    # title, not only by a weak cue, a group of officials or a visit
    strong_cue: bool = False


@dataclass(frozen=True)
class ParticipantEvidence:
    meeting_id: int
    person_id: int
    documents: int  # documents that name the person at this meeting
    meeting_documents: int  # documents that report the meeting
    named: bool  # a document writes a name or title as written (not a role or context guess)
    third_country: bool  # neither American nor Chinese
    titled: bool  # a document gives the person's title


@dataclass(frozen=True)
class SpeakerEvidence:
    statement_id: int
    kind: str  # transcript_turn, direct_quote, reported
    method: str | None  # how the speaker was resolved; None: no speaker
    words: int
    verdict: str | None  # its quote check against another document's report
    confirmed: bool  # another document gives the same words to the same speaker


@dataclass(frozen=True)
class OutcomeEvidence:
    outcome_id: int
    documents: int  # documents that report it
    meeting_documents: int  # documents that report its meeting
    governments: int  # governments whose own documents report it
    agreed: bool  # reported as agreed (not only discussed)
    category: str


# Features that speak against a fact; every other feature can only speak for
# it. The fit keeps each weight on its side of zero, so more evidence never
# lowers a confidence however few errors the corpus shows.
AGAINST = frozenset(
    {
        "statuses_differ",
        "same_people_elsewhere",
        "third_country",
        "no_speaker",
        "misattributed",
        "short",
        "other_category",
    }
)

Evidence = MeetingEvidence | ParticipantEvidence | SpeakerEvidence | OutcomeEvidence


def meeting_features(e: MeetingEvidence) -> dict[str, float]:
    return {
        "two_documents": float(e.documents >= 2),
        "three_documents": float(e.documents >= 3),
        "official": float(e.governments >= 1),
        "both_governments": float(e.governments >= 2),
        "dated_in_text": float(e.date_source in FIRM_DATES),
        "dated_elsewhere": float(e.date_source is not None and e.date_source not in FIRM_DATES),
        "statuses_differ": float(e.statuses > 1),
        "both_sides": float(e.sides >= 2),
        "many_people": float(e.people >= 3),
        "place": float(e.place),
        "same_people_elsewhere": float(e.same_people_elsewhere),
        "strong_cue": float(e.strong_cue),
    }


def participant_features(e: ParticipantEvidence) -> dict[str, float]:
    return {
        "named_share": e.documents / e.meeting_documents if e.meeting_documents else 0.0,
        "two_documents": float(e.documents >= 2),
        "named": float(e.named),
        "third_country": float(e.third_country),
        "titled": float(e.titled),
    }


def speaker_features(e: SpeakerEvidence) -> dict[str, float]:
    return {
        "no_speaker": float(e.method is None),
        "transcript_turn": float(e.kind == "transcript_turn"),
        "reported": float(e.kind == "reported"),
        "named": float(e.method in EXACT_METHODS),
        "short": float(e.words < 8),
        "confirmed": float(e.confirmed),
        "misattributed": float(e.verdict == "misattributed"),
    }


def outcome_features(e: OutcomeEvidence) -> dict[str, float]:
    return {
        "two_documents": float(e.documents >= 2),
        "reported_share": e.documents / e.meeting_documents if e.meeting_documents else 0.0,
        "official": float(e.governments >= 1),
        "both_governments": float(e.governments >= 2),
        "agreed": float(e.agreed),
        "other_category": float(e.category == "other"),
    }


def fact_key(evidence: Evidence) -> tuple[str, tuple[int, ...]]:
    """The fact kind and the ids that name the fact."""
    if isinstance(evidence, MeetingEvidence):
        return "meeting", (evidence.meeting_id,)
    if isinstance(evidence, ParticipantEvidence):
        return "participant", (evidence.meeting_id, evidence.person_id)
    if isinstance(evidence, SpeakerEvidence):
        return "speaker", (evidence.statement_id,)
    return "outcome", (evidence.outcome_id,)


def features(evidence: Evidence) -> tuple[str, dict[str, float]]:
    """The fact kind and its features."""
    if isinstance(evidence, MeetingEvidence):
        return "meeting", meeting_features(evidence)
    if isinstance(evidence, ParticipantEvidence):
        return "participant", participant_features(evidence)
    if isinstance(evidence, SpeakerEvidence):
        return "speaker", speaker_features(evidence)
    return "outcome", outcome_features(evidence)


@dataclass(frozen=True)
class Model:
    """Per fact kind, a bias and a weight per feature (log-odds)."""

    weights: dict[str, dict[str, float]]

    def confidence(self, evidence: Evidence) -> float:
        kind, values = features(evidence)
        weights = self.weights.get(kind, {})
        logit = weights.get("bias", 0.0) + sum(
            weights.get(name, 0.0) * value for name, value in values.items()
        )
        return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit)))), 3)


def read_model(path: Path = MODEL_PATH) -> Model:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    weights = data.get("weights") or {}
    unknown = sorted(set(weights) - set(KINDS))
    if unknown:
        raise ValueError(f"{path}: unknown fact kinds {unknown}")
    return Model(
        {kind: {k: float(v) for k, v in (weights[kind] or {}).items()} for kind in weights}
    )


@lru_cache(maxsize=1)
def default_model() -> Model:
    return read_model()


@lru_cache(maxsize=1)
def model_fingerprint() -> str:
    """What every stored confidence was decided with: the features' version,
    the weights and the shipped reference data the evidence reads. When it
    changes, the next run decides every confidence again. (A gazetteer passed
    to the pipeline in place of the shipped one is not part of it.)"""
    digest = hashlib.sha256(FEATURES_VERSION.encode())
    for path in (MODEL_PATH, *(MODEL_PATH.with_name(name) for name in EVIDENCE_DATA)):
        digest.update(path.read_bytes())
    return digest.hexdigest()
