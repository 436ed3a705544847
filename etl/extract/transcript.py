"""Transcript turns: an upper-case speaker label at the start of a line
("SECRETARY BLINKEN:", "MS. PSAKI:", "Q:") opens a turn that runs over the
following paragraphs until the next label or a section break (two or more
blank lines)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from etl.extract.nlp import lexicon, load_yaml

# A stage direction may sit between the label and its colon:
_QA_LABELS = "|".join(lexicon("transcript", "qa_labels"))
# "DIRECTOR WANG (via interpreter):"
_LABEL_DIRECTION = r"(?:[ \t]*\((?P<direction>[^()\n]{1,40})\))?"
LABEL = re.compile(
    rf"(?m)^(?P<label>[A-Z][A-Z.'’ -]{{0,60}}?[A-Z.]|Q|A){_LABEL_DIRECTION}:[ \t]+"
    rf"|^(?P<cjk>{_QA_LABELS})[ \t]*[：:][ \t]*"  # a Chinese or Korean briefing's Q and A
)
# The answering side of a Q&A, who is the briefing's host when the label names nobody
ANSWER_LABELS = frozenset(lexicon("transcript", "answer_labels"))
# "Mao Ning:", "Bloomberg:" — briefing transcripts label turns in title case; such
# labels count only when a document has several of them.
TITLE_LABEL = re.compile(
    rf"(?m)^(?P<label>[A-Z][a-z]+(?: [A-Z][a-z]+){{0,3}}){_LABEL_DIRECTION}:[ \t]+"
)
MIN_TITLE_LABELS = 3
# "President Trump. Thank you." / "Q. Mr. President, …": the style of some
# presidential archives, a title and a name ending in a full stop. Such a line
# is a label only when it starts with a title and the document repeats labels.
PERIOD_LABEL = re.compile(r"(?m)^(?P<label>Q|[A-Z][a-z]+(?: [A-Z][a-z]+){1,3})\.[ \t]+(?=\S)")
# "MR. ORTIZ:" opens a briefing's remarks even when no other label follows
HONORIFIC_LABEL = re.compile(r"(?:MR|MS|MRS|DR)\.? [A-Z][A-Z'’-]+$")
SECTION_BREAK = re.compile(r"\n[ \t]*\n[ \t]*\n")
DIRECTION = re.compile(r"\((?P<body>[^()\n]{1,60})\)")
INTERPRETER = lexicon("transcript", "interpreter_notes")


@dataclass(frozen=True)
class Turn:
    label: str
    label_start: int
    label_end: int
    start: int
    end: int
    via_interpreter: bool
    stage_only: bool


def _strip_directions(text: str, start: int, end: int) -> tuple[int, int, bool]:
    """Move ``start``/``end`` past stage directions at either edge of the turn:
    "(Via interpreter)" marks interpretation, "(Laughter.)" is not speech."""
    via = False
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start].isspace():
            start += 1
        match = DIRECTION.match(text, start, end)
        if match:
            via = via or match.group("body").strip().lower().rstrip(".") in INTERPRETER
            start = match.end()
            changed = True
    while start < end and text[end - 1].isspace():
        end -= 1
    while start < end and text[end - 1] == ")":
        opening = text.rfind("(", start, end)
        if opening < 0 or DIRECTION.fullmatch(text, opening, end) is None:
            break
        end = opening
        while start < end and text[end - 1].isspace():
            end -= 1
    return start, end, via


@lru_cache(maxsize=1)
def _title_openings() -> tuple[str, ...]:
    return tuple(sorted({str(t["phrase"]).lower() + " " for t in load_yaml("titles.yaml")}))


def _period_labels(text: str) -> list[re.Match[str]]:
    """Full-stop labels that open with a title and recur ("President Trump."
    twice); a reporter's "Q." among them."""
    found = [
        m
        for m in PERIOD_LABEL.finditer(text)
        if m.group("label") == "Q" or (m.group("label").lower() + " ").startswith(_title_openings())
    ]
    counts = Counter(m.group("label") for m in found)
    recurring = [m for m in found if m.group("label") == "Q" or counts[m.group("label")] >= 2]
    named = {m.group("label") for m in recurring} - {"Q"}
    return recurring if named else []


def find_turns(text: str, min_labels: int = 2) -> list[Turn]:
    """Turns of a transcript; a document with fewer than ``min_labels`` label
    lines is prose (a lone "NOTE:" line is not a transcript)."""
    labels = list(LABEL.finditer(text))
    titled = list(TITLE_LABEL.finditer(text)) + _period_labels(text)
    if titled and len(labels) + len(titled) >= MIN_TITLE_LABELS:  # "AFP:" … "Zhao Lijian:"
        labels = sorted(labels + titled, key=lambda m: m.start())
    lone_honorific = len(labels) == 1 and HONORIFIC_LABEL.match(labels[0].group("label") or "")
    if len(labels) < min_labels and not lone_honorific:
        return []
    breaks = [m.start() for m in SECTION_BREAK.finditer(text)]
    turns: list[Turn] = []
    for i, match in enumerate(labels):
        limit = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        k = bisect_left(breaks, match.end())
        section_end = breaks[k] if k < len(breaks) else len(text)
        end = min(limit, section_end)
        start, end, via = _strip_directions(text, match.end(), end)
        direction = (match.groupdict().get("direction") or "").strip().lower().rstrip(".")
        via = via or direction in INTERPRETER
        label = match.group("label") or match.groupdict().get("cjk") or ""
        turns.append(
            Turn(
                label=label.strip(),
                label_start=match.start(),
                label_end=match.start() + len(label),
                start=start,
                end=max(start, end),
                via_interpreter=via,
                stage_only=start >= end,
            )
        )
    return turns
