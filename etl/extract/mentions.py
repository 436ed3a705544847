"""Annotate the ruler's matches: person mentions (with the title that precedes
them), generic descriptors, pronouns and places."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz, process
from spacy.tokens import Doc, Span, Token

from etl.extract.date_words import MONTH_NAMES, WEEKDAYS
from etl.extract.nlp import (
    CUES_KEY,
    DESCRIPTOR,
    PERSON,
    PLACE,
    TITLE,
    doc_text,
    lexicon,
    load_yaml,
    title_first_words,
)
from etl.extract.records import PersonMention, Place
from etl.extract.text import is_hangul

PRONOUNS = {"he", "she"}
NATIONALITY: dict[str, str] = {
    str(word): str(country) for word, country in load_yaml("nationalities.yaml").items()
}
_MAX_NEW_NAME_TOKENS = 3


OFFICE_LINKS = frozenset(lexicon("mentions", "office_links"))
MAX_OFFICE_TOKENS = 10  # "of the … Commission and": a name, not a clause
NOT_NAMES = frozenset([*WEEKDAYS, *MONTH_NAMES, "jr", "sr"])


def _is_name_token(token: Token) -> bool:
    text = token.text
    return (
        token.lower_ not in NOT_NAMES
        and token.is_alpha
        and len(text) > 1
        and (token.is_title or token.is_upper)
        and not token.is_stop
        and token.ent_type_ in ("", PERSON)
    )


def _country_before(doc: Doc, index: int) -> str | None:
    """Nationality word just before a title: "Chinese Foreign Minister", "U.S. Secretary";
    called with the title's second token, the title's own first word ("U.S. Trade
    Representative", an office named with its country)."""
    for back in (1, 2):
        if index - back < 0:
            break
        token = doc[index - back]
        country = NATIONALITY.get(token.norm_) or NATIONALITY.get(token.lower_)
        if country:
            return country
        if token.norm_ not in ("'s", "the"):
            break
    return None


def _from_person(
    ent: Span, title: Span | None, country: str | None, written: Span | None = None
) -> PersonMention:
    """``written`` is the whole run of titles before the name when there are
    several ("Defense Minister Admiral", "State Councilor and Foreign Minister");
    ``title`` the one next to the name, whose kind the mention takes."""
    kind, key, known_country = [*ent.ent_id_.split("|"), "", ""][:3]
    start = title.start_char if title is not None else ent.start_char
    return PersonMention(
        text=ent.doc[title.start : ent.end].text if title is not None else ent.text,
        start=start,
        end=ent.end_char,
        kind=kind,
        name=ent.text,
        title=(written or title).text if title is not None else None,
        title_kind=title.ent_id_ if title is not None else None,
        country=known_country or country,
        gazetteer_key=key if kind == "name" else None,
    )


def _titled_after(ent: Span, title: Span) -> PersonMention:
    """Korean puts the title after the name; the mention spans both."""
    mention = _from_person(ent, None, None)
    return replace(
        mention,
        text=ent.doc[ent.start : title.end].text,
        end=title.end_char,
        title=title.text,
        title_kind=title.ent_id_,
    )


def _is_bare_syllable(ent: Span) -> bool:
    """A one-syllable Hangul surname ("시", "왕") names a person only before a
    title ("시 주석"); alone it is an ordinary word."""
    return len(ent) == 1 and len(ent[0].norm_) == 1 and is_hangul(ent.text)


def _with_given_name(doc: Doc, mention: PersonMention, ent: Span) -> PersonMention:
    """A known surname inside a longer name ("Yang Tao", "Tom Sullivan") names
    someone else: the mention becomes that full name, with no gazetteer key."""
    if mention.kind != "surname":
        return mention
    start, end = ent.start, ent.end
    if end < len(doc) and _is_name_token(doc[end]) and not doc[end].ent_type_:
        end += 1
    elif (
        mention.title is None
        and start > 0
        and _is_name_token(doc[start - 1])
        and not doc[start - 1].ent_type_
    ):
        start -= 1
    else:
        return mention
    span = doc[start:end]
    if mention.title is not None:  # "General Wang Haibin": the title stays with the full name
        return replace(
            mention, text=_text_between(doc, mention.start, span.end_char), end=span.end_char,
            kind="titled_name", name=span.text, gazetteer_key=None,
        )  # fmt: skip
    return PersonMention(span.text, span.start_char, span.end_char, kind="name", name=span.text)


def _is_middle_initial(doc: Doc, index: int, first: int) -> bool:
    """ "Dana K. Ortiz": an initial between a given name and a surname."""
    token = doc[index]
    return (
        index > first
        and re.fullmatch(r"[A-Z]\.", token.text) is not None
        and index + 1 < len(doc)
        and _is_name_token(doc[index + 1])
    )


def _text_between(doc: Doc, start: int, end: int) -> str:
    """The text of token-aligned offsets (cheaper than slicing the whole text)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.text if span is not None else ""


def _new_titled_name(
    doc: Doc, title: Span, country: str | None, written: Span | None = None
) -> PersonMention | None:
    """ "Public Security Minister Wang Xiaohong": a capitalized name right after a
    title. Names are only ever created behind a title, never from a bare phrase.
    ``written`` is the whole run of titles before the name."""
    end = title.end
    cue_starts = {span.start for span in doc.spans.get(CUES_KEY, [])}
    while (
        end < len(doc)
        and end - title.end < _MAX_NEW_NAME_TOKENS
        and (_is_name_token(doc[end]) or _is_middle_initial(doc, end, title.end))
        and end not in cue_starts  # "Defense Minister Holds Talks": a cue, not a name
    ):
        end += 1
    if end == title.end or (title.ent_id_ == "honorific" and end - title.end > 2):
        return None
    name = doc[title.end : end]
    return PersonMention(
        text=doc[title.start : name.end].text,
        start=title.start_char,
        end=name.end_char,
        kind="titled_name",
        name=name.text,
        title=(written or title).text,
        title_kind=title.ent_id_,
        country=country,
    )


def _title_run(doc: Doc, ents: list[Span], i: int) -> Span:
    """The titles that stand together before a name, as one span: a title
    directly before the title at ``i``, or joined to it by "and", also with the
    body it heads ("Director of the Joint Staff and Foreign Minister")."""
    start = ents[i].start
    j = i - 1
    while j >= 0 and ents[j].label_ == TITLE:
        gap = doc[ents[j].end : start]
        if len(gap) > 1 and not _office_of(gap):
            break
        if len(gap) == 1 and gap[0].lower_ != "and":
            break
        start, j = ents[j].start, j - 1
    return doc[start : ents[i].end]


def _office_of(gap: Span) -> bool:
    """ "of the Joint Staff Department and": the body a title heads,
    a capitalized name, before "and" and the next title."""
    if len(gap) < 3 or len(gap) > MAX_OFFICE_TOKENS:
        return False
    first, body, last = gap[0], gap[1:-1], gap[-1]
    return (
        first.lower_ == "of"
        and last.lower_ == "and"
        and any(t.is_title or t.is_upper for t in body)
        and all(
            t.is_title or t.is_upper or t.lower_ in OFFICE_LINKS or t.lower_ == "the" for t in body
        )
    )


def person_mentions(doc: Doc) -> list[PersonMention]:
    mentions: list[PersonMention] = []
    ents = list(doc.ents)
    consumed: set[int] = set()
    for i, ent in enumerate(ents):
        if i in consumed:
            continue
        if ent.label_ == TITLE and not is_hangul(ent.text):
            run = _title_run(doc, ents, i)
            country = _country_before(doc, run.start) or _country_before(doc, run.start + 1)
            nxt = ents[i + 1] if i + 1 < len(ents) else None
            if nxt is not None and nxt.label_ == PERSON and nxt.start == ent.end:
                mentions.append(_with_given_name(doc, _from_person(nxt, ent, country, run), nxt))
                consumed.add(i + 1)
                continue
            created = _new_titled_name(doc, ent, country, run)
            if created is not None:
                mentions.append(created)
        elif ent.label_ == PERSON:
            if _modifies_a_noun(doc, ent):
                continue  # "a Biden official": the official, not Biden
            nxt = ents[i + 1] if i + 1 < len(ents) else None
            title_after = nxt is not None and nxt.label_ == TITLE and nxt.start == ent.end
            if nxt is not None and title_after and is_hangul(nxt.text):
                mentions.append(_titled_after(ent, nxt))  # "블링컨 장관", "시 주석"
                consumed.add(i + 1)
            elif not _is_bare_syllable(ent):
                mentions.append(_with_given_name(doc, _from_person(ent, None, None), ent))
        elif ent.label_ == DESCRIPTOR and not _in_office_name(doc, ent):
            country, _, kind = ent.ent_id_.partition("|")
            mentions.append(
                PersonMention(
                    text=ent.text,
                    start=ent.start_char,
                    end=ent.end_char,
                    kind="descriptor",
                    title=ent.text,
                    title_kind=kind,
                    country=country or None,
                )
            )
    return mentions


def _in_office_name(doc: Doc, ent: Span) -> bool:
    """ "Deputy Assistant to the President": an office's name ends in the person
    it serves, who is not the one named after it."""
    if ent.start < 2:
        return False
    link, office = doc[ent.start - 1], doc[ent.start - 2]
    return link.lower_ in OFFICE_LINKS and office.is_title


def pronoun_mentions(doc: Doc, surnames: frozenset[str] = frozenset()) -> list[PersonMention]:
    """Pronouns; a capitalized "He" inside a sentence is the surname He ("…," He said)."""
    found = []
    for t in doc:
        if t.lower_ not in PRONOUNS:
            continue
        end = t.idx + len(t.text)
        if t.text in surnames and not t.is_sent_start:
            found.append(PersonMention(t.text, t.idx, end, kind="surname", name=t.text))
        else:
            found.append(PersonMention(t.text, t.idx, end, kind="pronoun"))
    return found


@lru_cache(maxsize=1)
def _name_modifiers() -> frozenset[str]:
    return frozenset(str(word) for word in load_yaml("name_modifiers.yaml"))


def _modifies_a_noun(doc: Doc, ent: Span) -> bool:
    return ent.end < len(doc) and doc[ent.end].lower_ in _name_modifiers()


def _modifies_title(doc: Doc, ent: Span) -> bool:
    """ "White House national security adviser", "Beijing's envoy", "the Beijing
    regime", "백악관 국가안보보좌관":
    a place used as a modifier is not where anything happened."""
    is_venue = bool(ent.ent_id_.rsplit("|", 1)[-1])
    if not is_venue and ent.start > 0 and doc[ent.start - 1].lower_ == "the":
        return True
    if ent.end >= len(doc):
        return False
    following = doc[ent.end]
    if following.ent_type_ == TITLE or following.norm_ == "'s":
        return True
    return following.text.lower().startswith(_unspaced_title_words())


@lru_cache(maxsize=1)
def _unspaced_title_words() -> tuple[str, ...]:
    """Title words of scripts written without spaces: they open a token ("장관은")."""
    return tuple(sorted(t for t in title_first_words() if not t.isascii()))


def places(doc: Doc) -> list[Place]:
    return list(_places(doc))


def _places(doc: Doc) -> Iterator[Place]:
    """Places in text order, made as they are asked for."""
    for ent in doc.ents:
        if ent.label_ != PLACE or _modifies_title(doc, ent):
            continue
        city, country, venue = ent.ent_id_.split("|")
        yield Place(ent.text, ent.start_char, ent.end_char, city or None, country, venue or None)


def candidate_mentions(
    doc: Doc, known_names: dict[str, str], known_surnames: dict[str, str], cutoff: float = 85.0
) -> list[PersonMention]:
    """Capitalized words outside any entity that closely resemble a known name
    ("Bilinken", "Vang Yi"): misspellings the ruler cannot match exactly.
    ``known_*`` map a lower-case name to its key; resolution makes the final call."""
    choices = {True: list(known_names), False: list(known_surnames)}
    found: list[PersonMention] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if token.ent_type_ or not _is_name_token(token) or (token.is_sent_start and token.is_stop):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and j - i < 2 and not doc[j].ent_type_ and _is_name_token(doc[j]):
            j += 1
        span = doc[i:j]
        table = known_names if j - i > 1 else known_surnames
        match = process.extractOne(
            span.text.lower(), choices[j - i > 1], scorer=fuzz.ratio, score_cutoff=cutoff
        )
        if match is not None and len(span.text) >= 4:
            found.append(
                PersonMention(
                    text=span.text,
                    start=span.start_char,
                    end=span.end_char,
                    kind="candidate",
                    name=span.text,
                    gazetteer_key=table[match[0]],
                )
            )
        i = j
    return found


_AGENCIES = ("新华社", "中新社", "记者", "(뉴스1)", "연합뉴스", "(", "（")
_CJK_DATE = re.compile(r"\d{1,2}[月일]|\d{1,2}日电")
# "(워싱턴=연합뉴스) ": a Korean agency writes its dateline in brackets
_BRACKETED = re.compile(r"\s*=\s*[^()\n=]{1,20}[)）]")
_DATELINE_END = re.compile(r"\s[-–—]+\s|电|\)\s*[-–—:]|=[^()\n=]{1,20}[)）]")


def dateline_span(doc: Doc) -> tuple[int, int] | None:
    """ "WASHINGTON, Feb 3 (AP) — ", "新华社瓦莱塔9月17日电": where the text was
    filed and when, not where or when anything in the story happened."""
    place = dateline_place(doc)
    if place is None:
        return None
    end = _DATELINE_END.search(doc_text(doc), place.end, place.end + 60)
    return (place.start, end.end()) if end else None


def dateline_place(doc: Doc, window: int = 400) -> Place | None:
    """ "BEIJING – …", "WASHINGTON (Reuters) -", "新华社北京4月2日电", "(워싱턴=연합뉴스)":
    a place that opens a line near the top (after the headline), followed by a
    dash, a parenthesis, a comma or a date, or bracketed with its agency."""
    text = doc_text(doc)
    for place in _places(doc):
        if place.start > window:
            break
        line_start = text.rfind("\n", 0, place.start) + 1
        lead = text[line_start : place.start].strip()
        if place.city is None or (lead and not lead.endswith(_AGENCIES)):
            continue
        if lead.endswith(("(", "（")):
            if _BRACKETED.match(text, place.end):
                return place
            continue
        following = text[place.end : place.end + 6].strip()
        if following[:1] in ("-", "–", "—", "(", ",") or _CJK_DATE.match(following):
            return place
    return None
