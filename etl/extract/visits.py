"""Visits still to come, told without whom the visitor will meet ("She added
that she looked forward to visiting Beijing", "the premier plans to travel to
Washington in May"): a planned meeting of the visitor with the counterpart who
hosts him, whom the resolver finds from the visitor's role."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from etl.extract.dates import find_dates
from etl.extract.records import MeetingRecord, PersonMention
from etl.extract.sentences import SentenceView

PLANS = ("VISIT_PLAN", "VISIT_AHEAD")


def _visitor(
    view: SentenceView, cue_start: int, subject: PersonMention | None
) -> PersonMention | None:
    """The person named before the cue, or the one a leading pronoun stands for."""
    named = [m for m in view.mentions if m.start < cue_start and m.kind != "pronoun"]
    return named[-1] if named else subject


def visit_plans(
    views: Sequence[SentenceView],
    text: str,
    reference: dt.date | None,
    subjects: dict[int, PersonMention],
) -> list[MeetingRecord]:
    """One planned meeting per sentence that tells a visit to come to a country
    other than the visitor's; its day only when the sentence gives one."""
    records = []
    for view in views:
        cue = view.first(*PLANS)
        if cue is None or view.headline or view.in_turn:
            continue
        visitor = _visitor(view, cue.start_char, subjects.get(view.start))
        where = next((p for p in view.places if p.start >= cue.end_char and p.country), None)
        if visitor is None or where is None or where.country == visitor.country:
            continue
        after = text[cue.end_char : view.end]
        dates = find_dates(after, reference, prefer_future=True)
        date = dates[0] if dates else None
        records.append(
            MeetingRecord(
                start=view.start,
                end=view.end,
                kind="in_person",
                status="planned",
                participants=(visitor,),
                date=date.value if date else None,
                date_span=(cue.end_char + date.start, cue.end_char + date.end) if date else None,
                place=where,
                host_country=where.country,
                found_by="visit",
            )
        )
    return records
