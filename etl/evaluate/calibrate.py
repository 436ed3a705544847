"""Fitting the confidence model on an annotated corpus: load the documents
into a throwaway database, judge every fact against the gold, and fit, per
fact kind, a logistic regression of right-or-wrong on the fact's features.

Each weight is drawn towards its prior (``data/confidence_prior.yaml``, what
the evidence is worth before any corpus is seen) by an L2 penalty, the bias
only weakly towards even odds: a corpus with few errors sets the overall level
and moves a weight only as far as it has evidence to. Solved by Newton's method, a few steps on a
handful of features."""

from __future__ import annotations

import datetime as dt
import math
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from etl.db.models import Outcome, Statement
from etl.evaluate.figures import Judged
from etl.evaluate.gold import Gold
from etl.evaluate.run import evaluate_database
from etl.resolve.confidence import (
    AGAINST,
    KINDS,
    PRIOR_PATH,
    Evidence,
    Model,
    fact_key,
    features,
    read_model,
)

L2 = 1.0
CHUNK = 500  # meetings read at a time (bound parameters stay few)
# a weak pull of the bias towards even odds: a corpus without a single error of
# some kind gives it a high, finite level instead of certainty
BIAS_L2 = 0.1
STEPS = 50

Sample = tuple[dict[str, float], bool]


FactKey = tuple[str, tuple[int, ...]]
FOLDS = 5


@dataclass(frozen=True)
class Calibration:
    model: Model
    samples: dict[str, int]  # facts judged per kind
    right: dict[str, int]
    # each judged fact with the confidence of a model fitted without its
    # meeting's facts (cross-validation): how the weights do on facts unseen
    held_out: list[Judged] = field(default_factory=list)


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the matrix is small and
    positive definite: a Hessian plus the L2 term)."""
    n = len(vector)
    rows = [[*row, vector[i]] for i, row in enumerate(matrix)]
    for column in range(n):
        pivot = max(range(column, n), key=lambda r: abs(rows[r][column]))
        rows[column], rows[pivot] = rows[pivot], rows[column]
        for r in range(column + 1, n):
            factor = rows[r][column] / rows[column][column]
            for c in range(column, n + 1):
                rows[r][c] -= factor * rows[column][c]
    solution = [0.0] * n
    for r in range(n - 1, -1, -1):
        total = rows[r][n] - sum(rows[r][c] * solution[c] for c in range(r + 1, n))
        solution[r] = total / rows[r][r]
    return solution


def fit_signed(
    samples: list[Sample], prior: dict[str, float] | None = None, l2: float = L2
) -> dict[str, float]:
    """The fit with each weight on its side of zero (see ``AGAINST``): a weight
    that comes out on the wrong side is dropped (zero) and the rest fitted again."""
    names = sorted({name for values, _ in samples for name in values})
    dropped: set[str] = set()
    while True:
        kept = [n for n in names if n not in dropped]
        weights = fit_logistic(samples, kept, prior or {}, l2)
        wrong = {
            n
            for n in kept
            if (weights[n] > 0 and n in AGAINST) or (weights[n] < 0 and n not in AGAINST)
        }
        if not wrong:
            return {**{n: 0.0 for n in names}, **weights}
        dropped |= wrong


def fit_logistic(
    samples: list[Sample], features: list[str], prior: dict[str, float], l2: float = L2
) -> dict[str, float]:
    """Weights (with ``bias``) of ``features`` maximising the log-likelihood
    penalised by their squared distance from the prior."""
    names = ["bias", *features]
    centre = [0.0, *(prior.get(name, 0.0) for name in features)]
    rows = [[1.0, *(values.get(name, 0.0) for name in names[1:])] for values, _ in samples]
    labels = [1.0 if right else 0.0 for _, right in samples]
    penalty = [BIAS_L2, *([l2] * (len(names) - 1))]
    weights = centre[:]
    for _ in range(STEPS):
        gradient = [-p * (w - c) for p, w, c in zip(penalty, weights, centre, strict=True)]
        hessian = [[0.0] * len(names) for _ in names]
        for i, p in enumerate(penalty):
            hessian[i][i] = p + 1e-9
        for x, y in zip(rows, labels, strict=True):
            z = max(-30.0, min(30.0, sum(w * v for w, v in zip(weights, x, strict=True))))
            prob = 1.0 / (1.0 + math.exp(-z))
            for i, xi in enumerate(x):
                gradient[i] += (y - prob) * xi
                for j, xj in enumerate(x):
                    hessian[i][j] += prob * (1 - prob) * xi * xj
        step = _solve(hessian, gradient)
        weights = [w + s for w, s in zip(weights, step, strict=True)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return {name: round(w, 3) for name, w in zip(names, weights, strict=True)}


def fit_model(
    evidence: list[Evidence],
    judged: dict[FactKey, bool],
    prior: Model | None = None,
) -> Calibration:
    """A model from the facts the gold judged (others are left out), starting
    from ``prior`` (default: the shipped prior)."""
    samples: dict[str, list[Sample]] = {kind: [] for kind in KINDS}
    for item in evidence:
        key = fact_key(item)
        if key in judged:
            kind, values = features(item)
            samples[kind].append((values, judged[key]))
    start = prior or read_model(PRIOR_PATH)
    weights = {
        kind: fit_signed(rows, start.weights.get(kind, {}))
        for kind, rows in samples.items()
        if rows
    }
    return Calibration(
        Model(weights),
        {kind: len(rows) for kind, rows in samples.items()},
        {kind: sum(right for _, right in rows) for kind, rows in samples.items()},
    )


def cross_validate(
    evidence: list[Evidence],
    judged: dict[FactKey, bool],
    groups: dict[FactKey, str],
    folds: int = FOLDS,
    prior: Model | None = None,
) -> list[Judged]:
    """Each judged fact with the confidence a model fitted on the other folds
    gives it. Facts of one group (a meeting and its participants, statements
    and outcomes) stay in one fold, so no fact is scored by a model that saw
    its own meeting."""
    names = sorted(set(groups.values()))
    fold_of = {name: index % folds for index, name in enumerate(names)}
    held_out = []
    for fold in range(folds):
        training = {k: v for k, v in judged.items() if fold_of.get(groups.get(k, "")) != fold}
        model = fit_model(evidence, training, prior).model
        for item in evidence:
            kind, key = fact_key(item)
            if (kind, key) in judged and fold_of.get(groups.get((kind, key), "")) == fold:
                held_out.append(Judged(kind, key, model.confidence(item), judged[kind, key]))
    return held_out


def _meeting_groups(session: Session, evidence: list[Evidence]) -> dict[FactKey, str]:
    """Each fact's meeting (a statement of none is its own group)."""
    statements = dict(session.execute(select(Statement.id, Statement.meeting_id)).tuples().all())
    outcomes = dict(session.execute(select(Outcome.id, Outcome.meeting_id)).tuples().all())
    groups: dict[FactKey, str] = {}
    for item in evidence:
        kind, key = fact_key(item)
        meeting: int | None = None
        if kind in ("meeting", "participant"):
            meeting = key[0]
        elif kind == "speaker":
            meeting = statements.get(key[0])
        else:
            meeting = outcomes.get(key[0])
        groups[kind, key] = f"meeting {meeting}" if meeting is not None else f"{kind} {key[0]}"
    return groups


def calibrate_documents(paths: list[Path], gold: Gold) -> tuple[Calibration, list[str]]:
    """Load ``paths`` into a throwaway database, judge its facts, fit; also,
    one line each, the documents it could not load and why."""
    from etl.db.confidence_evidence import (
        every_meeting,
        evidence_of_meetings,
    )
    from etl.db.speaker_evidence import evidence_of_unplaced_statements
    from etl.pipeline import Pipeline
    from etl.settings import Settings

    evidence: list[Evidence] = []
    with tempfile.TemporaryDirectory(prefix="summit-calibrate-") as folder:
        pipeline = Pipeline(Settings(database_url=f"sqlite:///{Path(folder) / 'calibrate.db'}"))
        try:
            report = pipeline.run(paths)
            evaluation = evaluate_database(pipeline.engine, gold)
            with pipeline.sessions() as session:
                meetings = every_meeting(session)
                for start in range(0, len(meetings), CHUNK):
                    evidence += evidence_of_meetings(session, meetings[start : start + CHUNK])
                evidence += evidence_of_unplaced_statements(session, undecided=False)
                groups = _meeting_groups(session, evidence)
        finally:
            pipeline.close()
    judged = {(fact.kind, fact.key): fact.right for fact in evaluation.judged}
    problems = [
        f"{r.name}: {r.status}: {r.reason}"
        for r in report.results
        if r.status in ("failed", "skipped")
    ]
    calibration = fit_model(evidence, judged)
    held_out = cross_validate(evidence, judged, groups)
    return replace(calibration, held_out=held_out), problems


def write_model(calibration: Calibration, path: Path) -> None:
    """The model file, renamed into place only when complete."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_text(model_yaml(calibration), encoding="utf-8")
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def model_yaml(calibration: Calibration, today: dt.date | None = None) -> str:
    """The model file: the weights, and a header saying how they were fitted."""
    day = (today or dt.date.today()).isoformat()
    facts = ", ".join(
        f"{kind} {calibration.right[kind]}/{calibration.samples[kind]} right" for kind in KINDS
    )
    header = (
        "# Weights (log-odds) of the confidence model per fact kind; the features are\n"
        "# in etl/resolve/confidence.py. Written by `etl calibrate` on "
        f"{day} from an\n# annotated corpus ({facts}).\n"
    )
    body = yaml.safe_dump({"weights": calibration.model.weights}, sort_keys=True)
    return header + body
