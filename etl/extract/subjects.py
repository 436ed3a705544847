"""Who a sentence-opening "He" or "She" is: the person who opens the nearest
earlier sentence that names one ("Ortiz landed in Lima on Monday. He met the
premier at noon."), the reading a reporter's prose relies on."""

from __future__ import annotations

from collections.abc import Sequence

from etl.extract.mentions import PRONOUNS
from etl.extract.records import PersonMention
from etl.extract.sentences import SentenceView

LOOKBACK = 3  # sentences searched back; further, the reader has lost the thread


def pronoun_subjects(views: Sequence[SentenceView]) -> dict[int, PersonMention]:
    """For each sentence that opens with a personal pronoun, by its start: the
    person the pronoun stands for. Transcript turns and headlines are skipped:
    a speaker's "he" is not the reporter's."""
    found: dict[int, PersonMention] = {}
    recent: list[PersonMention | None] = []
    for view in views:
        named = [m for m in view.mentions if m.kind not in ("pronoun", "descriptor")]
        opener = next((t for t in view.span if not t.is_space), None)
        if opener is not None and opener.lower_ in PRONOUNS and not view.in_turn:
            subject = next((m for m in reversed(recent[-LOOKBACK:]) if m is not None), None)
            if subject is not None:
                found[view.start] = subject
        if not view.headline:
            recent.append(named[0] if named else None)
    return found
