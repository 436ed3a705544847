"""Who a meeting sentence says took part: the people of its main clause and of
the cue's clause, and whoever its "with" names; not a government named by its
leader ("the Biden administration"), nor who reports or is told of it."""

from __future__ import annotations

import itertools

from spacy.tokens import Span

from etl.extract.nlp import SPEECH, lexicon
from etl.extract.records import PersonMention
from etl.extract.sentences import SentenceView
from etl.extract.spans import Intervals

FIRST_PERSON = frozenset(lexicon("meetings", "first_person"))
FIRST_PERSON_REACH = 48  # characters before the cue where "I" or "we" makes the speaker take part
INSTITUTION_WORDS = lexicon("meetings", "institution_words")
ADDRESSEE_VERBS = frozenset(lexicon("meetings", "addressee_verbs"))
ADDRESSEE_REACH = 30  # characters: the verb, and a title before the name
SAYER_GAP = 12  # characters between a name and its speech verb ("Wang Yi also said")


def names_an_institution(text: str, end: int) -> bool:
    """ "the Biden administration", "바이든 정부": the name qualifies a government."""
    following = text[end : end + 24].lstrip(" '’s").split(maxsplit=1)
    return bool(following) and following[0].lower().startswith(INSTITUTION_WORDS)


def first_person_before(text: str, view: SentenceView, cue: Span) -> bool:
    """ "I just concluded a meeting with …", "we held talks": the speaker took part."""
    before = text[max(view.start, cue.start_char - FIRST_PERSON_REACH) : cue.start_char].lower()
    return bool(FIRST_PERSON & set(before.replace(",", " ").split()))


def main_clauses(view: SentenceView, cue: Span) -> Intervals:
    """The main clause and the cue's clause; a subordinate clause ("since
    President Biden took office", "before traveling to Shanghai") tells of
    other people and places."""
    boundaries = [c.start_char for c in view.cues if c.label_ == "CLAUSE"]
    segments = list(itertools.pairwise([view.start, *boundaries, view.end + 1]))
    return Intervals(
        [
            segment
            for i, segment in enumerate(segments)
            if i == 0 or segment[0] <= cue.start_char < segment[1]
        ]
    )


def participants(view: SentenceView, cue: Span, text: str) -> tuple[PersonMention, ...]:
    """People in the main clause and the cue's clause, and whoever the cue's
    "with" names even past a phrase that looks like a clause ("held a long
    call since arriving in Lima with the Chinese premier")."""
    clauses = main_clauses(view, cue)
    return tuple(
        m
        for m in view.mentions
        if m.kind != "pronoun"
        and not names_an_institution(text, m.end)
        and (clauses.overlaps(m.start, m.start + 1) or met_with(view, cue, text, m))
        and not reports_it(view, cue, text, m)
        and not (cue.label_ == "VISIT" and told_of_it(view, text, m))
    )


def told_of_it(view: SentenceView, text: str, mention: PersonMention) -> bool:
    """ "She told Minister Li she would delay her trip": who is
    told of a trip is not on it."""
    lead = text[max(view.start, mention.start - ADDRESSEE_REACH) : mention.start].lower()
    words = lead.split()
    return any(word in ADDRESSEE_VERBS for word in words[-3:])


def reports_it(view: SentenceView, cue: Span, text: str, mention: PersonMention) -> bool:
    """ "Li said that the two presidents met in Lima": who says that
    others met is not in the meeting ("Blinken said that he met …" is)."""
    for speech in (c for c in view.cues if c.label_ == SPEECH):
        if not mention.end <= speech.start_char <= mention.end + SAYER_GAP:
            continue
        if any(
            c.label_ == "SAID_THAT"
            and speech.end_char <= c.start_char < cue.start_char
            and not text[speech.end_char : c.start_char].strip()
            for c in view.cues
        ):
            return True
    return False


def met_with(view: SentenceView, cue: Span, text: str, mention: PersonMention) -> bool:
    """The first "with <person>" after the meeting cue, no other meeting cue between."""
    if mention.start <= cue.end_char or not view.right_before("WITH", mention.start, text):
        return False
    between = [c for c in view.cues if cue.end_char <= c.start_char < mention.start]
    if any(c.label_ in ("MEET", "CALL", "VIDEO", "SPOKE", "MEET_WEAK") for c in between):
        return False
    earlier = [m for m in view.mentions if cue.end_char <= m.start < mention.start]
    return not earlier
