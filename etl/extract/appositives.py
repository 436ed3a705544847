"""Titles in apposition: "Gen. Wu Yanan, the commander of the Southern Theater
Command, said …" and "The commander of Indo-Pacific Command, Adm. Samuel
Paparo, held …". The office a reporter spells out beside the name is the
title at the time, often more telling than the rank before it; the mention
keeps both ("Gen., the commander of …")."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from etl.extract.nlp import TITLE
from etl.extract.records import PersonMention

NAMED = ("name", "surname", "titled_name")
MAX_CHARS = 90  # an appositive is a phrase, not a clause
_OPENING_TITLE = re.compile(rf"((?:The|the)\s+)?(.{{3,{MAX_CHARS}}}?),\s*")
_AFTER = re.compile(r",\s+(?:the\s+)?")
_ABBREVIATED = re.compile(r"(?:^|[\s.])[A-Z][a-z]{0,3}$")
_END = re.compile(r"[,;:.!?\n()]|\s(?:who|which|said|says|told)\s")


def _phrase(doc: Doc, start: int) -> str | None:
    """The title phrase that begins at ``start`` (a title of the patterns) up to
    the next comma or the end of the clause."""
    token = next((t for t in doc if t.idx == start), None)
    if token is None or token.ent_type_ != TITLE or token.ent_iob_ != "B":
        return None
    for end in _END.finditer(doc.text, start, start + MAX_CHARS + 1):
        phrase = doc.text[start : end.start()].strip()
        if end.group(0) == "." and _ABBREVIATED.search(phrase):
            continue  # "U.S. Indo-Pacific Command": a full stop inside an abbreviation
        return phrase or None
    return None


def _after(doc: Doc, mention: PersonMention) -> str | None:
    lead = _AFTER.match(doc.text, mention.end)
    return _phrase(doc, lead.end()) if lead else None


def _before(doc: Doc, mention: PersonMention, sentence_start: int) -> str | None:
    """ "The commander of X, Adm. Y, …": the sentence opens with the title."""
    head = doc.text[sentence_start : mention.start]
    found = _OPENING_TITLE.fullmatch(head)
    if found is None:
        return None
    return _phrase(doc, sentence_start + found.start(2)) and found.group(2)


def with_appositive_titles(doc: Doc, mentions: list[PersonMention]) -> list[PersonMention]:
    starts = {s.start_char: s.start_char for s in doc.sents}
    sentence_of = sorted(starts)
    result = []
    for mention in mentions:
        if mention.kind not in NAMED:
            result.append(mention)
            continue
        opening = max((s for s in sentence_of if s <= mention.start), default=0)
        phrase = _after(doc, mention) or _before(doc, mention, opening)
        if phrase is None:
            result.append(mention)
            continue
        title = f"{mention.title}, {phrase}" if mention.title else phrase
        result.append(replace(mention, title=title))
    return result
