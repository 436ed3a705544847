"""What is no outcome although a cue says so: a participle ("the signed
agreement"), a condition or a possibility, an earlier meeting's decision, an
object of empty words, a sentence cut off by an excerpt; and where a quoted
result ends."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span

from etl.extract.nlp import lexicon, load_yaml
from etl.extract.sentences import SentenceView
from etl.extract.text import is_cjk

COMMAS = (",", "，")
HEDGES = lexicon("outcomes", "hedges")
ARTICLES = frozenset(lexicon("outcomes", "articles"))
CJK_MODIFIERS = lexicon("outcomes", "cjk_modifier_particles")
FUNCTION_WORDS = frozenset(lexicon("outcomes", "function_words"))
SENTENCE_ENDS = (".", "!", "?", "。", "！", "？", '"', "”", "’", ")", "다")
_NON_SPACE = re.compile(r"\S")


def last_comma(text: str, start: int, end: int) -> int:
    return max(text.rfind(comma, start, end) for comma in COMMAS)


def a_participle(view: SentenceView, cue: Span, text: str) -> bool:
    """ "the signed accord", "宣布的时机": the cue modifies a noun."""
    if is_cjk(cue.text):
        return text.startswith(CJK_MODIFIERS, cue.end_char)
    previous = text[view.start : cue.start_char].split()[-1:]
    return " " not in cue.text and bool(previous) and previous[0].lower() in ARTICLES


def hedged(view: SentenceView, cue: Span, text: str) -> bool:
    """A condition or a possibility before the cue, in its clause."""
    clause_start = max(view.start, last_comma(text, view.start, cue.start_char) + 1)
    lead = text[clause_start : cue.start_char]
    words = set(re.findall(r"[a-z]+", lead.lower()))
    return bool(words & set(HEDGES)) or any(h in lead for h in HEDGES if not h.isascii())


def before_closing_quote(body: str) -> str:
    """A result quoted from a readout ends where the quote does ("…countries,"
    said the official): what follows is the reporter's."""
    for i, mark in enumerate(body):
        if mark == "”" and "“" not in body[:i]:
            return body[:i]
        if mark == '"' and '"' not in body[:i] and body[i + 1 : i + 2] in ("", " ", ",", "."):
            return body[:i]
    return body


@lru_cache(maxsize=1)
def _empty_words() -> frozenset[str]:
    return frozenset(str(word) for word in load_yaml("empty_objects.yaml"))


def says_nothing(start: int, end: int, cue_end: int, text: str) -> bool:
    """ "exchanged views on other issues": an object of empty words only."""
    words = re.findall(r"[A-Za-z]+", text[max(start, cue_end) : end].lower())
    content = [w for w in words if len(w) > 3 or w not in FUNCTION_WORDS]
    return bool(words) and all(w in _empty_words() for w in content) and not is_cjk(text[start:end])


def cut_off(end: int, text: str) -> bool:
    """An excerpt that ends mid-sentence ("… the two sides discussed fisheries a")."""
    if _NON_SPACE.search(text, end) is not None:
        return False  # more text follows: not the excerpt's end
    last = len(text) - 1
    while last >= 0 and text[last].isspace():
        last -= 1
    return last < 0 or not text[last].endswith(SENTENCE_ENDS)
