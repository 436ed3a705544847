"""How two strings are compared: one normal form for names, titles, cities and text.

Gold files are written by hand and views by the pipeline; these keys make
typography (curly quotes, width, case, spacing) irrelevant to a match."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_SPACE = re.compile(r"\s+")
_NAME_PUNCTUATION = re.compile(r"[^\w\s가-힣-]")


def normal(value: object) -> str:
    """NFKC, lower case, straight quotes, single spaces."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).lower().translate(_QUOTES)
    return _SPACE.sub(" ", text).strip()


def name_key(value: object) -> str:
    """A person's name without punctuation ("Mr. Xi" and "mr xi" are one key)."""
    return _SPACE.sub(" ", _NAME_PUNCTUATION.sub("", normal(value))).strip()


def is_cjk(character: str) -> bool:
    return "\u3400" <= character <= "\u9fff" or "\uf900" <= character <= "\ufaff"


def words(text: str) -> int:
    """Whitespace words, where two Chinese characters count as one word."""
    return max(len(text.split()), sum(map(is_cjk, text)) // 2)


def same_city(predicted: str, gold: list[str]) -> bool:
    """A city matches when one name contains the other ("New York City", "New York")."""
    return any(
        predicted == city or (bool(predicted) and (predicted in city or city in predicted))
        for city in gold
    )


def iso_date(value: object) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
