"""One evaluation: every fact kind of a database against one gold file."""

from __future__ import annotations

from etl.evaluate.figures import Evaluation, Finding, Judged
from etl.evaluate.gold import Gold
from etl.evaluate.meetings import pair_meetings, score_meetings, score_outcomes
from etl.evaluate.predicted import Predicted
from etl.evaluate.statements import person_duplicates, score_statements


def evaluate(gold: Gold, predicted: Predicted) -> Evaluation:
    findings: list[Finding] = []
    judged: list[Judged] = []
    paired = pair_meetings(gold, predicted)
    meetings, participants, accuracy = score_meetings(gold, predicted, paired, findings, judged)
    outcomes, outcome_accuracy = score_outcomes(gold, predicted, paired, findings, judged)
    statements, attribution = score_statements(gold, predicted, findings, judged)
    findings.sort(key=lambda f: (f.document, f.kind, f.verdict, f.start or 0, f.what))
    return Evaluation(
        figures={
            "meetings": meetings,
            "participants": participants,
            "outcomes": outcomes,
            "statements": statements,
        },
        accuracy={**accuracy, **outcome_accuracy, "attribution": attribution},
        person_duplicates=person_duplicates(gold, predicted),
        findings=findings,
        judged=judged,
    )
