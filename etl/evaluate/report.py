"""An evaluation as the user reads it: a table of figures then, document by
document, what was missed and what was found but is not in the gold; or the
same as JSON for scripts (its sections keep the names the floors use)."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from etl.db.queries import render
from etl.evaluate.bands import KINDS, bands_table, confidence_bands, monotone
from etl.evaluate.figures import Evaluation, Finding

FORMATS = ("table", "json")


def as_dict(evaluation: Evaluation) -> dict[str, Any]:
    figures = {
        kind: {
            "precision": round(f.precision, 3),
            "recall": round(f.recall, 3),
            "f1": round(f.f1, 3),
            "right": f.true_positives,
            "predicted": f.predicted,
            "gold": f.gold,
        }
        for kind, f in evaluation.figures.items()
    }
    documents: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for finding in evaluation.findings:
        documents[finding.document].append(
            {
                "verdict": finding.verdict,
                "kind": finding.kind,
                "what": finding.what,
                "span": _span(finding) or None,
            }
        )
    return {
        "headline": evaluation.headline(),
        **figures,
        "accuracy": {name: round(value, 3) for name, value in evaluation.accuracy.items()},
        "person_duplicates": evaluation.person_duplicates,
        "confidence": _confidence(evaluation),
        "documents": dict(documents),
    }


def _confidence(evaluation: Evaluation) -> dict[str, Any]:
    bands = confidence_bands(evaluation.judged)
    return {
        kind: {
            "monotone": monotone(bands, kind),
            "bands": [
                {
                    "band": b.label,
                    "facts": b.facts,
                    "right": b.right,
                    "precision": round(b.precision, 3),
                    "mean_confidence": round(b.mean_confidence, 3),
                }
                for b in bands
                if b.kind == kind
            ],
        }
        for kind in KINDS
    }


def _span(finding: Finding) -> str:
    return f"{finding.start}-{finding.end}" if finding.start is not None else ""


def as_table(evaluation: Evaluation) -> str:
    columns = ["facts", "precision", "recall", "f1", "right", "predicted", "gold"]
    rows = [
        (
            kind,
            *(f"{v:.3f}" for v in (f.precision, f.recall, f.f1)),
            f.true_positives,
            f.predicted,
            f.gold,
        )
        for kind, f in evaluation.figures.items()
    ]
    lines = [render(columns, rows, "table"), ""]
    accuracy = ", ".join(
        f"{name.replace('_', ' ')} {value:.3f}" for name, value in evaluation.accuracy.items()
    )
    lines.append(f"accuracy: {accuracy}")
    lines.append(f"duplicate persons: {evaluation.person_duplicates}")
    lines.extend(["", "precision per confidence band:", bands_table(evaluation.judged)])
    by_document: dict[str, list[Finding]] = defaultdict(list)
    for finding in evaluation.findings:
        by_document[finding.document].append(finding)
    for document, findings in by_document.items():
        lines.append("")
        lines.append(document or "(no document)")
        for f in findings:
            span = f" [{_span(f)}]" if _span(f) else ""
            lines.append(f"  {f.verdict:<8} {f.kind:<9}{span} {f.what}".rstrip())
    return "\n".join(lines)


def format_evaluation(evaluation: Evaluation, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(as_dict(evaluation), ensure_ascii=False, indent=2)
    if fmt == "table":
        return as_table(evaluation)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
