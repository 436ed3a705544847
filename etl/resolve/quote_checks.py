"""Quote groups: the same words reported by several documents, each report
checked against the group's best source.

Statements of one meeting and one speaker side are compared (never all pairs of
a corpus); identical normalised texts (letter case, quote marks, punctuation and
spacing ignored) are compared once. They are taken best source first (words said
before words reported; a transcript turn, an official readout, news; the
longest, the earliest published); each joins the group whose source it nearly
appears in (rapidfuzz's ``partial_ratio``) or starts its own, so members attach
to their source directly and near-copies cost one comparison each. A group from
two or more documents is kept. Each member is, against the group's source:

- ``misattributed``: the same words given to another speaker;
- ``exact``: the best source's words, whole sentences of it;
- ``truncated``: the best source's words, but part of a sentence;
- ``altered``: nearly the same words (the differing ones are listed);
- ``paraphrased``: reported speech, or words too far from the source to be a quote.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from rapidfuzz import fuzz, process

LINK_SCORE = 85  # partial_ratio to link two statements
VERBATIM_SCORE = 90  # partial_ratio above which different words are an alteration
LONG_CHARS = 600  # normalised characters: a longer text is a speech, not a quote
MIN_WEIGHT = 20  # shorter statements are not linked: a Latin letter weighs 1, a CJK
# or Hangul character (nearer a word) 3
DIFFERENCE_WIDTH = 200

TRANSCRIPT, OFFICIAL, NEWS = 0, 1, 2  # source ranks, best first
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s*")
_SOURCES = yaml.safe_load(
    (Path(__file__).with_name("data") / "sources.yaml").read_text(encoding="utf-8")
)
_QUOTE_MARKS = str.maketrans({c: None for c in "\"'“”‘’「」『』«»‹›„‟′″`´"})


@dataclass(frozen=True)
class QuoteSource:
    """A statement as the check needs it."""

    statement_id: int
    meeting_id: int
    document_id: int
    speaker_id: int | None
    side: str | None  # the speaker's country (or the attributed side)
    kind: str  # transcript_turn, direct_quote or reported
    text: str
    rank: int  # TRANSCRIPT, OFFICIAL or NEWS
    published: dt.date | None = None


@dataclass(frozen=True)
class QuoteCheck:
    statement_id: int
    group_id: int  # the best source's statement id
    best_statement_id: int
    verdict: str
    difference: str | None
    similarity: float  # 0-100, partial_ratio against the best source


def official_side(url: str | None, outlet: str | None) -> str | None:
    """The government whose own words a document is (US, CN), or None."""
    host = (urlsplit(url).hostname or "") if url else ""
    for suffix, side in _SOURCES["hosts"].items():
        if host and host.endswith(suffix):
            return str(side)
    name = (outlet or "").casefold()
    for office, side in _SOURCES["outlets"].items():
        if name and office.casefold() in name:
            return str(side)
    return None


def official_sources() -> list[tuple[str, str, str]]:
    """The rules above as rows (kind, pattern, side), for the database."""
    return [("host", k, v) for k, v in _SOURCES["hosts"].items()] + [
        ("outlet", k, v) for k, v in _SOURCES["outlets"].items()
    ]


def source_rank(kind: str, url: str | None, outlet: str | None) -> int:
    """A transcript turn, an official document's statement, or news."""
    if kind == "transcript_turn":
        return TRANSCRIPT
    return OFFICIAL if official_side(url, outlet) else NEWS


def normalize_quote(text: str) -> str:
    """Letters and digits, lower case, one space between words."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS).lower()
    kept = [c if not unicodedata.category(c).startswith(("P", "S")) else " " for c in text]
    return " ".join("".join(kept).split())


def _sentences(text: str) -> list[str]:
    return [n for n in (normalize_quote(s) for s in _SENTENCE_END.split(text)) if n]


def _whole_sentences(member: str, best_text: str) -> bool:
    """Whether ``member`` is one or more consecutive whole sentences of the text."""
    sentences = _sentences(best_text)
    for start in range(len(sentences)):
        joined = ""
        for end in range(start, len(sentences)):
            joined = f"{joined} {sentences[end]}".strip()
            if joined == member:
                return True
            if len(joined) >= len(member):
                break
    return False


def difference(member: str, best: str) -> str:
    """The words that differ, ``-word`` in the source only, ``+word`` in the
    report only; source words before and after the quoted part do not count."""
    ours, theirs = member.split(), best.split()
    codes = difflib.SequenceMatcher(a=theirs, b=ours, autojunk=False).get_opcodes()
    while codes and codes[0][0] == "delete":
        codes = codes[1:]
    while codes and codes[-1][0] == "delete":
        codes = codes[:-1]
    changes = []
    for tag, i1, i2, j1, j2 in codes:
        if tag in ("delete", "replace"):
            changes += [f"-{w}" for w in theirs[i1:i2]]
        if tag in ("insert", "replace"):
            changes += [f"+{w}" for w in ours[j1:j2]]
    shown = " ".join(changes)
    return shown if len(shown) <= DIFFERENCE_WIDTH else shown[: DIFFERENCE_WIDTH - 1] + "…"


def _around(member: str, text: str, start: int, end: int) -> str:
    """The aligned span of the source widened to whole words, and to the
    report's first and last words when the alignment just missed them."""
    before = text[:start].rsplit(" ", 1)
    start = 0 if len(before) == 1 else len(before[0]) + 1
    after = text.find(" ", end)
    end = len(text) if after < 0 else after
    words, source = member.split(), text.split(" ")
    first = len(text[:start].split())
    last = first + len(text[start:end].split())
    if words and first > 0 and source[first - 1] == words[0] != source[first]:
        first -= 1
    if words and last < len(source) and source[last] == words[-1] != source[last - 1]:
        last += 1
    return " ".join(source[first:last])


def _source_order(source: QuoteSource, normal: dict[int, str]) -> tuple[object, ...]:
    """Best source first: words said over words reported, a transcript turn over
    an official document over news, the longest, the earliest published."""
    return (
        source.kind == "reported",
        source.rank,
        -len(normal[source.statement_id]),
        source.published or dt.date.max,
        source.statement_id,
    )


def _verdict(member: QuoteSource, best: QuoteSource, normal: dict[int, str]) -> QuoteCheck:
    ours, theirs = normal[member.statement_id], normal[best.statement_id]
    group = best.statement_id
    contained = f" {ours} " in f" {theirs} "  # whole words; most reports are: no alignment
    aligned = None if contained else fuzz.partial_ratio_alignment(ours, theirs)
    score = 100.0 if contained else (aligned.score if aligned else 0.0)
    # the source's words of the aligned part (an alignment may cut a word or
    # miss one at either end)
    window = _around(ours, theirs, aligned.dest_start, aligned.dest_end) if aligned else theirs

    def check(verdict: str, diff: str | None = None) -> QuoteCheck:
        return QuoteCheck(member.statement_id, group, group, verdict, diff or None, round(score, 1))

    if member.statement_id == best.statement_id:
        return check("exact")
    if (
        member.speaker_id is not None
        and best.speaker_id is not None
        and member.speaker_id != best.speaker_id
        and score >= VERBATIM_SCORE
    ):
        return check("misattributed", None if contained else difference(ours, window))
    if member.kind == "reported" and best.kind != "reported":
        return check("paraphrased", None if contained else difference(ours, window))
    if contained:
        return check("exact" if _whole_sentences(ours, best.text) else "truncated")
    if score >= VERBATIM_SCORE:
        return check("altered", difference(ours, window))
    return check("paraphrased", difference(ours, window))


def _checked(
    group: Sequence[QuoteSource], best: QuoteSource, normal: dict[int, str]
) -> list[QuoteCheck]:
    """Each member's check; reports of the same words, speaker and kind (copies
    of one story) are decided once."""
    decided: dict[tuple[str, int | None, str], QuoteCheck] = {}
    checks = []
    for member in group:
        key = (normal[member.statement_id], member.speaker_id, member.kind)
        if member.statement_id == best.statement_id or key not in decided:
            check = _verdict(member, best, normal)
            if member.statement_id != best.statement_id:
                decided[key] = check
        else:
            check = dataclasses.replace(decided[key], statement_id=member.statement_id)
        checks.append(check)
    return checks


def _scores(text: str, leaders: list[str]) -> list[float]:
    """How nearly ``text`` appears in each leader (or a leader in it). Two long
    texts (whole speeches) are compared whole: a sliding match of two long texts
    costs their product, and they are copies or unrelated."""
    if not leaders:
        return []
    partial = process.cdist([text], leaders, scorer=fuzz.partial_ratio, workers=1)[0]
    if len(text) <= LONG_CHARS:
        return [float(x) for x in partial]
    whole = process.cdist([text], leaders, scorer=fuzz.ratio, workers=1)[0]
    return [
        float(w if len(leader) > LONG_CHARS else p)
        for leader, p, w in zip(leaders, partial, whole, strict=True)
    ]


def _weight(text: str) -> int:
    return sum(3 if ord(c) >= 0x2E80 else 1 for c in text)


def _groups(
    block: Sequence[QuoteSource], normal: dict[int, str]
) -> list[tuple[list[QuoteSource], QuoteSource]]:
    """The groups of one block, each with its best source. Texts are taken best
    source first; each joins the leader (the first text of a group) it matches
    best, or leads a group of its own. Members attach to their source directly,
    never through a chain of look-alikes, and near-copies cost one comparison
    per group, not per pair."""
    by_text: dict[str, list[QuoteSource]] = defaultdict(list)
    for source in block:
        if _weight(normal[source.statement_id]) >= MIN_WEIGHT:
            by_text[normal[source.statement_id]].append(source)
    first = {t: min(by_text[t], key=lambda s: _source_order(s, normal)) for t in by_text}
    leaders: list[str] = []
    members: dict[str, list[str]] = {}
    for text in sorted(by_text, key=lambda t: _source_order(first[t], normal)):
        scores = _scores(text, leaders)
        speakers = {s.speaker_id for s in by_text[text]}
        fits = [
            (score, first[leader].speaker_id in speakers, -index)
            for index, (leader, score) in enumerate(zip(leaders, scores, strict=True))
            if score >= LINK_SCORE
        ]
        if fits:
            members[leaders[-max(fits)[2]]].append(text)
        else:
            leaders.append(text)
            members[text] = [text]
    groups = []
    for leader in leaders:
        group = [s for text in members[leader] for s in by_text[text]]
        if len({s.document_id for s in group}) > 1:
            groups.append((group, first[leader]))
    return groups


def check_quotes(sources: Iterable[QuoteSource]) -> list[QuoteCheck]:
    """The checks of every grouped statement, blocked by meeting and speaker side."""
    blocks: dict[tuple[int, str | None], list[QuoteSource]] = defaultdict(list)
    for source in sources:
        blocks[(source.meeting_id, source.side)].append(source)
    checks: list[QuoteCheck] = []
    for key in sorted(blocks, key=lambda k: (k[0], k[1] or "")):
        block = blocks[key]
        normal = {s.statement_id: normalize_quote(s.text) for s in block}
        for group, best in _groups(block, normal):
            checks += _checked(group, best, normal)
    return sorted(checks, key=lambda c: c.statement_id)
