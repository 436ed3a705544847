"""Chinese is written in two scripts: mainland sources in Simplified, Hong Kong
and Taiwan sources in Traditional characters (会见 / 會見, 双方 / 雙方). Every
pattern is written once, in either script, and also matches its form in the
other (OpenCC's ``s2t`` and ``t2s`` conversions); names are looked up in
Simplified. Text is never rewritten, so spans keep indexing the stored text."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=2)
def _converter(config: str) -> Any:
    import opencc  # a compiled converter; loaded once, only when Hanzi appear

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    if not HAN.search(text):
        return text
    return str(_converter("t2s").convert(text))


def to_traditional(text: str) -> str:
    if not HAN.search(text):
        return text
    return str(_converter("s2t").convert(text))


def han_variants(phrase: str) -> list[str]:
    """The phrase and its form in the other Chinese script (one entry when
    both are the same or the phrase has no Hanzi)."""
    if not HAN.search(phrase):
        return [phrase]
    return list(dict.fromkeys([phrase, to_traditional(phrase), to_simplified(phrase)]))
