"""Meetings a story tells without their day, dated by another sentence that
tells the same act with one: "Ito and Wang agreed Tuesday to …" dates their
meeting; "The accord was signed by Ito and Wang" takes the day of "The two
governments on March 3 signed the accord"."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from etl.extract.dates import DateMention, find_dates
from etl.extract.records import MeetingRecord, PersonMention
from etl.extract.sentences import SentenceView

ACTS = ("SIGNING", "SIGNED")  # cue labels of an act told twice, once with its day


def _words(person: PersonMention) -> set[str]:
    return {w.lower() for w in (person.name or person.text).split()}


def _all_named(record: MeetingRecord, named: Sequence[PersonMention]) -> bool:
    """Each participant is one of ``named`` ("Xi" is "Xi Jinping", "Trump" is
    "President Donald J. Trump": a shared name word)."""
    return all(any(_words(p) & _words(m) for m in named) for p in record.participants)


def dated_by_agreement(
    meetings: list[MeetingRecord],
    views: Sequence[SentenceView],
    text: str,
    reference: dt.date | None,
) -> list[MeetingRecord]:
    """ "Ito and Wang agreed Tuesday to reopen the fishery talks": the day both sides
    agreed is the day of their meeting, when the story tells it without one."""
    result = list(meetings)
    for view in views:
        agreed = view.first("AGREED")
        if agreed is None or view.headline:
            continue
        said = find_dates(text[agreed.start_char : agreed.end_char], reference)
        if not said or said[0].value.start is None:
            continue  # "agreed Tuesday to", "agreed on Friday to": the day sits in the cue
        named = [m for m in view.mentions if m.start < agreed.start_char and m.kind != "pronoun"]
        for index, record in enumerate(result):
            undated = record.date is None and record.status == "held"
            if undated and len(named) >= 2 and record.participants and _all_named(record, named):
                start = agreed.start_char + said[0].start
                result[index] = replace(
                    record,
                    date=said[0].value,
                    date_span=(start, start + said[0].end - said[0].start),
                )
    return result


def dated_by_act(
    meetings: list[MeetingRecord],
    views: Sequence[SentenceView],
    text: str,
    reference: dt.date | None,
) -> list[MeetingRecord]:
    """A held meeting told by its signing and no day takes the one day the story
    gives the signing elsewhere; two different days leave it undated."""
    days: dict[dt.date, tuple[int, DateMention]] = {}
    for view in views:
        if view.headline or view.in_turn or view.first(*ACTS) is None:
            continue
        for said in find_dates(text[view.start : view.end], reference):
            if said.value.start is not None:
                days.setdefault(said.value.start, (view.start, said))
    if len(days) != 1:
        return list(meetings)
    offset, said = next(iter(days.values()))
    result = list(meetings)
    starts = [v.start for v in views]
    for index, record in enumerate(result):
        at = bisect_right(starts, record.start) - 1
        told = views[at] if at >= 0 and record.start < views[at].end else None
        if record.date is not None or record.status != "held" or told is None:
            continue
        if told.first(*ACTS) is not None:
            start = offset + said.start
            result[index] = replace(
                record, date=said.value, date_span=(start, start + said.end - said.start)
            )
    return result
