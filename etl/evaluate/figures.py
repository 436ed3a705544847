"""The figures an evaluation reports, and the facts behind its errors."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Figure:
    """Precision, recall and F1 of one fact kind. ``recalled`` counts the gold
    facts found when it differs from the right predictions (two halves of a
    split quote are two right predictions of one gold statement)."""

    true_positives: int
    predicted: int
    gold: int
    recalled: int | None = None

    @property
    def precision(self) -> float:
        return ratio(self.true_positives, self.predicted)

    @property
    def recall(self) -> float:
        found = self.true_positives if self.recalled is None else self.recalled
        return ratio(found, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def ratio(hits: int, total: int) -> float:
    return hits / total if total else 0.0


@dataclass(frozen=True)
class Finding:
    """One missed (in the gold, not found) or spurious (found, not in the gold)
    fact, or a wrong field (date, status, city, title) of a meeting found."""

    document: str
    kind: str  # meeting, outcome, statement
    verdict: str  # missed, spurious, wrong
    what: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Judged:
    """One predicted fact the gold decides: right or not, and the confidence
    the database gave it (kinds as in :mod:`etl.resolve.confidence`)."""

    kind: str  # meeting, participant, speaker, outcome
    key: tuple[int, ...]  # meeting id; meeting and person ids; statement id; outcome id
    confidence: float | None
    right: bool


@dataclass
class Evaluation:
    figures: dict[str, Figure]  # meetings, participants, outcomes, statements
    accuracy: dict[str, float]  # date, status, city, title, attribution, outcome category…
    person_duplicates: int
    findings: list[Finding] = field(default_factory=list)
    judged: list[Judged] = field(default_factory=list)

    def headline(self) -> dict[str, float]:
        """The figures the quality floors name."""
        return {
            **{f"{kind}_f1": round(figure.f1, 3) for kind, figure in self.figures.items()},
            "attribution_acc": round(self.accuracy.get("attribution", 0.0), 3),
            "date_acc": round(self.accuracy.get("date", 0.0), 3),
            "title_acc": round(self.accuracy.get("title", 0.0), 3),
            "person_dups": self.person_duplicates,
        }
