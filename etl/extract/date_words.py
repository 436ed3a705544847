"""The date words of ``patterns/dates.yaml`` as the pieces of the date grammar:
alternations for regular expressions and the offsets each word stands for.
Language knowledge stays data; the grammar of digits stays in ``dates``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from etl.extract.nlp import load_yaml
from etl.extract.text import is_cjk, is_hangul

WORDS: dict[str, Any] = load_yaml("dates.yaml")


def _spaced(word: str) -> str:
    """A phrase as a pattern: any spacing in English, optional in Korean and Chinese."""
    gap = r"\s?" if is_hangul(word) or is_cjk(word) else r"\s+"
    return gap.join(re.escape(part) for part in word.split())


def alternation(words: Iterable[str]) -> str:
    """Longest first, so that "上星期" is not read as a shorter word."""
    return "|".join(_spaced(w) for w in sorted(set(words), key=len, reverse=True))


def compact(word: str) -> str:
    """A written phrase as a lookup key: lower case, no spaces."""
    return "".join(word.lower().split())


MONTH_OF: dict[str, int] = {
    str(form): int(number) for number, forms in WORDS["months"].items() for form in forms
}
MONTH_NAMES: list[str] = [str(forms[0]) for _, forms in sorted(WORDS["months"].items())]
WEEKDAYS: list[str] = [str(day) for day in WORDS["weekdays"]]
RANGE_WORDS: list[str] = [str(word) for word in WORDS["range_words"]]
DAY_OFFSETS: dict[str, int] = {
    compact(str(w)): int(n) for n, words in WORDS["relative_days"].items() for w in words
}
NOT_A_DAY_BEFORE: dict[str, list[str]] = {
    str(w): [str(a) for a in after] for w, after in WORDS["not_a_day_before"].items()
}
WEEK_OFFSETS: dict[str, int] = {
    compact(str(w)): int(n) for n, words in WORDS["weeks"].items() for w in words
}
PERIOD_WHICH: dict[str, int] = {str(w): int(n) for w, n in WORDS["period_which"].items()}
PERIOD_PARTS: dict[str, str] = {str(w): str(p) for w, p in WORDS["period_parts"].items()}


def latin(words: Iterable[object]) -> list[str]:
    return [str(w) for w in words if str(w).isascii()]


def cjk(words: Iterable[object]) -> list[str]:
    return [str(w) for w in words if not str(w).isascii()]


def cjk_relative_days() -> str:
    """Korean and Chinese relative days, each kept from a longer word it opens."""
    words = sorted(
        (w for ws in WORDS["relative_days"].values() for w in cjk(ws)), key=len, reverse=True
    )
    return "|".join(re.escape(w) + _not_before(w) for w in words)


def _not_before(word: str) -> str:
    after = NOT_A_DAY_BEFORE.get(word)
    return f"(?!{'|'.join(map(re.escape, after))})" if after else ""
