"""The category of an agreed or discussed outcome, from what it says: a
working group, talks, a dialogue mechanism, an invitation, a commitment. The
words are data (``patterns/lexicon.yaml``)."""

from __future__ import annotations

from etl.extract.nlp import lexicon

TALK_VERBS = lexicon("outcomes", "talk_verbs")
TALK_NOUNS = lexicon("outcomes", "talk_nouns")
MECHANISM_WORDS = lexicon("outcomes", "mechanism_words")
WORKING_GROUP_WORDS = lexicon("outcomes", "working_group_words")
INVITATION_WORDS = lexicon("outcomes", "invitation_words")
CJK_TALK_WORDS = lexicon("outcomes", "cjk_talk_words")
_NO_QUOTES = str.maketrans("", "", '"“”‘’')


def category(description: str, cue_label: str) -> str:
    lowered = description.lower().translate(_NO_QUOTES)
    if any(word in lowered for word in WORKING_GROUP_WORDS):
        return "working_group"
    if cue_label in ("INVITED", "VISIT_PLAN") or any(word in lowered for word in INVITATION_WORDS):
        return "invitation"
    if any(word in lowered for word in CJK_TALK_WORDS):
        return "talks"
    words = lowered.replace(",", " ").split()
    marker = next((i for i, w in enumerate(words) if w in ("to", "will")), -1)
    verb = words[marker + 1] if 0 <= marker < len(words) - 1 else ""
    if verb in TALK_VERBS and any(noun in lowered for noun in TALK_NOUNS):
        return "talks"
    if any(word in lowered for word in MECHANISM_WORDS) or (
        "continue" in lowered
        and "high-level" in lowered
        and ("communication" in lowered or "dialogue" in lowered)
    ):
        return "dialogue_mechanism"
    if cue_label == "DISCUSSED":
        return "other"
    return "commitment"


def a_standing_body(body: str) -> bool:
    lowered = body.lower()
    return any(word in lowered for word in (*WORKING_GROUP_WORDS, *MECHANISM_WORDS))
