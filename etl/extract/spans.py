"""Sorted indexes over character spans, so that per-sentence and per-quote
lookups cost a binary search instead of a scan of the whole document."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class Intervals:
    """A set of character ranges (merged), asked whether a span touches any."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def __bool__(self) -> bool:
        return bool(self.starts)

    def overlaps(self, start: int, end: int) -> bool:
        """True when [start, end) shares a character with a range."""
        i = bisect_right(self.starts, max(start, end - 1)) - 1
        return i >= 0 and self.ends[i] > start and end > self.starts[i]


class SpanIndex(Generic[T]):
    """Items with a start offset, found by range of start."""

    def __init__(self, items: Sequence[T], start: Callable[[T], int]) -> None:
        self.items = sorted(items, key=start)
        self.starts = [start(item) for item in self.items]

    def starting_in(self, low: int, high: int) -> list[T]:
        """Items whose start lies in [low, high)."""
        return self.items[bisect_left(self.starts, low) : bisect_left(self.starts, high)]
