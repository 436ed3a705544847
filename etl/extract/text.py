"""Small judgements about raw text shared by the extractors."""

from __future__ import annotations

MAX_HEADLINE_WORDS = 20


def is_headline(text: str) -> bool:
    """A headline or section title: mostly upper case, or a short line of
    capitalized words without final punctuation."""
    stripped = text.strip()
    letters = [c for c in stripped if c.isalpha()]
    if len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.8:
        return True
    words = stripped.split()
    if not words or len(words) > MAX_HEADLINE_WORDS or stripped[-1] in '.!?:;"”’)':
        return False
    capitalized = sum(1 for w in words if w[:1].isupper())
    return capitalized / len(words) > 0.6
