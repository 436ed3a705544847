"""Results listed after a consensus: "The two sides reached a five-point
consensus. First, the two sides will … Second, …", "双方达成五点共识：一是…；二是…"."""

from __future__ import annotations

import re

from etl.extract.nlp import lexicon
from etl.extract.outcome_categories import category
from etl.extract.records import OutcomeRecord
from etl.extract.sentences import OUTCOME_LABELS, SentenceView
from etl.extract.text import word_count
from etl.extract.topics import primary_topic

_ENGLISH = "|".join(lexicon("consensus", "ordinals"))
_NUMERAL = f"[{''.join(lexicon('consensus', 'chinese_numerals'))}]"
_KOREAN = "|".join(lexicon("consensus", "korean_ordinals"))
CJK_ORDINAL = re.compile(rf"{_NUMERAL}是|第{_NUMERAL}[，,、]|(?:{_KOREAN})[,，]?")
ORDINAL = re.compile(
    rf"\s*(?:(?:{_ENGLISH})(?:ly)?|{_NUMERAL}是|第{_NUMERAL}|{_KOREAN}|\d{{1,2}}[.)])"
    r"\s*[,，、:：]?\s*",
    re.IGNORECASE,
)


def listed_outcomes(
    views: list[SentenceView], text: str, meeting_at: dict[int, int]
) -> tuple[list[OutcomeRecord], set[int]]:
    """ "The two sides reached a five-point consensus. First, the two sides will …
    Second, …": each numbered sentence after a consensus is an agreed result. Also
    returns where those sentences start, so no other rule reads them again."""
    records: list[OutcomeRecord] = []
    listed: set[int] = set()
    meeting: int | None = None
    open_list: str | None = None  # "agreed" after a consensus, "discussed" after "on three issues:"
    for view in views:
        if view.headline or not text[view.start : view.end].strip():
            continue
        marker = ORDINAL.match(text, view.start, view.end)
        if open_list and marker:
            if open_list == "discussed" and view.labels() & set(OUTCOME_LABELS):
                continue  # "Second, the two sides agreed to …": read by the outcome rules
            start = marker.end()
            end = start + len(text[start : view.end].rstrip().rstrip(".;。；"))
            listed.add(view.start)
            if word_count(text[start:end]) >= 3:
                records.append(_listed(start, end, text, meeting, open_list))
            continue
        open_list = _opens_a_list(view, text)
        meeting = meeting_at.get(view.start)
        if open_list == "agreed":
            inline = _inline_items(view, text)
            records.extend(_listed(start, end, text, meeting) for start, end in inline)
            listed.update([view.start] if inline else [])
    return records, listed


def _opens_a_list(view: SentenceView, text: str) -> str | None:
    """A consensus opens a list of results; both sides' exchanges "on three
    issues:" a list of what they discussed."""
    if "CONSENSUS" in view.labels():
        return "agreed"
    ends_in_colon = text[view.start : view.end].rstrip().endswith((":", "："))
    return "discussed" if ends_in_colon and "JOINT" in view.labels() else None


def _inline_items(view: SentenceView, text: str) -> list[tuple[int, int]]:
    """ "双方达成五点共识：一是…；二是…；三是…。": the items of one sentence."""
    cue = view.first("CONSENSUS")
    markers = list(CJK_ORDINAL.finditer(text, cue.end_char if cue else view.start, view.end))
    items = []
    for i, marker in enumerate(markers):
        end = markers[i + 1].start() if i + 1 < len(markers) else view.end
        body = text[marker.end() : end].rstrip().rstrip("；;。，,")
        if word_count(body) >= 3:
            items.append((marker.end(), marker.end() + len(body)))
    return items


def _listed(
    start: int, end: int, text: str, meeting: int | None, status: str = "agreed"
) -> OutcomeRecord:
    body = " ".join(text[start:end].split())
    return OutcomeRecord(
        start=start,
        end=end,
        description=body,
        category=category(body, "AGREED" if status == "agreed" else "DISCUSSED"),
        status=status,
        meeting_index=meeting,
        topic=primary_topic(body),
    )
