"""Whether a meeting sentence tells of a meeting held, planned or cancelled:
the words around its cue decide, and a date after the story makes a plan."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Span

from etl.extract.dates import DateMention
from etl.extract.nlp import lexicon
from etl.extract.sentences import SentenceView

DAY_ONLY = re.compile(r"\d{1,2}\s?[日일]")
STATUS_WINDOW = 48  # characters around the cue that decide held / planned / cancelled
# "had been expected to meet": a plan overtaken by events
UNDONE_PLAN = lexicon("meetings", "undone_plan")


def status_of(view: SentenceView, cue: Span, text: str) -> str:
    """Cancelled or planned when the words around the meeting cue say so ("will
    meet", "is due to hold talks on Monday"); a future elsewhere in the
    sentence ("…, who will travel later") does not make a held meeting planned."""
    low, high = (
        max(view.start, cue.start_char - STATUS_WINDOW),
        min(view.end, cue.end_char + STATUS_WINDOW),
    )
    nearby = [c.label_ for c in view.cues if low <= c.start_char < high]
    if "CANCELLED" in nearby or refused(view, cue, text):
        return "cancelled"
    if "PLANNED" in nearby or "FUTURE" in nearby:
        return "planned"
    return "held"


def relative_future(date: DateMention, reference: dt.date | None) -> bool:
    """A date told relative to the story ("tomorrow", "next week", "19日") that falls
    after it. A written date after the story ("met on Dec. 21") is a conflict
    for the resolver, not a plan."""
    start = date.value.start
    written = any(ch.isdigit() for ch in date.value.text) and not DAY_ONLY.fullmatch(
        date.value.text.strip()
    )  # "19日", "19일": a day of the story's month, told relative to it
    return reference is not None and start is not None and start > reference and not written


def refused(view: SentenceView, cue: Span, text: str) -> bool:
    """The meeting is what a refusal refuses: "declined an invitation for Austin
    to meet Li", "회담 제안을 거절했다". In English the meeting must be the
    refusal's object, in its clause ("rejected the claims when he met" is held)."""
    for refusal in (c for c in view.cues if c.label_ == "REFUSED"):
        if not refusal.text.isascii():
            if abs(refusal.start_char - cue.start_char) <= STATUS_WINDOW:
                return True
            continue
        if refusal.start_char >= cue.start_char or refusal.start_char < view.start:
            continue
        clause_break = any(
            c.label_ == "CLAUSE" and refusal.end_char <= c.start_char < cue.start_char
            for c in view.cues
        )
        refuses = any(
            c.label_ == "REFUSED_OBJECT" and refusal.end_char <= c.start_char < cue.start_char
            for c in view.cues
        ) or (cue.start > 0 and cue.doc[cue.start - 1].lower_ == "to")  # "declined to meet"
        if not clause_break and refuses:
            return True
    return False


def undone(view: SentenceView, cue: Span, text: str) -> bool:
    """ "Blinken had been expected to meet Qin", in a story of a cancellation."""
    window = text[view.start : min(view.end, cue.end_char + STATUS_WINDOW)].lower()
    return any(phrase in window for phrase in UNDONE_PLAN)
