"""The spaCy pipeline: a blank tokenizer, a sentencizer and an EntityRuler whose
patterns are data files (titles, descriptors, places) plus the person names the
caller supplies. Matching lives here; annotating (turning spans into records)
lives in the modules that read ``doc.ents``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
import yaml
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

PATTERNS_DIR = Path(__file__).with_name("patterns")
MAX_TEXT_CHARS = 50_000_000

# Entity labels the ruler assigns; ent_id_ carries the payload.
PERSON = "PERSON"  # id: "name|<gazetteer key>" or "surname|<surname>"
TITLE = "TITLE"  # id: role kind
DESCRIPTOR = "DESCRIPTOR"  # id: "<country>|<role kind>"
PLACE = "PLACE"  # id: "<city>|<country>|<venue or empty>"
CUES_KEY = "cues"  # doc.spans key of meeting, outcome and clause cues


@dataclass(frozen=True)
class NamePattern:
    """A person name to recognise: ``key`` is the caller's identifier for it."""

    phrase: str
    key: str
    is_surname: bool = False


def load_yaml(name: str) -> Any:
    with (PATTERNS_DIR / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@lru_cache(maxsize=1)
def hangul_particles() -> str:
    return "|".join(re.escape(p) for p in load_yaml("particles.yaml")["hangul"])


def _is_hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def _token_pattern(nlp: Language, phrase: str, attr: str = "NORM") -> list[dict[str, Any]]:
    tokens = nlp.make_doc(phrase)
    if _is_hangul(phrase):
        pattern: list[dict[str, Any]] = [{"TEXT": t.text} for t in tokens[:-1]]
        last = re.escape(tokens[-1].text)
        return [*pattern, {"TEXT": {"REGEX": f"^{last}(?:{hangul_particles()})?$"}}]
    if attr == "NORM":
        return [{"NORM": t.norm_} for t in tokens]
    return [{attr: t.text} for t in tokens]


def _static_patterns(nlp: Language) -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    for title in load_yaml("titles.yaml"):
        patterns.append(
            {"label": TITLE, "pattern": _token_pattern(nlp, title["phrase"]), "id": title["kind"]}
        )
    for desc in load_yaml("descriptors.yaml"):
        ident = f"{desc['country']}|{desc['kind']}"
        patterns.append(
            {"label": DESCRIPTOR, "pattern": _token_pattern(nlp, desc["phrase"]), "id": ident}
        )
    places = load_yaml("places.yaml")
    for entry in places["cities"] + places["venues"] + places["countries"]:
        ident = f"{entry.get('city') or ''}|{entry['country']}|{entry.get('venue') or ''}"
        for phrase in [entry["phrase"], *entry.get("aliases", [])]:
            patterns.append(
                {"label": PLACE, "pattern": _token_pattern(nlp, phrase, "ORTH"), "id": ident}
            )
            if phrase.upper() != phrase:
                upper = _token_pattern(nlp, phrase.upper(), "ORTH")
                patterns.append({"label": PLACE, "pattern": upper, "id": ident})
    return patterns


def _name_patterns(nlp: Language, names: Iterable[NamePattern]) -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    for name in names:
        if name.is_surname:
            if name.phrase.lower() in STOP_WORDS:
                continue
            ident = f"surname|{name.key}"
            for variant in {name.phrase, name.phrase.upper()}:
                pattern = _token_pattern(nlp, variant, "ORTH")
                patterns.append({"label": PERSON, "pattern": pattern, "id": ident})
        else:
            pattern = _token_pattern(nlp, name.phrase)
            patterns.append({"label": PERSON, "pattern": pattern, "id": f"name|{name.key}"})
    return patterns


def _cue_patterns() -> list[dict[str, Any]]:
    return [
        {"label": label, "pattern": phrase}
        for label, phrases in load_yaml("cues.yaml").items()
        for phrase in phrases
    ]


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, bullets and datelines have no
    final punctuation. The sentencizer (overwrite=False) keeps these starts."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text_with_ws:
            token.is_sent_start = True
    return doc


def build_pipeline(names: Iterable[NamePattern] = ()) -> Language:
    nlp = spacy.blank("en")
    nlp.max_length = MAX_TEXT_CHARS
    nlp.add_pipe("paragraph_breaks")
    nlp.add_pipe("sentencizer", config={"overwrite": False})
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": None})
    ruler.add_patterns(_static_patterns(nlp) + _name_patterns(nlp, names))  # type: ignore[attr-defined]
    cues = nlp.add_pipe(
        "span_ruler",
        name="cue_ruler",
        config={"spans_key": CUES_KEY, "phrase_matcher_attr": "LOWER"},
    )
    cues.add_patterns(_cue_patterns())  # type: ignore[attr-defined]
    return nlp


@lru_cache(maxsize=4)
def cached_pipeline(names: tuple[NamePattern, ...]) -> Language:
    """Building the ruler costs ~0.1 s; documents of one run share one pipeline."""
    return build_pipeline(names)
