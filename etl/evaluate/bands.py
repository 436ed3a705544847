"""Precision per confidence band: does a confidence mean what it says? Facts
the gold decides (see :class:`~etl.evaluate.figures.Judged`) are grouped by the
confidence the database gave them; a calibrated model's bands are monotone
(a higher band, a higher precision) and each band's precision is near its
facts' mean confidence. A band of fewer than ``MIN_FACTS`` facts is merged
with its neighbour: one wrong fact among three is noise, not a precision."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from etl.db.queries import render
from etl.evaluate.figures import Judged, ratio

EDGES = (0.0, 0.5, 0.7, 0.85, 0.95, 1.0)  # band i holds edges[i] <= confidence < edges[i+1]
MIN_FACTS = 5  # a band with fewer joins the band above (the top one, the band below)
KINDS = ("meeting", "participant", "speaker", "outcome")


@dataclass(frozen=True)
class Band:
    kind: str
    low: float
    high: float
    facts: int
    right: int
    mean_confidence: float

    @property
    def precision(self) -> float:
        return ratio(self.right, self.facts)

    @property
    def label(self) -> str:
        closing = "]" if self.high >= 1.0 else ")"
        return f"[{self.low:.2f}, {self.high:.2f}{closing}"


def _band_of(confidence: float) -> int:
    for index in range(len(EDGES) - 2, -1, -1):
        if confidence >= EDGES[index]:
            return index
    return 0


def _merged(groups: list[tuple[int, int, list[Judged]]]) -> list[tuple[int, int, list[Judged]]]:
    """(first band, last band, facts), each with at least MIN_FACTS facts when
    the kind has that many: one or two facts make no precision."""
    merged: list[tuple[int, int, list[Judged]]] = []
    for low, high, facts in groups:
        if merged and len(merged[-1][2]) < MIN_FACTS:
            first, _, held = merged.pop()
            low, facts = first, held + facts
        merged.append((low, high, facts))
    if len(merged) > 1 and len(merged[-1][2]) < MIN_FACTS:
        _, high, facts = merged.pop()
        first, _, held = merged.pop()
        merged.append((first, high, held + facts))
    return merged


def confidence_bands(judged: list[Judged]) -> list[Band]:
    """The non-empty bands of each fact kind, lowest first, sparse ones merged;
    facts without a confidence (a database not yet decided) are left out."""
    bands = []
    for kind in KINDS:
        grouped: dict[int, list[Judged]] = {}
        for fact in judged:
            if fact.kind == kind and fact.confidence is not None:
                grouped.setdefault(_band_of(fact.confidence), []).append(fact)
        groups = [(index, index, facts) for index, facts in sorted(grouped.items())]
        for low, high, facts in _merged(groups):
            confidences = [f.confidence for f in facts if f.confidence is not None]
            bands.append(
                Band(
                    kind,
                    EDGES[low],
                    EDGES[high + 1],
                    len(facts),
                    sum(f.right for f in facts),
                    sum(confidences) / len(confidences),
                )
            )
    return bands


def monotone(bands: list[Band], kind: str) -> bool:
    """A higher band never has a lower precision."""
    precisions = [b.precision for b in bands if b.kind == kind]
    return all(low <= high for low, high in pairwise(precisions))


def unordered_kinds(judged: list[Judged]) -> list[str]:
    """The fact kinds whose bands are not monotone."""
    bands = confidence_bands(judged)
    return [kind for kind in KINDS if not monotone(bands, kind)]


def bands_table(judged: list[Judged]) -> str:
    """The bands as a text table, one row per band."""
    bands = confidence_bands(judged)
    if not bands:
        return "(no confidences: the database's facts are not decided yet)"
    columns = ["facts", "band", "judged", "right", "precision", "mean confidence", "monotone"]
    rows = [
        (
            b.kind,
            b.label,
            b.facts,
            b.right,
            f"{b.precision:.3f}",
            f"{b.mean_confidence:.3f}",
            "yes" if monotone(bands, b.kind) else "NO",
        )
        for b in bands
    ]
    return render(columns, rows, "table")
