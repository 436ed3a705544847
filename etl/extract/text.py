"""Small judgements about raw text shared by the extractors."""

from __future__ import annotations

import re
from collections import Counter

MAX_HEADLINE_WORDS = 20


def is_headline(text: str) -> bool:
    """A headline or section title: mostly upper case, or a short line of
    capitalized words without final punctuation."""
    stripped = text.strip()
    if stripped and _cjk_count(stripped) > len(stripped) / 2:
        return len(stripped) <= 60 and stripped[-1] not in "。！？!?.”」』"
    if is_hangul(stripped):
        # a Korean sentence ends in a verb and a full stop ("…회담했다."); a
        # headline ends in a noun, a quotation or an ellipsis
        return len(stripped) <= 80 and stripped.rstrip("\"”’'")[-1:] not in ".!?"
    letters = upper = 0
    for ch, count in Counter(stripped).items():
        if ch.isalpha():
            letters += count
            upper += count if ch.isupper() else 0
    if letters >= 8 and upper / letters > 0.8:
        return True
    words = stripped.split()
    if not words or len(words) > MAX_HEADLINE_WORDS or stripped[-1] in '.!?:;"”’)':
        return False
    capitalized = sum(1 for w in words if w[:1].isupper())
    return capitalized / len(words) > 0.6


def title_end(text: str) -> int:
    """Where the document's title ends: its first line, when that line is short,
    lacks a sentence's final punctuation and is followed by more text
    ("Trump and Xi agree on tariff truce at Busan summit"); 0 when there is none.
    Sentence-case titles escape :func:`is_headline`, their position gives them away."""
    stripped = text.lstrip()
    offset = len(text) - len(stripped)
    newline = stripped.find("\n")
    if newline <= 0 or not stripped[newline:].strip():
        return 0
    line = stripped[:newline].rstrip()
    if word_count(line) > MAX_HEADLINE_WORDS or line[-1:] in ".!?。":
        return 0
    return offset + newline


def is_hangul(text: str) -> bool:
    return _HANGUL.search(text) is not None


def is_cjk(text: str) -> bool:
    """Written mostly in Hanzi or Kana."""
    stripped = "".join(text.split())
    return bool(stripped) and _cjk_count(stripped) > len(stripped) / 2


# Hanzi and Kana: scripts written without spaces between words
_CJK = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\u3040-\u30ff]")
_HANGUL = re.compile("[\uac00-\ud7a3]")


def _cjk_count(text: str) -> int:
    return len(_CJK.findall(text))


def word_count(text: str) -> int:
    """Words in any script: white-space separated words, and two Hanzi or Kana
    per word in scripts written without spaces."""
    cjk = _cjk_count(text)
    spaced = sum(1 for word in text.split() if _CJK.search(word) is None)
    return spaced + (cjk + 1) // 2
