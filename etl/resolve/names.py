"""The alias key of a person's name, apart from the gazetteer so that a command
that only reads (``etl query`` binding a name) does not import the extractor."""

from __future__ import annotations

import re
import unicodedata

from etl.extract.scripts import to_simplified

_PUNCT = re.compile(r"[^\w\s-]")
_SPACE = re.compile(r"\s+")


def normalize_name(name: str) -> str:
    """Lower case, NFKC, Simplified Chinese, no punctuation but hyphens, single
    spaces: the alias key (貝森特 finds 贝森特)."""
    text = to_simplified(unicodedata.normalize("NFKC", name)).lower().replace("’", "'")
    text = _PUNCT.sub("", text)
    return _SPACE.sub(" ", text).strip()
