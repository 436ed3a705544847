"""Statements: transcript turns, direct quotes attributed to their speaker, and
reported speech ("Blinken said he raised concerns ...")."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc

from etl.extract.language import detect_language
from etl.extract.nlp import CUES_KEY, SPEECH, load_yaml
from etl.extract.quotes import QuoteSpan, find_quotes, paragraphs
from etl.extract.records import PersonMention, StatementRecord
from etl.extract.spans import Intervals, SpanIndex
from etl.extract.text import is_headline, word_count
from etl.extract.transcript import ANSWER_LABELS, Turn

_VERBS = load_yaml("speech_verbs.yaml")
REPORTING_VERBS = frozenset(_VERBS["reporting"])
PARTICIPLES = frozenset(_VERBS["participles"])
VERB_FINAL = ("ko", "ja", "zh")
PRONOUN_LOOKBACK = 8  # sentences searched back for the person a pronoun stands for
MIN_QUOTE_WORDS = 4
FULL_QUOTE_WORDS = 8
AFTER_WINDOW = 160
MAX_GAP = 32


@dataclass
class Context:
    """Indexes over one document that attribution needs."""

    text: str
    doc: Doc
    mentions: list[PersonMention]
    pronouns: list[PersonMention]
    turns: list[tuple[int, int]] = field(default_factory=list)
    quoted: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.paragraphs = paragraphs(self.text)
        self.paragraph_starts = [s for s, _ in self.paragraphs]
        self.sentences = [(s.start_char, s.end_char) for s in self.doc.sents]
        self.sentence_starts = [s for s, _ in self.sentences]
        self.index(self.turns, self.quoted)

    def index(self, turns: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> None:
        """(Re)build the lookups once the transcript turns and quotations are known."""
        self.turns, self.quoted = turns, quoted
        self.turn_spans = Intervals(turns)
        excluded = Intervals(turns + quoted)
        verbs = [
            (c.start_char, c.end_char, c.text.lower())
            for c in self.doc.spans[CUES_KEY]
            if c.label_ == SPEECH and not excluded.overlaps(c.start_char, c.end_char)
        ]
        mentions = [
            m for m in self.mentions + self.pronouns if not excluded.overlaps(m.start, m.end)
        ]
        self.verb_index = SpanIndex(verbs, start=lambda v: v[0])
        self.mention_index = SpanIndex(mentions, start=lambda m: m.start)

    def sentence(self, position: int) -> tuple[int, int]:
        index = max(0, bisect_right(self.sentence_starts, position) - 1)
        return self.sentences[index] if self.sentences else (0, len(self.text))

    def paragraph_index(self, position: int) -> int:
        return max(0, bisect_right(self.paragraph_starts, position) - 1)

    def in_turn(self, start: int, end: int) -> bool:
        return self.turn_spans.overlaps(start, end)

    def mentions_in(self, start: int, end: int) -> list[PersonMention]:
        """Mentions within [start, end), outside turns and quotations."""
        return [m for m in self.mention_index.starting_in(start, end) if m.end <= end]

    def verbs_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return [v for v in self.verb_index.starting_in(start, end) if v[1] <= end]


def _gap_ok(text: str, start: int, end: int) -> bool:
    gap = text[start:end]
    return len(gap) <= MAX_GAP and not any(ch in gap for ch in ".!?\n")


def _after(ctx: Context, quote: QuoteSpan) -> tuple[bool, PersonMention | None]:
    """``"…," Blinken said`` / ``"…," said the Chinese leader`` / ``"…," according to X``."""
    para_end = ctx.paragraphs[quote.paragraph][1]
    if quote.outer_end >= para_end:
        return False, None
    if ctx.text[quote.start : quote.end].rstrip().endswith("."):
        # '"… progress." Xi had warned …': the English sentence ended in the quote
        # (Chinese writes “……。”王毅强调。)
        return False, None
    following = quote.outer_end
    while following < para_end and ctx.text[following].isspace():
        following += 1
    _, sentence_end = ctx.sentence(following)
    end = min(para_end, max(sentence_end, quote.outer_end + 1), quote.outer_end + AFTER_WINDOW)
    # ", saying …" after a quote introduces what follows, it does not attribute this quote
    verbs = [v for v in ctx.verbs_in(quote.outer_end, end) if v[2] not in PARTICIPLES]
    if not verbs or (
        not _gap_ok(ctx.text, quote.outer_end, verbs[0][0])
        and not any(
            m.end <= verbs[0][0] and _gap_ok(ctx.text, quote.outer_end, m.start)
            for m in ctx.mentions_in(quote.outer_end, verbs[0][0])
        )
    ):
        return False, None
    verb_start, verb_end, _ = verbs[0]
    before_verb = ctx.mentions_in(quote.outer_end, verb_start)
    if before_verb and _gap_ok(ctx.text, before_verb[-1].end, verb_start):
        return True, before_verb[-1]
    after_verb = ctx.mentions_in(verb_end, end)
    if after_verb and _gap_ok(ctx.text, verb_end, after_verb[0].start):
        return True, after_verb[0]
    # "…," the statement said / "…" but added that …: no person here; the words
    # before the quote may still name the speaker
    return False, None


def _before(ctx: Context, quote: QuoteSpan) -> tuple[bool, PersonMention | None]:
    """``Blinken said: "…"`` / ``Xi emphasized that … "…"`` / ``…, saying the regime "…"``."""
    sentence_start, _ = ctx.sentence(quote.outer_start)
    start = max(sentence_start, ctx.paragraphs[quote.paragraph][0])
    verbs = ctx.verbs_in(start, quote.outer_start)
    if not verbs:
        return False, None
    verb_start, verb_end, verb = verbs[-1]
    if verb == "according":
        named = ctx.mentions_in(verb_end, quote.outer_start)
        return (True, named[0]) if named else (False, None)
    candidates = ctx.mentions_in(start, verb_start)
    if not candidates:
        return False, None
    if verb in PARTICIPLES:
        return True, candidates[0]
    return True, candidates[-1]


def _sentence_subject(ctx: Context, quote: QuoteSpan) -> PersonMention | None:
    """Korean, Japanese, Chinese: "블링컨 장관은 … “…”고 말했다" — the speaker is the
    subject that opens the sentence, the verb comes after the quote."""
    start = max(ctx.sentence(quote.outer_start)[0], ctx.paragraphs[quote.paragraph][0])
    named = [m for m in ctx.mentions_in(start, quote.outer_start) if m.kind != "pronoun"]
    return named[0] if named else None


def _resolve_pronoun(
    ctx: Context, quote: QuoteSpan, previous: list[StatementRecord]
) -> PersonMention | None:
    """A pronoun speaker is the previous quote's speaker when that quote is in the
    same or the preceding paragraph and nobody was named since ("Wang, for his
    part, warned … He said, "…""), else the subject of the nearest earlier sentence."""
    subject = _earlier_subject(ctx, quote)
    here = quote.paragraph
    for statement in reversed(previous):
        if statement.kind != "direct_quote":
            continue
        recent = here - ctx.paragraph_index(statement.start) <= 1
        named_since = subject is not None and subject.start > statement.end
        if recent and statement.speaker is not None and not named_since:
            return statement.speaker
        break
    return subject


def _earlier_subject(ctx: Context, quote: QuoteSpan) -> PersonMention | None:
    """The person who opens the nearest earlier sentence that names one."""
    position = ctx.sentence(quote.outer_start)[0]
    for _ in range(PRONOUN_LOOKBACK):
        if position <= 0:
            break
        start, _ = ctx.sentence(position - 1)
        named = [m for m in ctx.mentions_in(start, position) if m.kind != "pronoun"]
        if named:
            return named[0]
        position = start
    return None


def quote_statements(
    ctx: Context, quotes: list[QuoteSpan], reference_language: str
) -> list[StatementRecord]:
    statements: list[StatementRecord] = []
    previous_in_paragraph: dict[int, PersonMention | None] = {}
    headlines: dict[int, bool] = {}
    for quote in quotes:
        if ctx.in_turn(quote.outer_start, quote.outer_end):
            continue
        para_start, para_end = ctx.paragraphs[quote.paragraph]
        if quote.paragraph not in headlines:
            headlines[quote.paragraph] = is_headline(ctx.text[para_start:para_end])
        if headlines[quote.paragraph]:
            continue
        body = ctx.text[quote.start : quote.end]
        words = word_count(body)
        if words < MIN_QUOTE_WORDS:
            continue
        quote_language = detect_language(body, reference_language)
        attributed, speaker = _after(ctx, quote)
        if not attributed:
            attributed, speaker = _before(ctx, quote)
        if not attributed and quote.paragraph in previous_in_paragraph:
            attributed, speaker = True, previous_in_paragraph[quote.paragraph]
        if not attributed and quote.paragraph - 1 in previous_in_paragraph:
            opens_paragraph = quote.outer_start == para_start
            if opens_paragraph and any(
                q.continued and q.paragraph == quote.paragraph - 1 for q in quotes
            ):
                attributed, speaker = True, previous_in_paragraph[quote.paragraph - 1]
        if speaker is None and quote_language in VERB_FINAL:
            speaker = _sentence_subject(ctx, quote)
            attributed = attributed or speaker is not None
        first_letter = next((ch for ch in body if ch.isalpha()), "")
        full = not first_letter.islower() or words >= FULL_QUOTE_WORDS
        if not attributed and not full:
            continue
        if speaker is not None and speaker.kind == "pronoun":
            speaker = _resolve_pronoun(ctx, quote, statements)
        lead = len(body) - len(body.lstrip())
        start, end = quote.start + lead, quote.start + len(body.rstrip())
        statements.append(
            StatementRecord(
                kind="direct_quote",
                text=ctx.text[start:end],
                start=start,
                end=end,
                speaker=speaker,
                speaker_label=speaker.text if speaker else None,
                language=quote_language,
            )
        )
        previous_in_paragraph[quote.paragraph] = speaker
    return statements


def reported_statements(ctx: Context, reference_language: str) -> list[StatementRecord]:
    """Sentences without quote marks where a named person is followed by a
    reporting verb: kept as ``reported`` with that person as speaker."""
    found = []
    for start, end in ctx.sentences:
        sentence = ctx.text[start:end]
        if any(mark in sentence for mark in '"“”„«»') or ctx.in_turn(start, end):
            continue
        if is_headline(sentence):
            continue
        for mention in ctx.mentions_in(start, end):
            if mention.kind == "pronoun":
                continue
            following = [v for v in ctx.verbs_in(mention.end, end) if v[2] in REPORTING_VERBS]
            if following and _gap_ok(ctx.text, mention.end, following[0][0]):
                gap = ctx.text[mention.end : following[0][0]].strip(" ,")
                if len(gap) <= 12:
                    stripped = sentence.strip()
                    lead = len(sentence) - len(sentence.lstrip())
                    found.append(
                        StatementRecord(
                            kind="reported",
                            text=stripped,
                            start=start + lead,
                            end=start + lead + len(stripped),
                            speaker=mention,
                            speaker_label=mention.text,
                            language=detect_language(stripped, reference_language),
                        )
                    )
                    break
    return found


def label_speaker(
    turn: Turn, mentions: list[PersonMention], host: PersonMention | None = None
) -> PersonMention | None:
    """The person a turn's label names ("SECRETARY BLINKEN"), if any; an answer
    ("答：", "A:") is the briefing's host, the one person its title names."""
    inside = [m for m in mentions if turn.label_start <= m.start and m.end <= turn.label_end]
    if inside:
        return max(inside, key=lambda m: m.end - m.start)
    return host if turn.label in ANSWER_LABELS else None


def turn_statements(
    text: str,
    turns: list[Turn],
    speakers: list[PersonMention | None],
    reference_language: str,
) -> list[StatementRecord]:
    statements = []
    index = 0
    for turn, speaker in zip(turns, speakers, strict=True):
        if turn.stage_only:
            continue
        body = text[turn.start : turn.end]
        statements.append(
            StatementRecord(
                kind="transcript_turn",
                text=body,
                start=turn.start,
                end=turn.end,
                speaker=speaker,
                speaker_label=turn.label,
                via_interpreter=turn.via_interpreter,
                language=detect_language(body, reference_language),
                turn_index=index,
            )
        )
        index += 1
    return statements


def extract_statements(
    ctx: Context,
    turns: list[Turn],
    speakers: list[PersonMention | None],
    reference_language: str,
) -> list[StatementRecord]:
    """All statements; ``speakers`` are the turns' labelled speakers."""
    turn_records = turn_statements(ctx.text, turns, speakers, reference_language)
    quotes = find_quotes(ctx.text, ctx.paragraphs)
    ctx.index(
        [(t.label_start, t.end) for t in turns], [(q.outer_start, q.outer_end) for q in quotes]
    )
    quoted = quote_statements(ctx, quotes, reference_language)
    reported = reported_statements(ctx, reference_language)
    return sorted(turn_records + quoted + reported, key=lambda s: (s.start, s.kind))
