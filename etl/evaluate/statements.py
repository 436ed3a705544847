"""Statements and persons, gold against predicted.

A predicted statement hits a gold one when its text contains the gold
opening; it is right when its speaker is the gold speaker (or one of the joint
speakers, or the gold names none). A wrong speaker makes a hit spurious and
counts against attribution; statements in documents the gold does not cover
are not scored."""

from __future__ import annotations

from etl.evaluate.figures import Figure, Finding, Judged, ratio
from etl.evaluate.gold import Gold
from etl.evaluate.predicted import Predicted


def score_statements(
    gold: Gold, predicted: Predicted, findings: list[Finding], judged: list[Judged]
) -> tuple[Figure, float]:
    """Statements figure and speaker attribution accuracy."""
    right = wrong = attributed = correctly = required = recalled = 0
    for document, expected in gold.statements.items():
        required += sum(g.required for g in expected)
        heard = [False] * len(expected)
        for said in predicted.statements.get(document, ()):
            speaker = gold.canonical(said.speaker)
            hits = [n for n, g in enumerate(expected) if g.starts_with in said.text]
            correct = [
                n for n in hits if not expected[n].speakers or speaker in expected[n].speakers
            ]
            for n in correct:
                heard[n] = True
            any_required = any(expected[n].required for n in hits)
            if any(expected[n].required and expected[n].speakers for n in hits):
                attributed += 1
                correctly += bool(correct)
            key = (said.statement_id,)
            if any_required and correct:
                right += 1
                judged.append(Judged("speaker", key, said.confidence, True))
            elif any_required or not hits:
                wrong += 1
                judged.append(Judged("speaker", key, said.confidence, False))
                s = said.source
                what = f"{said.speaker or '(no speaker)'}: {said.shown[:70]}"
                findings.append(Finding(document, "statement", "spurious", what, s.start, s.end))
        for n, g in enumerate(expected):
            if g.required and heard[n]:
                recalled += 1
            elif g.required:
                speakers = " / ".join(g.speakers) or "(no speaker)"
                what = f"{speakers}: {g.opening[:70]}"
                findings.append(Finding(document, "statement", "missed", what))
    # several predictions can hit one gold statement (a quote split in two)
    return Figure(right, right + wrong, required, recalled), ratio(correctly, attributed)


def person_duplicates(gold: Gold, predicted: Predicted) -> int:
    """Persons rows that are a gold person another row already is."""
    seen: set[str] = set()
    duplicates = 0
    for name in predicted.persons:
        person = gold.canonical(name)
        if person is None or person.startswith("?"):
            continue
        duplicates += person in seen
        seen.add(person)
    return duplicates
