"""A transcript's own meeting. "Remarks by Secretary Blinken and Director Wang
Before Their Meeting", followed by turns that people of two countries speak, is
the record of a meeting those speakers held, on the date and at the place its
header gives. Prose mentions need a cue in a sentence; a transcript's is in its
title, which prose extraction skips as a headline."""

from __future__ import annotations

import datetime as dt

from etl.extract.dates import find_dates
from etl.extract.records import MeetingRecord, PersonMention, Place
from etl.extract.sentences import SentenceView

HEADER_KINDS = {"HEADER_VIDEO": "video", "HEADER_CALL": "call", "HEADER_MEET": "in_person"}


def _header_place(header: list[SentenceView]) -> Place | None:
    places = [p for view in header for p in view.places]
    for attribute in ("venue", "city"):
        found = [p for p in places if getattr(p, attribute)]
        if found:
            return found[0]
    return None


def transcript_meeting(
    views: list[SentenceView],
    header_end: int,
    speakers: tuple[PersonMention, ...],
    text: str,
    reference: dt.date | None,
) -> MeetingRecord | None:
    """The meeting a transcript records: ``header_end`` is where its first turn
    begins, ``speakers`` the distinct people its turns name. None when the
    header names no meeting or the speakers are not of two countries."""
    header = [v for v in views if v.end <= header_end]
    found = [(v, next((c for c in v.cues if c.label_ in HEADER_KINDS), None)) for v in header]
    cued = [(v, cue) for v, cue in found if cue is not None]
    people = tuple(p for p in speakers if p.country)
    if not cued or len({p.country for p in people}) < 2:
        return None
    cue_view, cue = cued[0]
    dates = [d for d in find_dates(text[:header_end], reference) if d.value.start]
    kind = HEADER_KINDS[cue.label_]
    return MeetingRecord(
        start=cue_view.start,
        end=cue_view.end,
        kind=kind,
        status="held",
        participants=people,
        date=dates[0].value if dates else None,
        date_span=(dates[0].start, dates[0].end) if dates else None,
        place=_header_place(header) if kind == "in_person" else None,
        found_by="title",
    )
