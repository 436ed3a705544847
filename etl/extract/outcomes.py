"""Agreed and discussed outcomes: "the two sides agreed to …", "… invited X to
visit", "both sides discussed …". An enumeration after one cue ("agreed to A,
to B, to C") yields one outcome per item; clauses of one sentence about the
same topic stay one outcome."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from etl.extract.nlp import lexicon
from etl.extract.outcome_categories import a_standing_body, category
from etl.extract.outcome_filters import (
    COMMAS,
    a_participle,
    before_closing_quote,
    cut_off,
    hedged,
    last_comma,
    says_nothing,
)
from etl.extract.outcome_subjects import (
    emphasis,
    has_joint_subject,
    named_subject,
)
from etl.extract.records import OutcomeRecord
from etl.extract.sentences import OUTCOME_LABELS, SentenceView
from etl.extract.text import is_cjk, is_hangul, word_count
from etl.extract.topics import primary_topic

CONTENT_CUES = ("CONTINUED", "DECIDED")  # after another cue, what was agreed, not a result
NEEDS_JOINT_SUBJECT = ("AGREED", "COMMITTED", "HOPE", "DISCUSSED", "REITERATED", "CONTINUED")
ENUMERATORS = lexicon("outcomes", "enumerators")
CJK_CONNECTIVES = lexicon("outcomes", "cjk_connectives")
TRAILING_CONJUNCTIONS = lexicon("outcomes", "trailing_conjunctions")
ATTRIBUTION_VERBS = frozenset(lexicon("outcomes", "attribution_verbs"))
KOREAN_CONNECTIVES = lexicon("outcomes", "korean_connectives")
KOREAN_OCCASIONS = lexicon("outcomes", "korean_occasions")
CATEGORY_PRIORITY = (
    "working_group",
    "talks",
    "dialogue_mechanism",
    "invitation",
    "commitment",
    "other",
)


@dataclass(frozen=True)
class Part:
    start: int
    end: int
    cue: Span


def _outcome_cues(view: SentenceView) -> list[Span]:
    """The sentence's outcome cues, without those that only tell the content of an
    earlier one ("agreed that their teams will maintain contact") and without a
    cue inside a longer one ("达成" of "达成协议")."""
    cues = [c for c in view.cues if c.label_ in OUTCOME_LABELS]
    kept = []
    for i, cue in enumerate(cues):
        later = cues[i + 1] if i + 1 < len(cues) else None
        if later is not None and later.start_char < cue.end_char <= later.end_char:
            continue
        if cue.label_ in CONTENT_CUES and any(
            c.label_ not in CONTENT_CUES and c.end_char <= cue.start_char for c in cues
        ):
            continue
        kept.append(cue)
    return kept


def _parts(view: SentenceView, text: str) -> list[Part]:
    cues = _outcome_cues(view)
    parts: list[Part] = []
    for i, cue in enumerate(cues):
        if cue.label_ == "DISCUSSED" and view.right_before("PASSIVE", cue.start_char, text):
            that = text.rfind(" that ", view.start, cue.start_char)
            start = that + 6 if that >= 0 else view.start
            end = cues[i + 1].start_char if i + 1 < len(cues) else view.end
            parts.append(Part(start, end, cue))
            continue
        if cue.label_ in NEEDS_JOINT_SUBJECT and not has_joint_subject(view, cue, text):
            continue
        if cue.label_ == "DECIDED" and not named_subject(view, cue):
            continue  # "The ministry announced that …": no person deciding
        if a_participle(view, cue, text):
            continue  # "held up the signed accord": an adjective, not a signing
        if view.right_before("HAD", cue.start_char, text):
            continue  # "had agreed to": a result of an earlier meeting
        if hedged(view, cue, text):
            continue  # "双方或将讨论…", "if both sides agree to …": not a result
        if cue.label_ == "INVITED" and _at_the_invitation(view, cue, text):
            continue
        if cue.label_ == "DISCUSSED" and emphasis(view, cue, text):
            continue  # "discussed the importance of …": a stress, not a result
        end = cues[i + 1].start_char if i + 1 < len(cues) else view.end
        if i + 1 < len(cues):
            comma = last_comma(text, cue.end_char, end)
            end = comma if comma > 0 else end
        new_clause = _new_clause(view, text, cue.end_char, end)
        end = new_clause[0] if new_clause else end
        end = _occasion_start(view, text, cue.end_char, end)  # ", following a meeting on …"
        start = cue.start_char
        if is_hangul(cue.text):
            previous_end = cues[i - 1].end_char if i > 0 else view.start
            parts.append(
                Part(_korean_clause_start(view, cue, previous_end, text), cue.end_char, cue)
            )
            continue
        if is_cjk(cue.text):
            start = _chinese_object_start(view, cue, text)
        if cue.label_ == "INVITED" and is_cjk(cue.text):  # 邀请X访美，X表示感谢: one clause
            stops = [text.find(p, cue.end_char, end) for p in "，。；"]
            end = min([stop for stop in stops if stop >= 0], default=end)
        if cue.label_ == "INVITED":
            that = text.rfind(" that ", view.start, cue.start_char)
            comma = last_comma(text, view.start, cue.start_char)
            subject = _new_clause(view, text, view.start, cue.start_char, last=True)
            start = max(
                that + 6 if that >= 0 else view.start,
                comma + 1 if comma >= 0 else view.start,
                subject[1] if subject else view.start,
            )
            if text[start : cue.start_char].strip() in CJK_CONNECTIVES:  # 并邀请: 邀请
                start = cue.start_char
        pieces = []
        for index, opens in _splits(view, cue, text, end):
            pieces.append((start, index))
            start = opens
        pieces.append((start, end))
        parts.extend(Part(s, e, cue) for s, e in pieces)
    return parts


def _chinese_object_start(view: SentenceView, cue: Span, text: str) -> int:
    """Chinese may name what was agreed before the verb ("双方在渔业问题上达成协议",
    "双方就…达成共识"): the result starts right after its joint subject when no
    comma parts them."""
    subjects = [
        c.end_char
        for c in view.cues
        if c.label_ == "JOINT"
        and c.end_char <= cue.start_char
        and not any(mark in text[c.end_char : cue.start_char] for mark in "，,;；。")
    ]
    return subjects[-1] if subjects else cue.start_char


def _splits(view: SentenceView, cue: Span, text: str, end: int) -> list[tuple[int, int]]:
    """Where the results agreed after a "… to" cue divide: (end of one, start of
    the next). "…, to B", "… and will C" open with their marker; a second
    action ("… and hold off on D") opens with its verb when it is long enough
    to be a result of its own (three words). A series of actions ("enhance A,
    manage B and expand C") is one result, as readouts' formulas are read."""
    if not cue.text.lower().endswith("to"):
        return []
    found = []
    position = cue.end_char
    while True:
        hits = [
            (i, e) for i, e in ((text.find(e, position, end), e) for e in ENUMERATORS) if i >= 0
        ]
        if not hits:
            break
        index, enumerator = min(hits)
        kept = enumerator.split()[-1] + " "  # the next item opens with "to …" or "will …"
        found.append((index, index + len(enumerator) - len(kept)))
        position = index + len(enumerator)
    actions = [
        c for c in view.cues if c.label_ == "NEXT_ACTION" and cue.end_char < c.start_char < end
    ]
    if any(a[0].text in COMMAS for a in actions):
        return sorted(found)  # a series ("A, B and C") is one result: keep it whole
    for action in actions:
        opens = next(t.idx for t in action if t.text not in (",", "，", "and"))
        following = [s for s in [*(i for i, _ in found), end] if s > opens]
        if word_count(text[opens : min(following)]) >= 3:
            found.append((action.start_char, opens))
    return sorted(set(found))


def _at_the_invitation(view: SentenceView, cue: Span, text: str) -> bool:
    """ "应王毅邀请，布林肯访华", "왕이 부장의 초청으로": how a visit came about, not a result."""
    if is_cjk(cue.text):
        clause_start = max(
            view.start, *(text.rfind(p, view.start, cue.start_char) + 1 for p in "，。：:")
        )
        return text[clause_start : cue.start_char].lstrip().startswith("应")
    if is_hangul(cue.text):
        return text[cue.end_char : cue.end_char + 5].lstrip().startswith(KOREAN_OCCASIONS)
    return False


def _new_clause(
    view: SentenceView, text: str, start: int, end: int, *, last: bool = False
) -> tuple[int, int] | None:
    """Where a clause with its own subject begins, and where its subject begins.
    Without a comma the subject must be a person the sentence names: "talks on
    trade and Tariffs rose" is not a new clause, "… and Secretary Yellen accepted"
    is."""
    found = None
    for clause in (c for c in view.cues if c.label_ == "SUBJECT_CLAUSE"):
        lead = text[start : clause.start_char].rstrip()
        if clause.start_char < start or len(lead) == len(text[start : clause.start_char]):
            continue  # "and" opens a clause after a space or a comma
        if clause.start_char >= end:
            break
        subject = clause[1:-1]
        comma = lead.endswith(",")
        named = any(subject.start_char <= m.start < subject.end_char for m in view.mentions)
        if comma or named:
            found = (start + len(lead) - (1 if comma else 0), subject.start_char)
            if not last:
                break
    return found


def _korean_clause_start(view: SentenceView, cue: Span, previous_end: int, text: str) -> int:
    """Korean puts the object before the verb: the outcome is the clause that
    ends in the cue, from its joint subject ("양측이 …") or the previous cue on."""
    joint = [
        c.start_char
        for c in view.cues
        if c.label_ == "JOINT" and previous_end <= c.start_char < cue.start_char
    ]
    start = joint[-1] if joint else previous_end
    words = text[start : cue.start_char].split()
    skipped = 0
    while words and len(words[0]) <= 4 and words[0].endswith(KOREAN_CONNECTIVES):
        skipped += text.find(words[0], start + skipped) - (start + skipped) + len(words[0])
        words.pop(0)
    return start + skipped


def _without_attribution(body: str) -> str:
    """Drop a trailing source clause: "…, U.S. officials said"."""
    head, comma, tail = body.rpartition(",")
    words = tail.lower().split()
    source = 0 < len(words) <= 6 and any(w in ATTRIBUTION_VERBS for w in words)
    named_source = 0 < len(words) <= 10 and (
        words[-1] in ATTRIBUTION_VERBS or words[0] == "according"
    )
    if comma and (source or named_source):
        return head
    return body


def _without_trailing_conjunction(body: str) -> str:
    """ "agreed to expand trade and" -> "agreed to expand trade"."""
    trimmed = body.rstrip(" \n,")
    for conjunction in TRAILING_CONJUNCTIONS:
        if trimmed.endswith(" " + conjunction) or trimmed == conjunction:
            return trimmed[: -len(conjunction)].rstrip(" \n,")
    return body


def _occasion_start(view: SentenceView, text: str, start: int, end: int) -> int:
    """Where ", following a meeting on …" begins: the outcome ends there."""
    for lead in (c for c in view.cues if c.label_ == "OCCASION_LEAD"):
        if start <= lead.start_char < end and text[start : lead.start_char].endswith(", "):
            return lead.start_char - 2
    return end


def _describe(part: Part, text: str) -> str:
    body = before_closing_quote(text[part.start : part.end]).strip(" \n,，、").rstrip(".;,，。；、")
    body = _without_trailing_conjunction(_without_attribution(body)).rstrip(".;,，。；、")
    starts_at_cue = part.start >= part.cue.end_char - 3
    spelled_out = is_hangul(body) or is_cjk(part.cue.text)  # the clause already holds the cue
    if starts_at_cue and not spelled_out and not body.lower().startswith(part.cue.text.lower()):
        opens_with_marker = body.lower().startswith(("to ", "will "))
        lead = part.cue.text.rsplit(" ", 1)[0] if opens_with_marker else part.cue.text
        body = f"{lead} {body}"  # "to B" -> "agreed to B"; "hold D" -> "agreed to hold D"
    return " ".join(body.split())


def outcome_mentions(
    view: SentenceView, text: str, meeting_index: int | None
) -> list[OutcomeRecord]:
    records: list[OutcomeRecord] = []
    cues: list[int] = []  # the cue each record follows
    if view.headline:
        return records
    for whole in _parts(view, text):
        quoted = before_closing_quote(text[whole.start : whole.end])
        part = Part(whole.start, whole.start + len(quoted), whole.cue)
        if part.cue.label_ == "LAUNCHED" and not a_standing_body(text[part.start : part.end]):
            continue  # "launched a satellite": no result of the meeting
        description = _describe(part, text)
        if (
            word_count(description) < 3
            or says_nothing(part.start, part.end, part.cue.end_char, text)
            or cut_off(part.end, text)
        ):
            continue
        status = "discussed" if part.cue.label_ == "DISCUSSED" else "agreed"
        record = OutcomeRecord(
            start=part.start,
            end=part.end,
            description=description,
            category=category(description, part.cue.label_),
            status=status,
            meeting_index=meeting_index,
            topic=primary_topic(description),
        )
        same_topic = next(
            (
                i
                for i, r in enumerate(records)
                if r.topic and r.topic == record.topic and cues[i] != part.cue.start_char
            ),
            None,
        )  # one cue's coordinated results stay apart, two cues about one topic are one result
        if same_topic is None:
            records.append(record)
            cues.append(part.cue.start_char)
            continue
        other = records[same_topic]
        best = min((other, record), key=lambda r: CATEGORY_PRIORITY.index(r.category))
        start, end = min(other.start, record.start), max(other.end, record.end)
        records[same_topic] = OutcomeRecord(
            start=start,
            end=end,
            description=" ".join(text[start:end].split()).rstrip("."),
            category=best.category,
            status=best.status,
            meeting_index=meeting_index,
            topic=best.topic,
        )
    return records
