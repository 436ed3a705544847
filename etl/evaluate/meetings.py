"""Meetings, their participants and their outcomes, gold against predicted.

A predicted meeting stands for a gold one when their participants overlap by
Jaccard ≥ 0.5 (gold optional participants neither help nor hurt) and neither
place, date (±1 day) nor a cancellation contradicts; pairs are taken best
overlap first, each side once. Outcomes are compared within paired meetings.
Facts the gold marks not required are neutral: finding them is no gain, and
they are not spurious."""

from __future__ import annotations

from collections import defaultdict

from etl.evaluate.figures import Figure, Finding, Judged, ratio
from etl.evaluate.gold import Gold, GoldMeeting
from etl.evaluate.keys import same_city
from etl.evaluate.predicted import Predicted, PredictedMeeting, PredictedOutcome

Paired = dict[int, PredictedMeeting]  # gold meeting index -> its predicted meeting


def people(gold: Gold, meeting: PredictedMeeting) -> set[str | None]:
    return {gold.canonical(name) for name, _title in meeting.participants}


def _overlap(g: GoldMeeting, m: PredictedMeeting, named: set[str | None]) -> float | None:
    """The participants' overlap when the two can be one meeting, else None."""
    shared = len(g.participants & named)
    overlap = shared / len(g.participants | (named - g.optional)) if named else 0.0
    if shared == 0 or overlap < 0.5:
        return None
    if g.cities and m.city and not same_city(m.city, list(g.cities)):
        return None
    if g.dates and m.start and min(abs((d - m.start).days) for d in g.dates) > 1:
        return None
    if g.status == "cancelled" and m.status != "cancelled":
        return None
    return overlap


def _shown(value: object) -> str:
    if isinstance(value, tuple | list):
        return " or ".join(_shown(v) for v in value) if value else "(none)"
    return str(value) if value not in (None, "") else "(none)"


def pair_meetings(gold: Gold, predicted: Predicted) -> Paired:
    candidates = []
    for index, g in enumerate(gold.meetings):
        for order, m in enumerate(predicted.meetings):
            overlap = _overlap(g, m, people(gold, m))
            if overlap is not None:
                candidates.append((-overlap, index, order))
    paired: Paired = {}
    taken: set[int] = set()
    for _, index, order in sorted(candidates):
        if index not in paired and order not in taken:
            paired[index] = predicted.meetings[order]
            taken.add(order)
    return paired


def score_meetings(
    gold: Gold, predicted: Predicted, paired: Paired, findings: list[Finding], judged: list[Judged]
) -> tuple[Figure, Figure, dict[str, float]]:
    """Meetings and participants figures, and the field accuracies of paired
    meetings. Judged: each meeting (right when it stands for a required gold
    one) and each participant of a paired meeting, as the figures count them."""
    required = [i for i, g in enumerate(gold.meetings) if g.required]
    neutral = sum(1 for i in paired if not gold.meetings[i].required)
    meetings = Figure(
        sum(i in paired for i in required), len(predicted.meetings) - neutral, len(required)
    )
    right: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # field -> [right, checked]
    shared = named = expected = 0
    for i in required:
        g = gold.meetings[i]
        if i not in paired:
            findings.extend(Finding(d, "meeting", "missed", g.key) for d in g.docs or ("",))
            continue
        m = paired[i]
        judged.append(Judged("meeting", (m.meeting_id,), m.confidence, True))
        document = g.docs[0] if g.docs else ""
        for name, ok, found, gold_value in (
            ("date", m.start in g.dates if g.dates else m.start is None, m.start, g.dates),
            ("status", m.status == g.status, m.status, g.status),
            (
                "city",
                same_city(m.city, list(g.cities)) if g.cities else not m.city,
                m.city,
                g.cities,
            ),
        ):
            right[name][0] += ok
            right[name][1] += 1
            if not ok:
                findings.append(
                    Finding(
                        document,
                        "meeting",
                        "wrong",
                        f"{g.key}: {name} {_shown(found)}, gold {_shown(gold_value)}",
                    )
                )
        present = people(gold, m) - g.optional
        judged_people: set[str | None] = set()  # as the figure counts them: once each
        for name, _title in m.participants:
            person_id, confidence = m.people.get(name, (0, None))
            person = gold.canonical(name)
            if person not in g.optional and person not in judged_people:
                judged_people.add(person)
                key = (m.meeting_id, person_id)
                judged.append(Judged("participant", key, confidence, person in g.participants))
        for extra in sorted(p or "" for p in present - g.participants):
            findings.append(
                Finding(document, "meeting", "wrong", f"{g.key}: extra participant {extra}")
            )
        for missing in sorted(g.participants - present):
            findings.append(
                Finding(document, "meeting", "wrong", f"{g.key}: missing participant {missing}")
            )
        shared += len(g.participants & present)
        named += len(present)
        expected += len(g.participants)
        for name, title in m.participants:
            person = gold.canonical(name)
            if person in g.titles:
                ok = any(t in title for t in g.titles[person])
                right["title"][0] += ok
                right["title"][1] += 1
                if not ok:
                    gold_titles = _shown(g.titles[person])
                    what = f"{g.key}: title of {person} {_shown(title)}, gold {gold_titles}"
                    findings.append(Finding(document, "meeting", "wrong", what))
    taken = {id(m) for m in paired.values()}
    for m in predicted.meetings:
        if id(m) not in taken:
            judged.append(Judged("meeting", (m.meeting_id,), m.confidence, False))
            source = m.sources[0] if m.sources else None
            findings.append(
                Finding(
                    source.document if source else "",
                    "meeting",
                    "spurious",
                    m.title,
                    source.start if source else None,
                    source.end if source else None,
                )
            )
    accuracy = {name: ratio(ok, total) for name, (ok, total) in right.items()}
    return meetings, Figure(shared, named, expected), accuracy


def score_outcomes(
    gold: Gold, predicted: Predicted, paired: Paired, findings: list[Finding], judged: list[Judged]
) -> tuple[Figure, dict[str, float]]:
    """Outcomes figure, and category and status accuracy of the outcomes found."""
    by_meeting: dict[int | None, list[PredictedOutcome]] = defaultdict(list)
    for outcome in predicted.outcomes:
        by_meeting[outcome.meeting_id].append(outcome)
    found = required = neutral = category_ok = status_ok = 0
    matched: set[int] = set()
    for index, g in enumerate(gold.meetings):
        candidates = by_meeting[paired[index].meeting_id] if index in paired else []
        used: set[int] = set()
        for go in g.outcomes:
            counted = go.required and g.required
            required += counted
            hit = next(
                (
                    n
                    for n, o in enumerate(candidates)
                    if n not in used and go.described_by(o.description)
                ),
                None,
            )
            if hit is None:
                if counted:
                    findings.extend(
                        Finding(d, "outcome", "missed", f"{g.key}: {go.describe()}")
                        for d in g.docs or ("",)
                    )
                continue
            used.add(hit)
            matched.add(id(candidates[hit]))
            if counted:
                o = candidates[hit]
                judged.append(Judged("outcome", (o.outcome_id,), o.confidence, True))
                found += 1
                category_ok += candidates[hit].category == go.category
                status_ok += candidates[hit].status == go.status
            else:
                neutral += 1
    for o in predicted.outcomes:
        if id(o) not in matched:
            judged.append(Judged("outcome", (o.outcome_id,), o.confidence, False))
            s = o.source
            findings.append(
                Finding(s.document, "outcome", "spurious", o.description, s.start, s.end)
            )
    figure = Figure(found, len(predicted.outcomes) - neutral, required)
    return figure, {
        "outcome_category": ratio(category_ok, found),
        "outcome_status": ratio(status_ok, found),
    }
