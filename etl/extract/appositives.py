"""Titles in apposition: "Gen. Zhou Peng, the commander of the Northern Theater
Command, said …" and "The commander of the Pacific Fleet, Adm. Dana
Ortiz, spoke …". The office a reporter spells out beside the name is the
title at the time, often more telling than the rank before it; the mention
keeps both ("Gen., the commander of …")."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Token

from etl.extract.nlp import PLACE, TITLE, doc_text, lexicon
from etl.extract.records import PersonMention

NAMED = ("name", "surname", "titled_name")
MAX_CHARS = 90  # an appositive is a phrase, not a clause
MAX_QUALIFIERS = 3
_OPENING_TITLE = re.compile(rf"((?:The|the)\s+)?(.{{3,{MAX_CHARS}}}?),\s*")
_AFTER = re.compile(r",\s+(?:the\s+)?")
_ABBREVIATED = re.compile(r"(?:^|[\s.])[A-Z][a-z]{0,3}$")
_CLAUSE_WORDS = "|".join(lexicon("appositives", "clause_words"))
_END = re.compile(rf"[,;:.!?\n()]|\s(?:{_CLAUSE_WORDS})\s")


def _opens_a_title(tokens: dict[int, Token], start: int) -> bool:
    """A title of the patterns at ``start``, or after up to three capitalized
    words that qualify it ("United States Trade Representative")."""
    token = tokens.get(start)
    for _ in range(MAX_QUALIFIERS + 1):
        if token is None:
            return False
        if token.ent_type_ == TITLE and token.ent_iob_ == "B":
            return True
        if token.ent_type_ not in ("", PLACE) or not token.text[:1].isupper():
            return False
        token = token.nbor() if token.i + 1 < len(token.doc) else None
    return False


def _phrase(text: str, tokens: dict[int, Token], start: int, people: list[int]) -> str | None:
    """The title phrase that begins at ``start`` up to the next comma or the end
    of the clause; never one that names another person ("…, Foreign Minister Wang")."""
    if not _opens_a_title(tokens, start):
        return None
    for end in _END.finditer(text, start, start + MAX_CHARS + 1):
        phrase = text[start : end.start()].strip()
        if end.group(0) == "." and _ABBREVIATED.search(phrase):
            continue  # "U.S. Indo-Pacific Command": a full stop inside an abbreviation
        if any(start <= p < end.start() for p in people):
            return None
        return phrase or None
    return None


def _after(
    text: str, tokens: dict[int, Token], mention: PersonMention, people: list[int]
) -> str | None:
    lead = _AFTER.match(text, mention.end)
    return _phrase(text, tokens, lead.end(), people) if lead else None


def _before(
    text: str,
    tokens: dict[int, Token],
    mention: PersonMention,
    sentence_start: int,
    people: list[int],
) -> str | None:
    """ "The commander of X, Adm. Y, …": the sentence opens with the title."""
    if mention.start - sentence_start > MAX_CHARS + 12:
        return None  # too far from the sentence's start to be its opening phrase
    head = text[sentence_start : mention.start]
    found = _OPENING_TITLE.fullmatch(head)
    if found is None:
        return None
    return _phrase(text, tokens, sentence_start + found.start(2), people) and found.group(2)


def _kind_of(
    text: str, tokens: dict[int, Token], phrase: str, mention: PersonMention
) -> str | None:
    """The role kind of the first title in the appositive, for a name that had none."""
    start = text.find(phrase, max(0, mention.start - MAX_CHARS - 10))
    for index in range(start, start + len(phrase)):
        token = tokens.get(index)
        if token is not None and token.ent_type_ == TITLE and token.ent_iob_ == "B":
            return token.ent_id_ or None
    return None


def with_appositive_titles(doc: Doc, mentions: list[PersonMention]) -> list[PersonMention]:
    text = doc_text(doc)
    tokens = {t.idx: t for t in doc}
    openings = [sent.start_char for sent in doc.sents]
    people = sorted(m.start for m in mentions)
    result = []
    for mention in mentions:
        if mention.kind not in NAMED:
            result.append(mention)
            continue
        opening = openings[max(0, bisect_right(openings, mention.start) - 1)]
        phrase = _after(text, tokens, mention, people) or _before(
            text, tokens, mention, opening, people
        )
        if phrase is None:
            result.append(mention)
            continue
        title = f"{mention.title}, {phrase}" if mention.title else phrase
        kind = mention.title_kind or _kind_of(text, tokens, phrase, mention)
        result.append(replace(mention, title=title, title_kind=kind))
    return result
