"""Whose result a sentence tells: both sides ("the two sides agreed"), one
government binding itself ("China agreed to"), a transcript's "we", a
briefer's account, or a named leader announcing a decision; a stress
("discussed the importance of …") is nobody's result."""

from __future__ import annotations

from spacy.tokens import Span

from etl.extract.dates import find_dates
from etl.extract.sentences import OUTCOME_LABELS, SentenceView
from etl.extract.text import is_cjk, is_hangul

JOINT_AFTER_THAT = 2  # characters between "agreed that" and "both sides"


def said_by_a_party(view: SentenceView, text: str, parties: frozenset[str] = frozenset()) -> bool:
    """In a transcript, "we agreed to resume …" is a participant reporting a
    result; "The two leaders discussed …" is one too when a briefer, who was not
    in the meeting (not one of ``parties``), gives the account: a participant
    telling what others agreed is telling of another meeting. A question
    asserts nothing."""
    if not view.in_turn or text[view.start : view.end].rstrip().endswith(("?", "？")):
        return False
    if any(
        c.label_ in OUTCOME_LABELS and view.right_before("WE", c.start_char, text)
        for c in view.cues
    ):
        return True
    speaker = view.speaker
    briefer = speaker is None or speaker.key not in parties
    return briefer and any(
        c.label_ == "JOINT" and not text[view.start : c.start_char].strip() for c in view.cues
    )


def named_subject(view: SentenceView, cue: Span) -> bool:
    """A person named before the cue, with no other cue between them."""
    named = [m for m in view.mentions if m.end <= cue.start_char and m.kind not in ("pronoun",)]
    return bool(named) and not any(
        c.label_ in OUTCOME_LABELS and named[-1].end <= c.start_char < cue.start_char
        for c in view.cues
    )


def emphasis(view: SentenceView, cue: Span, text: str) -> bool:
    return any(
        c.label_ == "EMPHASIS" and not text[cue.end_char : c.start_char].strip() for c in view.cues
    )


def has_joint_subject(view: SentenceView, cue: Span, text: str) -> bool:
    """Both sides agreed, or one government bound itself ("China agreed to
    pause …"), or a speaker says "we agreed"; one person agreeing *that*
    something is so is an opinion."""
    we = view.in_turn and view.right_before("WE", cue.start_char, text)
    if we and cue.label_ != "CONTINUED":
        return True
    if any(c.label_ == "JOINT" and c.start_char < cue.start_char for c in view.cues):
        return True
    if any(
        c.label_ == "MEETING_SUBJECT"
        and c.start_char < cue.start_char
        and not text[view.start : c.start_char].strip()
        for c in view.cues
    ):
        return True  # "The meeting … covered fishing rights"
    if cue.text.lower().endswith("that") and any(
        c.label_ == "JOINT" and 0 <= c.start_char - cue.end_char <= JOINT_AFTER_THAT
        for c in view.cues
    ):
        return True  # "He … agreed that both sides should expand cooperation"
    if cue.text.lower() in ("agreed to", "signed") and one_government(view, cue, text):
        return True
    if (is_hangul(cue.text) or is_cjk(cue.text)) and any(
        c.label_ == "ONE_SIDE" and c.start_char < cue.start_char for c in view.cues
    ):
        return True
    named = [m for m in view.mentions if m.kind != "pronoun" and m.start < cue.start_char]
    return len(named) >= 2 and " and " in text[named[0].end : named[-1].start]


def one_government(view: SentenceView, cue: Span, text: str) -> bool:
    """ "China agreed to …", "the U.S. side also signed …", "Beijing on March 3
    signed …": one government binds itself."""
    for side in (c for c in view.cues if c.label_ == "ONE_SIDE" and c.end_char <= cue.start_char):
        gap = text[side.end_char : cue.start_char].strip()
        if gap.lower() in ("", "also"):
            return True
        said = find_dates(gap[3:]) if gap.lower().startswith("on ") else []
        if said and said[0].start == 0 and said[0].end == len(gap) - 3:
            return True
    return False
