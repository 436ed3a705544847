"""The spaCy pipeline: a blank tokenizer, a sentencizer and an EntityRuler whose
patterns are data files (titles, descriptors, places) plus the person names the
caller supplies. Matching lives here; annotating (turning spans into records)
lives in the modules that read ``doc.ents``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import spacy
import yaml
from spacy.attrs import ORTH, SENT_START
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from etl.extract.scripts import han_variants
from etl.extract.text import is_hangul

PATTERNS_DIR = Path(__file__).with_name("patterns")
# libyaml's safe loader when PyYAML has it: the same documents, parsed in C
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_TEXT_CHARS = 50_000_000

# Entity labels the ruler assigns; ent_id_ carries the payload.
PERSON = "PERSON"  # id: "name|<key>|<country>" or "surname|<surname>|<country>"
TITLE = "TITLE"  # id: role kind
DESCRIPTOR = "DESCRIPTOR"  # id: "<country>|<role kind>"
PLACE = "PLACE"  # id: "<city>|<country>|<venue or empty>"
CUES_KEY = "cues"  # doc.spans key of meeting, outcome and clause cues
SPEECH = "SPEECH"  # cue label of speech verbs ("said", "表示", "말했다")
LANGUAGES = ("en", "zh")  # tokenizers: whitespace and affixes; one token per Hanzi


@dataclass(frozen=True)
class NamePattern:
    """A person name to recognise: ``key`` is the caller's identifier for it."""

    phrase: str
    key: str
    is_surname: bool = False
    country: str | None = None  # when every person of that name is of one country


def doc_text(doc: Doc) -> str:
    """The document's text, joined once: spaCy's ``doc.text`` joins every token
    anew on each access (a millisecond or more on a long story)."""
    cached = doc.user_data.get(_TEXT_KEY)
    if not isinstance(cached, str):
        cached = doc.user_data[_TEXT_KEY] = doc.text
    return cached


_TEXT_KEY = "summit_etl.text"


@cache
def load_yaml(name: str) -> Any:
    """A patterns file, parsed once per process (callers only read it)."""
    with (PATTERNS_DIR / name).open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=SAFE_LOADER)


@cache
def lexicon(module: str, name: str) -> tuple[str, ...]:
    """A word list of ``patterns/lexicon.yaml``: language knowledge as data."""
    return tuple(str(word) for word in load_yaml("lexicon.yaml")[module][name])


@cache
def title_first_words() -> frozenset[str]:
    """The words titles open with ("secretary", "gen."): never a given name."""
    return frozenset(str(t["phrase"]).split()[0] for t in load_yaml("titles.yaml"))


@lru_cache(maxsize=1)
def hangul_particles() -> str:
    return "|".join(load_yaml("particles.yaml")["hangul"])


class HangulParticles:
    """Set a Hangul token's NORM to the known word it carries, so patterns match
    on NORM with hash lookups instead of a regular expression per token:
    a stem plus a particle ("왕이는" → "왕이"), or a compound that ends in a cue
    word ("정상회담을" → "회담", "전화통화를" → "통화"): Korean writes compounds
    without spaces, and the head noun says what the compound is."""

    def __init__(self, stems: Iterable[str], heads: Iterable[str] = ()) -> None:
        self.stems = frozenset(stems)
        self.heads = frozenset(h for h in heads if len(h) >= 2)
        self.particles = sorted(hangul_particles().split("|"), key=len, reverse=True)

    def _head(self, word: str) -> str | None:
        for length in range(len(word) - 1, 1, -1):
            if word[-length:] in self.heads:
                return word[-length:]
        return None

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            text = token.text
            if text.isascii() or text in self.stems or not is_hangul(text):
                continue
            bare = [text[: -len(p)] for p in self.particles if text.endswith(p)]
            stem = next((b for b in bare if b in self.stems), None)
            if stem is None:
                stem = next(filter(None, map(self._head, [text, *bare])), None)
            if stem is not None:
                token.norm_ = stem
        return doc


@Language.factory("hangul_particles", default_config={"stems": [], "heads": []})
def make_hangul_particles(
    nlp: Language, name: str, stems: list[str], heads: list[str]
) -> HangulParticles:
    return HangulParticles(stems, heads)


@dataclass
class RulerPatterns:
    """Phrase patterns for two PhraseMatcher-backed rulers: case-insensitive
    (NORM: titles, descriptors, full names, anything in Hangul) and case-sensitive
    (ORTH: places and bare surnames, where "Burns" the name is not "burns")."""

    norm: list[dict[str, Any]] = field(default_factory=list)
    orth: list[dict[str, Any]] = field(default_factory=list)

    def add(self, label: str, phrase: str, ident: str, *, case_sensitive: bool = False) -> None:
        for written in han_variants(phrase):
            if case_sensitive and not is_hangul(written):
                for variant in dict.fromkeys((written, written.upper())):
                    self.orth.append({"label": label, "pattern": variant, "id": ident})
            else:
                for variant in _abbreviation_variants(written):
                    self.norm.append({"label": label, "pattern": variant, "id": ident})


def _abbreviation_variants(phrase: str) -> tuple[str, ...]:
    """An abbreviation also capitalized: the tokenizer keeps "Adm." and "Gen."
    whole but splits "adm." and "gen.", so a lower-case pattern never meets
    the token a text holds (the NORM of "Adm." is "adm.", one token)."""
    if "." not in phrase:
        return (phrase,)
    capitalized = " ".join(word[:1].upper() + word[1:] for word in phrase.split(" "))
    return tuple(dict.fromkeys((phrase, capitalized)))


def _static_patterns(patterns: RulerPatterns) -> None:
    for title in load_yaml("titles.yaml"):
        patterns.add(TITLE, title["phrase"], title["kind"])
    for desc in load_yaml("descriptors.yaml"):
        patterns.add(DESCRIPTOR, desc["phrase"], f"{desc['country'] or ''}|{desc['kind']}")
    places = load_yaml("places.yaml")
    for entry in places["cities"] + places["venues"] + places["countries"]:
        ident = f"{entry.get('city') or ''}|{entry['country']}|{entry.get('venue') or ''}"
        for phrase in [entry["phrase"], *entry.get("aliases", [])]:
            patterns.add(PLACE, phrase, ident, case_sensitive=True)


def _name_patterns(patterns: RulerPatterns, names: Iterable[NamePattern]) -> None:
    for name in names:
        country = name.country or ""
        if not name.is_surname:
            patterns.add(PERSON, name.phrase, f"name|{name.key}|{country}")
        elif name.phrase.lower() not in STOP_WORDS:
            ident = f"surname|{name.key}|{country}"
            patterns.add(PERSON, name.phrase, ident, case_sensitive=True)


def _cue_patterns() -> list[dict[str, Any]]:
    """Meeting, outcome and clause cues, and the speech verbs (label SPEECH)."""
    cues = [
        {"label": label, "pattern": written}
        for label, phrases in load_yaml("cues.yaml").items()
        for phrase in phrases
        for written in (han_variants(phrase) if isinstance(phrase, str) else [phrase])
    ]
    verbs = load_yaml("speech_verbs.yaml")["verbs"]
    return cues + [
        {"label": SPEECH, "pattern": written} for verb in verbs for written in han_variants(verb)
    ]


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, bullets and datelines have no
    final punctuation. The sentencizer (overwrite=False) keeps these starts.
    Written as one array update: setting ``token.is_sent_start`` one token at a
    time re-checks the whole document each time."""
    starts = doc.to_array([SENT_START])
    for token in doc[:-1]:
        if "\n" in token.text_with_ws:
            starts[token.i + 1] = 1
    doc.from_array([SENT_START], starts)  # type: ignore[arg-type]
    return doc


_ENT_RULER = {"annotate_ents": True, "spans_key": None, "overwrite": False}


def build_pipeline(names: Iterable[NamePattern] = (), lang: str = "en") -> Language:
    """The rule-based pipeline for ``lang`` ("zh" segments Chinese into characters;
    every other language, Korean included, uses the English tokenizer)."""
    nlp = spacy.blank(lang if lang in LANGUAGES else "en")
    nlp.max_length = MAX_TEXT_CHARS
    if nlp.lang == "en":  # the Chinese tokenizer has no special cases (one token per Hanzi)
        for abbreviation in load_yaml("abbreviations.yaml"):
            for written in dict.fromkeys((abbreviation, abbreviation.upper())):
                nlp.tokenizer.add_special_case(written, [{ORTH: written}])  # type: ignore[union-attr]
    nlp.add_pipe("paragraph_breaks")
    nlp.add_pipe("sentencizer", config={"overwrite": False})
    patterns = RulerPatterns()
    _static_patterns(patterns)
    _name_patterns(patterns, names)
    cue_patterns = _cue_patterns()
    cue_phrases = {p["pattern"] for p in cue_patterns if isinstance(p["pattern"], str)}
    phrases = [p["pattern"] for p in patterns.norm + cue_patterns if isinstance(p["pattern"], str)]
    hangul = [p for p in phrases if is_hangul(p)]
    stems = sorted({t.text for p in hangul for t in nlp.make_doc(p) if is_hangul(t.text)})
    heads = sorted({p for p in cue_phrases if is_hangul(p) and " " not in p})
    nlp.add_pipe("hangul_particles", config={"stems": stems, "heads": heads})
    # SpanRulers that annotate doc.ents: unlike the EntityRuler, their conflict
    # filter stays linear in the number of entities on long documents.
    nlp.add_pipe(
        "span_ruler", name="entity_ruler", config=_ENT_RULER | {"phrase_matcher_attr": "NORM"}
    )
    nlp.add_pipe(
        "span_ruler",
        name="case_sensitive_ruler",
        config=_ENT_RULER | {"phrase_matcher_attr": "ORTH"},
    )
    nlp.add_pipe(
        "span_ruler",
        name="cue_ruler",
        config={"spans_key": CUES_KEY, "phrase_matcher_attr": "NORM"},
    )
    _add_patterns(nlp, "entity_ruler", patterns.norm)
    _add_patterns(nlp, "case_sensitive_ruler", patterns.orth)
    _add_patterns(nlp, "cue_ruler", cue_patterns)
    return nlp


def _add_patterns(nlp: Language, ruler: str, patterns: list[dict[str, Any]]) -> None:
    """Phrases are made into docs as texts are before the rulers (tokenizer, then
    Hangul particles, which set the NORM matched); by itself spaCy would also run
    every earlier component, rulers included, over each of the ~3,000 phrases."""
    with nlp.select_pipes(enable=["hangul_particles", ruler]):
        nlp.get_pipe(ruler).add_patterns(patterns)  # type: ignore[attr-defined]


_LONG_RUN = re.compile(r"\S{200,}")
_RUN_BREAK = 64


def tokenizer_safe(text: str) -> str:
    """The text with very long runs of non-space characters broken by spaces
    every 64 characters. Same length, so every offset stays valid; spaCy's affix
    splitting is quadratic on a 10,000-character "word" of quote marks."""

    def breakup(match: re.Match[str]) -> str:
        run = match.group(0)
        return "".join(" " if i % _RUN_BREAK == _RUN_BREAK - 1 else ch for i, ch in enumerate(run))

    return _LONG_RUN.sub(breakup, text)


@lru_cache(maxsize=4)
def cached_pipeline(names: tuple[NamePattern, ...], lang: str = "en") -> Language:
    """Building the rulers costs ~0.3 s; documents of one run share a pipeline."""
    return build_pipeline(names, lang)
