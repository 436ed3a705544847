"""Small judgements about raw text shared by the extractors."""

from __future__ import annotations

MAX_HEADLINE_WORDS = 20


def is_headline(text: str) -> bool:
    """A headline or section title: mostly upper case, or a short line of
    capitalized words without final punctuation."""
    stripped = text.strip()
    if stripped and sum(_is_cjk(ch) for ch in stripped) > len(stripped) / 2:
        return len(stripped) <= 60 and stripped[-1] not in "。！？!?.”」』"
    if is_hangul(stripped):
        # a Korean sentence ends in a verb and a full stop ("…회담했다."); a
        # headline ends in a noun, a quotation or an ellipsis
        return len(stripped) <= 80 and stripped.rstrip("\"”’'")[-1:] not in ".!?"
    letters = [c for c in stripped if c.isalpha()]
    if len(letters) >= 8 and sum(c.isupper() for c in letters) / len(letters) > 0.8:
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
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


def is_cjk(text: str) -> bool:
    """Written mostly in Hanzi or Kana."""
    stripped = "".join(text.split())
    return bool(stripped) and sum(_is_cjk(ch) for ch in stripped) > len(stripped) / 2


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\u3040" <= ch <= "\u30ff"


def word_count(text: str) -> int:
    """Words in any script: white-space separated words, and two Hanzi or Kana
    per word in scripts written without spaces."""
    cjk = sum(1 for ch in text if _is_cjk(ch))
    spaced = sum(1 for word in text.split() if not any(_is_cjk(ch) for ch in word))
    return spaced + (cjk + 1) // 2
