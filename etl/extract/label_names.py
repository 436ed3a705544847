"""A transcript label that gives only an honorific and a surname ("MR
POTTINGER:", "MS. DALTON:") names the person the document introduces in full
("Joining us today is Dana Whitfield, …", "I'm Dana Whitfield"): the label is read
as that full name, so an official missing from the gazetteer still gets a
person of their own."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from etl.extract.nlp import title_first_words
from etl.extract.records import PersonMention

_GIVEN = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_INITIAL = r"[A-Z]\."


@lru_cache(maxsize=64)  # one scan of a transcript per distinct label, not per turn
def full_name(text: str, surname: str) -> str | None:
    """The most frequent "Given [I.] Surname" the text writes for ``surname``."""
    written = surname[:1].upper() + surname[1:].lower()
    pattern = re.compile(rf"\b({_GIVEN})(?:\s+({_INITIAL}))?\s+{re.escape(written)}\b")
    titles = {word.rstrip(".") for word in title_first_words()}  # "Secretary Whitfield"
    found: Counter[str] = Counter()
    for match in pattern.finditer(text):
        if match.group(1).lower() in titles:
            continue
        found[" ".join(part for part in (match.group(1), match.group(2), written) if part)] += 1
    return found.most_common(1)[0][0] if found else None


def named_label(mention: PersonMention, text: str) -> PersonMention:
    """An honorific label read as the full name the document gives, if any."""
    name = mention.name or ""
    if mention.title_kind != "honorific" or len(name.split()) != 1:
        return mention
    found = full_name(text, name)
    if found is None:
        return mention
    return replace(mention, kind="titled_name", name=found, title=None, title_kind=None)
