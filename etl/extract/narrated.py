"""Quotations that report a meeting's results as narration does.

Reporters quote the readouts they summarise: a partial quote continues the
reporter's sentence (``Ito and Wang "agreed to resume fisheries talks," the
ministry said``), and an institution's quote is its account of the meeting
(``"The two sides agreed to …," the statement said``). Their outcome cues are
read like the reporter's own; a person's quoted words stay that person's."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc

from etl.extract.nlp import CUES_KEY, doc_text, lexicon
from etl.extract.quotes import QuoteSpan
from etl.extract.records import StatementRecord
from etl.extract.sentences import OUTCOME_LABELS
from etl.extract.spans import SpanIndex

LEAD_WORDS = frozenset(lexicon("narrated", "lead_words"))


def narrated_quotes(
    doc: Doc, quotes: Sequence[QuoteSpan], statements: Iterable[StatementRecord]
) -> set[tuple[int, int]]:
    """The (outer start, outer end) of the quotes whose outcome cues count."""
    unattributed = [
        (s.start, s.end) for s in statements if s.kind == "direct_quote" and s.speaker is None
    ]
    text = doc_text(doc)
    cues = SpanIndex(list(doc.spans[CUES_KEY]), start=lambda c: c.start_char)
    found = set()
    for quote in quotes:
        inside = [c for c in cues.starting_in(quote.start, quote.end) if c.end_char <= quote.end]
        outcome = next((c for c in inside if c.label_ in OUTCOME_LABELS), None)
        if outcome is None:
            continue
        lead = text[quote.start : outcome.start_char].split()
        partial = _continues_a_sentence(text, quote) and all(w.lower() in LEAD_WORDS for w in lead)
        account = any(quote.start <= s and e <= quote.end for s, e in unattributed) and any(
            c.label_ == "JOINT" and c.start_char < outcome.start_char for c in inside
        )
        if partial or account:
            found.add((quote.outer_start, quote.outer_end))
    return found


def _continues_a_sentence(text: str, quote: QuoteSpan) -> bool:
    """Words of the reporter's sentence come before the opening mark."""
    before = text[max(0, quote.outer_start - 200) : quote.outer_start]
    clause = before.rsplit("\n", 1)[-1]
    for stop in (". ", "? ", "! ", "。"):
        clause = clause.rsplit(stop, 1)[-1]
    return any(ch.isalpha() for ch in clause)
