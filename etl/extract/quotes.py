"""Quotation marks in prose, paired by a single linear scan per paragraph.

A quote never extends past its paragraph, so an unbalanced mark cannot swallow
the rest of a document; an open quote at a paragraph's end counts only when the
next paragraph reopens it (the convention for a quote continued over paragraphs).
"""

from __future__ import annotations

from dataclasses import dataclass

OPENING = {"“": "”", "„": "“", "«": "»", "「": "」", "『": "』"}
STRAIGHT = '"'


@dataclass(frozen=True)
class QuoteSpan:
    """Characters between the marks (``start``/``end``) and with them (``outer_*``)."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    paragraph: int
    continued: bool = False


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Non-empty lines as ``(start, end)`` offsets."""
    spans = []
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((position + lead, position + lead + len(stripped)))
        position += len(line) + 1
    return spans


def _opens_with_quote(text: str, span: tuple[int, int] | None) -> bool:
    return span is not None and text[span[0]] in (STRAIGHT, *OPENING)


# A straight mark and a curly one close each other: typing and editing mix them
# ("…miscalculation,” the spokesman said).
INTERCHANGEABLE = {STRAIGHT: {STRAIGHT, "”"}, "”": {"”", STRAIGHT}}


def _scan(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Pairs of mark positions in one paragraph, and the position of a mark left
    open. A quote inside a quote in other marks (「…『…』…」, “…‘…’…”) stays part
    of the outer one; an opener of the outer kind before its closer starts the
    quote again (its closer was lost)."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    inner: list[str] = []  # closers of quotes nested in the open one
    for i in range(start, end):
        ch = text[i]
        if open_at is None:
            if ch in OPENING:
                open_at, closer = i, OPENING[ch]
            elif ch == STRAIGHT:
                open_at, closer = i, STRAIGHT
        elif inner and ch == inner[-1]:
            inner.pop()
        elif ch in INTERCHANGEABLE.get(closer, {closer}) and not inner:
            pairs.append((open_at, i))
            open_at = None
        elif ch in OPENING and closer != STRAIGHT:
            if OPENING[ch] == closer or OPENING[ch] in INTERCHANGEABLE.get(closer, ()):
                open_at, inner = i, []
            else:
                inner.append(OPENING[ch])
    return pairs, open_at


def find_quotes(text: str, spans: list[tuple[int, int]] | None = None) -> list[QuoteSpan]:
    spans = spans if spans is not None else paragraphs(text)
    quotes: list[QuoteSpan] = []
    for index, (start, end) in enumerate(spans):
        pairs, open_at = _scan(text, start, end)
        for opening, closing in pairs:
            quotes.append(QuoteSpan(opening + 1, closing, opening, closing + 1, index))
        following = spans[index + 1] if index + 1 < len(spans) else None
        if open_at is not None and _opens_with_quote(text, following):
            quotes.append(QuoteSpan(open_at + 1, end, open_at, end, index, continued=True))
    return quotes
